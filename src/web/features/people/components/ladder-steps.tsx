import { Badge, Group, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ladderSteps, type LadderStep } from '../api.ts';

// One colour per step, from cool (one-way) to the app's own (met in person).
export const stepColors: Record<LadderStep, string> = { aware: 'gray', engaged: 'blue', conversing: 'violet', talked: 'orange', met: 'onland' };

// Aware → Engaged → Conversing → Talked → Met: the steps reached are filled in, the current one stands out.
export function LadderSteps({ step }: { step: LadderStep }) {
  const { t } = useTranslation();
  const labelId = useId();
  const current = ladderSteps.indexOf(step);
  return (
    <Stack gap={4}>
      <Text id={labelId} size="sm" fw={600} c="dimmed">{t('ladder.label')}</Text>
      <Group component="ol" className="plain-list" gap={6} aria-labelledby={labelId}>
        {ladderSteps.map((s, index) => (
          <Group component="li" key={s} gap={6} wrap="nowrap" aria-current={index === current ? 'step' : undefined}>
            <Badge size="lg" tt="none" variant={index === current ? 'filled' : index < current ? 'light' : 'outline'}
              color={index <= current ? 'onland' : 'gray'} fw={index === current ? 700 : 500}>
              {t(`ladder.steps.${s}`)}
            </Badge>
            {index < ladderSteps.length - 1 && <Text span c="dimmed" aria-hidden="true">→</Text>}
          </Group>
        ))}
      </Group>
      <Text size="sm">{t(`ladder.hints.${step}`)}</Text>
    </Stack>
  );
}

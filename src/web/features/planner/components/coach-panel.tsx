import { Alert, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Coach } from '../api.ts';
import { localized } from '../message.ts';

// The coach's explained warnings: advice, never a gate.
export function CoachPanel({ coach, loading, channelNames }: { coach: Coach | undefined; loading: boolean; channelNames: Map<string, string> }) {
  const { t } = useTranslation();
  const warnings = coach?.warnings ?? [];
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="coach-title" aria-live="polite" data-testid="coach">
      <Title order={2} size="h5" id="coach-title">{t('planner.coach.title')} {loading && <Loader size="xs" ml={4} />}</Title>
      <Text size="xs" c="dimmed" mb="xs">{t('planner.coach.hint')}</Text>
      <Stack gap="xs">
        {coach && warnings.length === 0 && <Text size="sm">{t('planner.coach.quiet')}</Text>}
        {warnings.map((w, i) => (
          <Alert key={`${w.code}-${w.channelId}-${i}`} color="yellow" p="xs" data-warning={w.code}
            title={w.channelId ? channelNames.get(w.channelId) : undefined}>
            <Text size="sm">{localized(w.message)}</Text>
          </Alert>
        ))}
      </Stack>
    </Paper>
  );
}

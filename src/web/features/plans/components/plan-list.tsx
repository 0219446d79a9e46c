import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatTime } from '../../../lib/format.ts';
import { notifySuccess } from '../../../lib/problems.ts';
import { useCancelPlan, type Plan } from '../api.ts';
import { PlanDoneModal } from './plan-done-modal.tsx';

type Props = {
  plans: Plan[];
  canEdit: boolean;
  // On Today the person is named and linked; on their own page it would only repeat the heading.
  showPerson?: boolean;
  // Within a day's group the time is enough; elsewhere the date belongs with it.
  timeOnly?: boolean;
};

export function PlanList({ plans, canEdit, showPerson = true, timeOnly = false }: Props) {
  const { t } = useTranslation();
  const [finishing, setFinishing] = useState<Plan | null>(null);
  const cancel = useCancelPlan();

  return (
    <>
      <Stack component="ul" className="plain-list" gap="xs">
        {plans.map((plan) => {
          const kind = t(`plans.kinds.${plan.kind}`);
          return (
            <Paper key={plan.id} component="li" withBorder p="sm">
              <Group justify="space-between" align="flex-start" gap="sm">
                <Stack gap={2}>
                  <Text fw={600}>
                    {showPerson ? (
                      <>
                        {t('plans.with', { kind })}{' '}
                        <Anchor component={Link} to={`/people/${plan.personId}`} fw={600}>{plan.personName}</Anchor>
                      </>
                    ) : kind}
                  </Text>
                  <Text size="sm" c="dimmed">
                    <time dateTime={plan.startsAt.toISOString()}>{timeOnly ? formatTime(plan.startsAt) : formatDateTime(plan.startsAt)}</time>
                    {` · ${t('timeline.minutes', { count: plan.durationMinutes })}`}
                    {plan.place && ` · ${plan.place}`}
                  </Text>
                  {plan.note && <Text size="sm" className="pre-wrap">{plan.note}</Text>}
                </Stack>
                {canEdit && (
                  <Group gap="xs">
                    <Button size="xs" onClick={() => setFinishing(plan)}
                      aria-label={t('plans.doneLabel', { kind, name: plan.personName })}>{t('plans.doneButton')}</Button>
                    <Button size="xs" variant="default" loading={cancel.isPending && cancel.variables === plan.id}
                      aria-label={t('plans.cancelLabel', { kind, name: plan.personName })}
                      onClick={() => cancel.mutate(plan.id, { onSuccess: () => notifySuccess(t('plans.cancelled', { kind, name: plan.personName })) })}>
                      {t('plans.cancelButton')}
                    </Button>
                  </Group>
                )}
              </Group>
            </Paper>
          );
        })}
      </Stack>
      <PlanDoneModal plan={finishing} onClose={() => setFinishing(null)} />
    </>
  );
}

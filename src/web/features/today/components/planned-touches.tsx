import { Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { startOfDay } from '../../../lib/format.ts';
import type { Plan } from '../../plans/api.ts';
import { PlanList } from '../../plans/components/plan-list.tsx';

const groups = ['overdue', 'today', 'tomorrow'] as const;

// Calls and meetings still open, by local day: what slipped, what is on today, what comes tomorrow.
export function PlannedTouches({ plans, now, canEdit }: { plans: Plan[]; now: Date; canEdit: boolean }) {
  const { t } = useTranslation();
  const today = startOfDay(now);
  const tomorrow = startOfDay(now, 1);
  const dayAfter = startOfDay(now, 2);
  const groupOf = (plan: Plan) => {
    if (plan.startsAt < today) return 'overdue';
    if (plan.startsAt < tomorrow) return 'today';
    if (plan.startsAt < dayAfter) return 'tomorrow';
    return null;
  };
  const byGroup = groups.map((group) => ({ group, plans: plans.filter((plan) => groupOf(plan) === group) })).filter((g) => g.plans.length > 0);
  if (byGroup.length === 0) return null;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="planned-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="planned-title">{t('today.planned.title')}</Title>
        {byGroup.map(({ group, plans: inGroup }) => (
          <Stack key={group} gap="xs" component="section" aria-labelledby={`planned-${group}`}>
            <Title order={3} size="h5" id={`planned-${group}`} c={group === 'overdue' ? 'orange.9' : undefined}>{t(`today.planned.${group}`)}</Title>
            <PlanList plans={inGroup} canEdit={canEdit} timeOnly={group !== 'overdue'} />
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

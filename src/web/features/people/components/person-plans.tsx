import { Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUpcomingPlans } from '../../plans/api.ts';
import { PlanList } from '../../plans/components/plan-list.tsx';

// Calls and meetings still open with this person; nothing at all when there are none.
export function PersonPlans({ personId, canEdit }: { personId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const plans = useUpcomingPlans();
  // The API lists the workspace's plans; this person's are picked here.
  const mine = plans.data?.items.filter((plan) => plan.personId === personId) ?? [];
  if (mine.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="person-plans-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="person-plans-title">{t('plans.upcoming.title')}</Title>
        <PlanList plans={mine} canEdit={canEdit} showPerson={false} />
      </Stack>
    </Paper>
  );
}

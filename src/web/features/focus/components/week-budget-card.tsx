import { Alert, Anchor, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentFocus, useFocusWeek } from '../api.ts';
import { useFocusUi } from '../focus-context.tsx';

// On Today: what is left of this week's focus budget, and a warning when the goals do not fit.
export function WeekBudgetCard() {
  const { t } = useTranslation();
  const week = useFocusWeek();
  const current = useCurrentFocus();
  const { openStart } = useFocusUi();
  if (!week.data) return null;
  const { totals, channels, overCommitted } = week.data;
  return (
    <Card withBorder component="section" aria-labelledby="focus-week-title">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4" id="focus-week-title">{t('focus.week.title')}</Title>
          {!current.data?.session && <Button size="xs" variant="light" onClick={openStart}>{t('focus.start.button')}</Button>}
        </Group>
        {week.data.budgetScope === 'none' ? (
          <Text size="sm">{t('focus.week.noBudget', { used: totals.usedMinutes })} <Anchor component={Link} to="/focus">{t('focus.week.setBudget')}</Anchor></Text>
        ) : (
          <>
            <Text size="sm" data-testid="focus-left">{t('focus.week.left', { left: totals.leftMinutes, budget: totals.budgetMinutes })}</Text>
            <Progress value={totals.budgetMinutes ? Math.min(100, (totals.usedMinutes / totals.budgetMinutes) * 100) : 0} aria-label={t('focus.week.used', { used: totals.usedMinutes })} />
            <Text size="xs" c="dimmed">
              {channels.map((c) => t('focus.week.channel', { channel: t(`focus.channels.${c.channel}`), left: c.leftMinutes })).join(' · ')}
            </Text>
          </>
        )}
        {overCommitted && <OverCommitment channels={channels.filter((c) => c.overCommitted)} />}
      </Stack>
    </Card>
  );
}

export function OverCommitment({ channels }: { channels: { channel: string; neededMinutes: number; minutesPerWeek: number }[] }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('focus.week.overTitle')} role="status">
      {channels.map((c) => t('focus.week.over', { channel: t(`focus.channels.${c.channel}` as 'focus.channels.x'), needed: c.neededMinutes, budget: c.minutesPerWeek })).join(' ')}
    </Alert>
  );
}

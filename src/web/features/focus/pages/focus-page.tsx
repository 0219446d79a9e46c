import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SessionList } from '../../../../server/modules/focus/focus.contract.ts';
import { api } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { focusKeys, useCurrentFocus, useFocusWeek } from '../api.ts';
import { useFocusUi } from '../focus-context.tsx';
import { BudgetForm } from '../components/budget-form.tsx';
import { OverCommitment } from '../components/week-budget-card.tsx';

// Focus: start a session, this week against the budget, the budget itself, and recent sessions.
export function FocusPage() {
  const { t } = useTranslation();
  const { openStart } = useFocusUi();
  const current = useCurrentFocus();
  const week = useFocusWeek();
  const recent = useQuery({ queryKey: [...focusKeys.all, 'recent'], queryFn: ({ signal }) => api('/api/v1/focus/sessions', { query: { limit: 10 }, schema: SessionList, signal }) });

  return (
    <Stack gap="lg" maw={900}>
      <title>{`${t('nav.focus')} · ${t('app.name')}`}</title>
      <Group justify="space-between">
        <div>
          <Title order={1}>{t('nav.focus')}</Title>
          <Text c="dimmed">{t('focus.intro')}</Text>
        </div>
        <Group>
          <Anchor component={Link} to="/focus/reflection">{t('focus.reflection.link')}</Anchor>
          {!current.data?.session && <Button onClick={openStart}>{t('focus.start.button')}</Button>}
        </Group>
      </Group>

      {week.data && (
        <Card withBorder component="section" aria-labelledby="focus-this-week">
          <Stack gap="sm">
            <Title order={2} size="h3" id="focus-this-week">{t('focus.week.heading', { week: week.data.week })}</Title>
            <Text size="sm">{t('focus.week.sessions', { count: week.data.sessions, onTime: week.data.sessionsOnTime })}</Text>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('focus.budget.channel')}</Table.Th>
                  <Table.Th>{t('focus.week.usedCol')}</Table.Th>
                  <Table.Th>{t('focus.week.leftCol')}</Table.Th>
                  <Table.Th>{t('focus.week.neededCol')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {week.data.channels.map((c) => (
                  <Table.Tr key={c.channel}>
                    <Table.Td>{t(`focus.channels.${c.channel}`)}</Table.Td>
                    <Table.Td>{c.usedMinutes}</Table.Td>
                    <Table.Td>{c.leftMinutes} / {c.minutesPerWeek}</Table.Td>
                    <Table.Td>{c.neededMinutes}{c.overCommitted && <Badge ml="xs" color="red" variant="light">{t('focus.week.overBadge')}</Badge>}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {week.data.overCommitted && <OverCommitment channels={week.data.channels.filter((c) => c.overCommitted)} />}
          </Stack>
        </Card>
      )}

      <Card withBorder component="section" aria-labelledby="focus-budget">
        <Title order={2} size="h3" id="focus-budget" mb="sm">{t('focus.budget.title')}</Title>
        <BudgetForm />
      </Card>

      {recent.data && recent.data.items.length > 0 && (
        <section aria-labelledby="focus-recent">
          <Title order={2} size="h3" id="focus-recent" mb="sm">{t('focus.recent.title')}</Title>
          <Table>
            <Table.Tbody>
              {recent.data.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{formatDateTime(s.startedAt)}</Table.Td>
                  <Table.Td>{s.channels.map((c) => t(`focus.channels.${c}`)).join(', ')}</Table.Td>
                  <Table.Td>{t('focus.recent.minutes', { count: Math.round(Object.values(s.actualSeconds).reduce((a, b) => a + b, 0) / 60) })}</Table.Td>
                  <Table.Td>
                    {s.running ? <Badge variant="light">{t('focus.running')}</Badge>
                      : s.endedEarly ? <Badge color="gray" variant="light">{t('focus.endedEarly')}</Badge>
                        : <Badge color="teal" variant="light">{t('focus.onTime')}</Badge>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      )}
    </Stack>
  );
}

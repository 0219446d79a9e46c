import { Alert, Anchor, Button, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Loading } from '../../../components/loading.tsx';
import { IconPlus } from '../../../lib/icons.tsx';
import { problemMessage } from '../../../lib/problems.ts';
import { useCurrentSession } from '../../auth/api.ts';
import { useOccurrences, useSeriesList } from '../api.ts';
import { MonthCalendar } from '../components/month-calendar.tsx';
import { OccurrenceList } from '../components/occurrence-list.tsx';
import { describeRecurrence } from '../components/recurrence-summary.ts';
import { fromRrule } from '../recurrence.ts';

const views = ['upcoming', 'calendar', 'series'] as const;
type View = (typeof views)[number];

function Upcoming() {
  const { t } = useTranslation();
  // From now to 90 days ahead (the server's default window), fixed for this visit.
  const range = useMemo(() => { const from = new Date(); return { from, to: new Date(from.getTime() + 90 * 24 * 3600_000) }; }, []);
  const occurrences = useOccurrences(range.from, range.to);
  if (occurrences.isPending) return <Loading />;
  if (occurrences.isError) return <Alert color="red" title={t('events.loadError')}>{problemMessage(occurrences.error)}</Alert>;
  return <OccurrenceList items={occurrences.data.items} label={t('events.tabs.upcoming')} />;
}

function SeriesTable() {
  const { t } = useTranslation();
  const series = useSeriesList();
  if (series.isPending) return <Loading />;
  if (series.isError) return <Alert color="red" title={t('events.loadError')}>{problemMessage(series.error)}</Alert>;
  if (series.data.items.length === 0) return <Text c="dimmed">{t('events.list.noSeries')}</Text>;
  return (
    <Table aria-label={t('events.tabs.series')} verticalSpacing="sm">
      <Table.Thead><Table.Tr><Table.Th>{t('events.list.what')}</Table.Th><Table.Th>{t('events.list.repeats')}</Table.Th><Table.Th>{t('events.list.places')}</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {series.data.items.map((item) => (
          <Table.Tr key={item.id}>
            <Table.Td><Anchor component={Link} to={`/events/series/${item.id}`}>{item.title}</Anchor></Table.Td>
            <Table.Td>{describeRecurrence(fromRrule(item.rrule))}</Table.Td>
            <Table.Td>{item.capacity}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function EventsPage() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const [params, setParams] = useSearchParams();
  const view: View = (views as readonly string[]).includes(params.get('view') ?? '') ? (params.get('view') as View) : 'upcoming';
  return (
    <Stack gap="lg">
      <title>{`${t('nav.events')} · ${t('app.name')}`}</title>
      <Group justify="space-between">
        <div>
          <Title order={1}>{t('nav.events')}</Title>
          <Text c="dimmed">{t('events.intro')}</Text>
        </div>
        {user.role !== 'viewer' && <Button component={Link} to="/events/new" leftSection={<IconPlus size={16} />}>{t('events.new')}</Button>}
      </Group>
      <Tabs value={view} onChange={(next) => setParams(next && next !== 'upcoming' ? { view: next } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>{views.map((v) => <Tabs.Tab key={v} value={v}>{t(`events.tabs.${v}`)}</Tabs.Tab>)}</Tabs.List>
        <Tabs.Panel value="upcoming" pt="md"><Upcoming /></Tabs.Panel>
        <Tabs.Panel value="calendar" pt="md"><MonthCalendar /></Tabs.Panel>
        <Tabs.Panel value="series" pt="md"><SeriesTable /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

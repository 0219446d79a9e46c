import { BarChart } from '@mantine/charts';
import { Anchor, SimpleGrid, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format.ts';
import type { ClientSourcesView } from '../api.ts';
import { Figure } from './figure.tsx';

// Where clients came from: what they told you, and where the first touch you recorded happened.
export function ClientSourcesCard({ sources }: { sources: ClientSourcesView }) {
  const { t } = useTranslation();
  const sourceLabel = (s: string | null) => s ?? t('insights.clients.notGiven');
  const channelLabel = (c: string | null) => (c ? t(`channels.${c}`, { defaultValue: c }) : t('insights.clients.noTouch'));
  const top = sources.bySource.find((s) => s.source !== null);
  const headline = sources.clients === 0 ? t('insights.clients.none')
    : top ? t('insights.clients.headline', { count: sources.clients, source: top.source, clients: top.clients }) : t('insights.clients.noSources', { count: sources.clients });
  return (
    <Figure id="insights-clients" title={t('insights.clients.title')} headline={headline}>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <div>
          <BarChart h={200} orientation="vertical" dataKey="label" yAxisProps={{ width: 110 }}
            data={sources.bySource.map((s) => ({ label: sourceLabel(s.source), clients: s.clients }))} series={[{ name: 'clients', label: t('insights.clients.clients'), color: 'blue.6' }]} />
          <Table data-testid="insights-sources-table">
            <Table.Thead><Table.Tr><Table.Th>{t('insights.clients.source')}</Table.Th><Table.Th>{t('insights.clients.clients')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {sources.bySource.map((s) => <Table.Tr key={s.source ?? ''}><Table.Td>{sourceLabel(s.source)}</Table.Td><Table.Td>{s.clients}</Table.Td></Table.Tr>)}
            </Table.Tbody>
          </Table>
        </div>
        <div>
          <BarChart h={200} orientation="vertical" dataKey="label" yAxisProps={{ width: 110 }}
            data={sources.byFirstTouch.map((s) => ({ label: channelLabel(s.channel), clients: s.clients }))} series={[{ name: 'clients', label: t('insights.clients.clients'), color: 'teal.6' }]} />
          <Table data-testid="insights-first-touch-table">
            <Table.Thead><Table.Tr><Table.Th>{t('insights.clients.firstTouch')}</Table.Th><Table.Th>{t('insights.clients.clients')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {sources.byFirstTouch.map((s) => <Table.Tr key={s.channel ?? ''}><Table.Td>{channelLabel(s.channel)}</Table.Td><Table.Td>{s.clients}</Table.Td></Table.Tr>)}
            </Table.Tbody>
          </Table>
        </div>
      </SimpleGrid>
      {sources.clientList.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table data-testid="insights-clients-table">
            <Table.Caption>{t('insights.clients.listCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr><Table.Th>{t('insights.clients.name')}</Table.Th><Table.Th>{t('insights.clients.source')}</Table.Th><Table.Th>{t('insights.clients.firstTouch')}</Table.Th><Table.Th>{t('insights.clients.firstTouchAt')}</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sources.clientList.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td><Anchor component={Link} to={`/people/${c.id}`}>{c.name}</Anchor></Table.Td><Table.Td>{sourceLabel(c.source)}</Table.Td>
                  <Table.Td>{channelLabel(c.firstTouchChannel)}</Table.Td><Table.Td>{c.firstTouchAt ? formatDate(c.firstTouchAt) : '–'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Figure>
  );
}

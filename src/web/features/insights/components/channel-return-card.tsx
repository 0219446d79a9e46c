import { BarChart } from '@mantine/charts';
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelReturnView } from '../api.ts';
import { Figure } from './figure.tsx';

// Focus minutes per channel against the conversations, meetings and new clients that came of them.
export function ChannelReturnCard({ result }: { result: ChannelReturnView }) {
  const { t } = useTranslation();
  const focused = result.channels.filter((c) => c.focusMinutes > 0);
  const best = [...focused].sort((a, b) => (b.conversationsPerHour ?? 0) + (b.meetingsPerHour ?? 0) - (a.conversationsPerHour ?? 0) - (a.meetingsPerHour ?? 0))[0];
  const headline = best ? t('insights.return.best', { channel: t(`channels.${best.channel}`), conversations: best.conversationsPerHour ?? 0, meetings: best.meetingsPerHour ?? 0 })
    : t('insights.return.noFocus', { count: result.days });
  const hour = (v: number | null) => (v === null ? '–' : v.toLocaleString());
  return (
    <Figure id="insights-return" title={t('insights.return.title')} headline={headline}
      chart={focused.length > 0 ? <BarChart h={220} dataKey="channel" withLegend
        data={focused.map((c) => ({ channel: t(`channels.${c.channel}`), conversations: c.conversationsPerHour ?? 0, meetings: c.meetingsPerHour ?? 0, clients: c.newClientsPerHour ?? 0 }))}
        series={[{ name: 'conversations', label: t('insights.return.conversationsPerHour'), color: 'blue.6' }, { name: 'meetings', label: t('insights.return.meetingsPerHour'), color: 'teal.6' },
          { name: 'clients', label: t('insights.return.clientsPerHour'), color: 'grape.6' }]} /> : undefined}>
      <Table.ScrollContainer minWidth={720}>
        <Table data-testid="insights-return-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('insights.return.channel')}</Table.Th><Table.Th>{t('insights.return.minutes')}</Table.Th>
              <Table.Th>{t('insights.return.conversations')}</Table.Th><Table.Th>{t('insights.return.meetings')}</Table.Th><Table.Th>{t('insights.return.clients')}</Table.Th>
              <Table.Th>{t('insights.return.conversationsPerHour')}</Table.Th><Table.Th>{t('insights.return.meetingsPerHour')}</Table.Th><Table.Th>{t('insights.return.clientsPerHour')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.channels.map((c) => (
              <Table.Tr key={c.channel}>
                <Table.Td>{t(`channels.${c.channel}`)}</Table.Td><Table.Td>{c.focusMinutes}</Table.Td>
                <Table.Td>{c.conversations}</Table.Td><Table.Td>{c.meetings}</Table.Td><Table.Td>{c.newClients}</Table.Td>
                <Table.Td>{hour(c.conversationsPerHour)}</Table.Td><Table.Td>{hour(c.meetingsPerHour)}</Table.Td><Table.Td>{hour(c.newClientsPerHour)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Figure>
  );
}

import { BarChart } from '@mantine/charts';
import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FunnelView } from '../api.ts';
import { Figure } from './figure.tsx';

// People per ladder step, this month's moves up, and how long it takes to get from a first touch to a call or a meeting.
export function FunnelCard({ funnel }: { funnel: FunnelView }) {
  const { t } = useTranslation();
  const data = funnel.steps.map((s) => ({ step: t(`ladder.steps.${s.step}`), people: s.people, moved: s.movedUpThisMonth }));
  const days = (d: number | null) => t('insights.funnel.days', { count: d ?? 0 });
  return (
    <Figure id="insights-funnel" title={t('insights.funnel.title')} headline={t('insights.funnel.headline', { count: funnel.movesUpThisMonth })}
      chart={<BarChart h={220} data={data} dataKey="step" withLegend
        series={[{ name: 'people', label: t('insights.funnel.people'), color: 'blue.6' }, { name: 'moved', label: t('insights.funnel.moved'), color: 'teal.6' }]} />}>
      <Stack gap={4}>
        <Text size="sm">{funnel.firstTouchToCall.people === 0 ? t('insights.funnel.noCall') : t('insights.funnel.toCall', { days: days(funnel.firstTouchToCall.medianDays), count: funnel.firstTouchToCall.people })}</Text>
        <Text size="sm">{funnel.firstTouchToMeeting.people === 0 ? t('insights.funnel.noMeeting') : t('insights.funnel.toMeeting', { days: days(funnel.firstTouchToMeeting.medianDays), count: funnel.firstTouchToMeeting.people })}</Text>
      </Stack>
      <Table data-testid="insights-funnel-table">
        <Table.Thead>
          <Table.Tr><Table.Th>{t('insights.funnel.step')}</Table.Th><Table.Th>{t('insights.funnel.people')}</Table.Th><Table.Th>{t('insights.funnel.moved')}</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {funnel.steps.map((s) => (
            <Table.Tr key={s.step}><Table.Td>{t(`ladder.steps.${s.step}`)}</Table.Td><Table.Td>{s.people}</Table.Td><Table.Td>{s.movedUpThisMonth}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {funnel.moves.length > 0 && (
        <Table data-testid="insights-moves-table">
          <Table.Caption>{t('insights.funnel.movesCaption')}</Table.Caption>
          <Table.Thead><Table.Tr><Table.Th>{t('insights.funnel.from')}</Table.Th><Table.Th>{t('insights.funnel.to')}</Table.Th><Table.Th>{t('insights.funnel.people')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {funnel.moves.map((m) => (
              <Table.Tr key={`${m.from}-${m.to}`}><Table.Td>{t(`ladder.steps.${m.from}`)}</Table.Td><Table.Td>{t(`ladder.steps.${m.to}`)}</Table.Td><Table.Td>{m.people}</Table.Td></Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Figure>
  );
}

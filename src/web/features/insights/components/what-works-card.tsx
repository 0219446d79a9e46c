import { BarChart } from '@mantine/charts';
import { Badge, SegmentedControl, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import type { WhatWorksView } from '../api.ts';
import { Figure, percent } from './figure.tsx';

type By = 'pillar' | 'channel' | 'weekday';
// 1 Monday … 7 Sunday, as the server counts them.
const weekdayKeys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Row = Omit<WhatWorksView['byPillar'][number], 'pillar'> & { label: string };

// Posts per pillar, channel or weekday, and the conversations, calls and meetings that followed them.
export function WhatWorksCard({ works }: { works: WhatWorksView }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<By>('pillar');
  const rows: Row[] = by === 'pillar' ? works.byPillar.map(({ pillar, ...r }) => ({ ...r, label: t(`insights.pillars.${pillar}`) }))
    : by === 'channel' ? works.byChannel.map(({ channel, ...r }) => ({ ...r, label: t(`channels.${channel}`, { defaultValue: channel }) }))
      : works.byWeekday.map(({ weekday, ...r }) => ({ ...r, label: t(`insights.weekdays.${weekdayKeys[weekday - 1]!}`) }));
  const best = [...rows].filter((r) => !r.tooFewToTell).sort((a, b) => b.smoothedRate - a.smoothedRate)[0];
  const headline = works.posts === 0 ? t('insights.works.noPosts', { count: works.days })
    : best ? t('insights.works.best', { label: best.label, rate: percent(best.smoothedRate), average: percent(works.averageRate) })
      : t('insights.works.tooFew', { average: percent(works.averageRate), count: works.posts });
  return (
    <Figure id="insights-works" title={t('insights.works.title')} headline={headline}
      chart={<BarChart h={220} data={rows.map((r) => ({ label: r.label, rate: Math.round(r.smoothedRate * 100) }))} dataKey="label" unit=" %"
        series={[{ name: 'rate', label: t('insights.works.rate'), color: 'teal.6' }]} />}>
      <SegmentedControl value={by} onChange={(v) => setBy(v as By)} aria-label={t('insights.works.by')}
        data={(['pillar', 'channel', 'weekday'] as const).map((v) => ({ value: v, label: t(`insights.works.by_${v}`) }))} />
      <Text size="sm" c="dimmed">{t('insights.works.explain', { count: works.priorPosts })}</Text>
      <Table.ScrollContainer minWidth={640}>
        <Table data-testid="insights-works-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t(`insights.works.by_${by}`)}</Table.Th><Table.Th>{t('insights.works.posts')}</Table.Th><Table.Th>{t('insights.works.conversations')}</Table.Th>
              <Table.Th>{t('insights.works.calls')}</Table.Th><Table.Th>{t('insights.works.meetings')}</Table.Th><Table.Th>{t('insights.works.rate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.label}>
                <Table.Td>{r.label}</Table.Td><Table.Td>{r.posts}</Table.Td><Table.Td>{r.conversations}</Table.Td><Table.Td>{r.calls}</Table.Td><Table.Td>{r.meetings}</Table.Td>
                <Table.Td>{r.tooFewToTell ? <Badge variant="light" color="gray" tt="none">{t('insights.works.tooFewBadge')}</Badge>
                  : t('insights.works.rateCell', { rate: percent(r.smoothedRate), with: r.postsWithOutcome, posts: r.posts })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {works.postList.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="insights-posts-table">
            <Table.Caption>{t('insights.works.postsCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('insights.works.published')}</Table.Th><Table.Th>{t('insights.works.post')}</Table.Th><Table.Th>{t('insights.works.by_pillar')}</Table.Th>
                <Table.Th>{t('insights.works.conversations')}</Table.Th><Table.Th>{t('insights.works.calls')}</Table.Th><Table.Th>{t('insights.works.meetings')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {works.postList.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{formatDate(p.publishedAt)}</Table.Td><Table.Td>{p.excerpt}</Table.Td><Table.Td>{t(`insights.pillars.${p.pillar}`)}</Table.Td>
                  <Table.Td>{p.conversations}</Table.Td><Table.Td>{p.calls}</Table.Td><Table.Td>{p.meetings}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Figure>
  );
}

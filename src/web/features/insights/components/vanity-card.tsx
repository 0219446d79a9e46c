import { BarChart } from '@mantine/charts';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VanityView } from '../api.ts';
import { Figure } from './figure.tsx';

// Likes and follows received: here because people ask, never the headline.
export function VanityCard({ vanity }: { vanity: VanityView }) {
  const { t } = useTranslation();
  return (
    <Figure id="insights-vanity" title={t('insights.vanity.title')}
      headline={t('insights.vanity.headline', { likes: vanity.likes, followers: vanity.newFollowers, days: vanity.days })}
      chart={vanity.channels.length > 0 ? <BarChart h={200} dataKey="channel" withLegend
        data={vanity.channels.map((c) => ({ channel: t(`channels.${c.channel}`), likes: c.likes, followers: c.newFollowers }))}
        series={[{ name: 'likes', label: t('insights.vanity.likes'), color: 'gray.6' }, { name: 'followers', label: t('insights.vanity.followers'), color: 'gray.4' }]} /> : undefined}>
      <Text size="sm" c="dimmed">{vanity.followerCountsKnown ? null : t('insights.vanity.noTotals')}</Text>
      <Table data-testid="insights-vanity-table">
        <Table.Thead>
          <Table.Tr><Table.Th>{t('insights.return.channel')}</Table.Th><Table.Th>{t('insights.vanity.likes')}</Table.Th><Table.Th>{t('insights.vanity.onPosts')}</Table.Th><Table.Th>{t('insights.vanity.followers')}</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {vanity.channels.map((c) => (
            <Table.Tr key={c.channel}><Table.Td>{t(`channels.${c.channel}`)}</Table.Td><Table.Td>{c.likes}</Table.Td><Table.Td>{c.likesOnPosts}</Table.Td><Table.Td>{c.newFollowers}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Figure>
  );
}

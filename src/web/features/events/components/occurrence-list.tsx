import { Anchor, EmptyState, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IconCalendar } from '../../../lib/icons.tsx';
import type { Occurrence } from '../api.ts';
import { formatSpan } from '../event-format.ts';
import { PlacesBadge } from './places-badge.tsx';

// Occurrences as rows: when (in the event's zone), what, how full.
export function OccurrenceList({ items, label }: { items: Occurrence[]; label: string }) {
  const { t } = useTranslation();
  if (items.length === 0) return <EmptyState icon={<IconCalendar size={28} />} title={t('events.list.empty')} description={t('events.list.emptyHint')} />;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label={label} verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr><Table.Th>{t('events.list.when')}</Table.Th><Table.Th>{t('events.list.what')}</Table.Th><Table.Th>{t('events.list.places')}</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <Text size="sm" td={item.status === 'cancelled' ? 'line-through' : undefined}>{formatSpan(item.startsAt, item.endsAt, item.timezone)}</Text>
                <Text size="xs" c="dimmed">{item.timezone}</Text>
              </Table.Td>
              <Table.Td><Anchor component={Link} to={`/events/occurrences/${item.id}`}>{item.title}</Anchor></Table.Td>
              <Table.Td><PlacesBadge occurrence={item} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

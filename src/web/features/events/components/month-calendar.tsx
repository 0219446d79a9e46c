import { ActionIcon, Anchor, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../../components/loading.tsx';
import { IconArrowLeft } from '../../../lib/icons.tsx';
import { i18next } from '../../../i18n/index.ts';
import { useOccurrences, type Occurrence } from '../api.ts';

const dayKey = (date: Date) => `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;

// Six weeks from the Monday on or before the 1st: every month fits.
function gridOf(month: Date): Date[] {
  const first = new Date(month.getFullYear(), month.getMonth(), 1);
  const start = new Date(first.getFullYear(), first.getMonth(), 1 - ((first.getDay() + 6) % 7));
  return Array.from({ length: 42 }, (_, i) => new Date(start.getFullYear(), start.getMonth(), start.getDate() + i));
}

// A month of occurrences in the browser's zone, each a link to its page.
export function MonthCalendar() {
  const { t } = useTranslation();
  const [month, setMonth] = useState(() => { const now = new Date(); return new Date(now.getFullYear(), now.getMonth(), 1); });
  const days = useMemo(() => gridOf(month), [month]);
  const from = days[0]!;
  const to = new Date(from.getFullYear(), from.getMonth(), from.getDate() + 42);
  const occurrences = useOccurrences(from, to);
  const byDay = useMemo(() => {
    const map = new Map<string, Occurrence[]>();
    for (const item of occurrences.data?.items ?? []) map.set(dayKey(item.startsAt), [...(map.get(dayKey(item.startsAt)) ?? []), item]);
    return map;
  }, [occurrences.data]);
  const language = i18next.language;
  const monthTitle = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric' }).format(month);
  const weekdayNames = days.slice(0, 7).map((d) => new Intl.DateTimeFormat(language, { weekday: 'short' }).format(d));
  const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' });
  const shift = (by: number) => setMonth(new Date(month.getFullYear(), month.getMonth() + by, 1));
  const today = dayKey(new Date());

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <ActionIcon variant="default" onClick={() => shift(-1)} aria-label={t('events.calendar.previous')}><IconArrowLeft size={16} /></ActionIcon>
        <Title order={2} size="h4" aria-live="polite">{monthTitle}</Title>
        <ActionIcon variant="default" onClick={() => shift(1)} aria-label={t('events.calendar.next')} style={{ transform: 'scaleX(-1)' }}><IconArrowLeft size={16} /></ActionIcon>
      </Group>
      {occurrences.isPending ? <Loading /> : (
        <Table withTableBorder withColumnBorders layout="fixed" aria-label={monthTitle}>
          <Table.Thead><Table.Tr>{weekdayNames.map((name) => <Table.Th key={name}>{name}</Table.Th>)}</Table.Tr></Table.Thead>
          <Table.Tbody>
            {Array.from({ length: 6 }, (_, week) => (
              <Table.Tr key={week}>
                {days.slice(week * 7, week * 7 + 7).map((day) => {
                  const items = byDay.get(dayKey(day)) ?? [];
                  const outside = day.getMonth() !== month.getMonth();
                  return (
                    <Table.Td key={dayKey(day)} valign="top" h={88} bg={dayKey(day) === today ? 'var(--mantine-primary-color-light)' : undefined}>
                      <Text size="xs" c={outside ? 'dimmed' : undefined} fw={dayKey(day) === today ? 700 : undefined}>{day.getDate()}</Text>
                      <Stack gap={2}>
                        {items.map((item) => (
                          <Anchor key={item.id} component={Link} to={`/events/occurrences/${item.id}`} size="xs" lineClamp={2}
                            td={item.status === 'cancelled' ? 'line-through' : undefined}>
                            {time.format(item.startsAt)} {item.title}
                            {item.status === 'cancelled' && <VisuallyHidden>{` (${t('events.status.cancelled')})`}</VisuallyHidden>}
                          </Anchor>
                        ))}
                      </Stack>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

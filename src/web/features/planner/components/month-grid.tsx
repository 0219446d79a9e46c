import { Anchor, Badge, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { i18next } from '../../../i18n/index.ts';
import type { Planner } from '../api.ts';
import { dateIn, datesBetween, timeIn } from '../calendar.ts';
import { excerpt } from '../message.ts';
import { DayExtras } from './day-extras.tsx';
import { pillarColors } from './post-chip.tsx';

// The month in whole weeks: each day's posts, observances and meetups; a day's number opens its week.
export function MonthGrid({ planner, month, today, onOpenWeek }: { planner: Planner; month: string; today: string; onOpenWeek: (date: string) => void }) {
  const { t } = useTranslation();
  const dates = datesBetween(planner.from, planner.to);
  const weekday = new Intl.DateTimeFormat(i18next.language, { weekday: 'short', timeZone: 'UTC' });
  const full = new Intl.DateTimeFormat(i18next.language, { dateStyle: 'full', timeZone: 'UTC' });
  const title = new Intl.DateTimeFormat(i18next.language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month.slice(0, 7)}-15T12:00:00Z`));
  const weeks = Array.from({ length: dates.length / 7 }, (_, i) => dates.slice(i * 7, i * 7 + 7));
  const postsOn = (date: string) => planner.posts.filter((p) => p.scheduledAt && dateIn(p.scheduledAt, planner.timezone) === date)
    .sort((a, b) => a.scheduledAt!.getTime() - b.scheduledAt!.getTime());
  return (
    <Table withTableBorder withColumnBorders layout="fixed" aria-label={title} data-testid="month-grid">
      <Table.Thead>
        <Table.Tr>{dates.slice(0, 7).map((d) => <Table.Th key={d}>{weekday.format(new Date(`${d}T12:00:00Z`))}</Table.Th>)}</Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {weeks.map((week) => (
          <Table.Tr key={week[0]}>
            {week.map((date) => (
              <Table.Td key={date} valign="top" h={96} data-day={date} bg={date === today ? 'var(--mantine-primary-color-light)' : undefined}>
                <UnstyledButton onClick={() => onOpenWeek(date)} aria-label={full.format(new Date(`${date}T12:00:00Z`))}>
                  <Text size="xs" fw={date === today ? 700 : 500} c={date.slice(0, 7) === month.slice(0, 7) ? undefined : 'dimmed'}>{Number(date.slice(8))}</Text>
                </UnstyledButton>
                <Stack gap={2}>
                  <DayExtras zone={planner.timezone} limit={2}
                    observances={planner.observances.filter((o) => o.date === date)}
                    meetups={planner.meetups.filter((m) => dateIn(m.startsAt, planner.timezone) === date)} />
                  {postsOn(date).map((post) => (
                    <Group key={post.id} gap={3} wrap="nowrap">
                      <Badge size="xs" circle color={pillarColors[post.pillar]} title={t(`planner.pillars.${post.pillar}`)}> </Badge>
                      <Anchor component={Link} to={`/planner/posts/${post.id}`} size="xs" lineClamp={1}>
                        {`${timeIn(post.scheduledAt!, planner.timezone)} ${excerpt(post.body, 30)}`}
                      </Anchor>
                    </Group>
                  ))}
                </Stack>
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

import { useDroppable } from '@dnd-kit/core';
import { ActionIcon, Box, Menu, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { i18next } from '../../../i18n/index.ts';
import { IconDots } from '../../../lib/icons.tsx';
import type { Planner, Post } from '../api.ts';
import { dateIn, type Day, type DaySlot } from '../calendar.ts';
import { excerpt } from '../message.ts';
import { DayExtras } from './day-extras.tsx';
import { PostChip } from './post-chip.tsx';

type Props = { planner: Planner; days: Day[]; today: string; canEdit: boolean; onUnschedule: (post: Post) => void };

function PlacedPost({ post, canEdit, onUnschedule }: { post: Post; canEdit: boolean; onUnschedule: (post: Post) => void }) {
  const { t } = useTranslation();
  const editable = canEdit && post.status === 'scheduled';
  return (
    <PostChip compact post={post} actions={editable && (
      <Menu position="bottom-end" withinPortal>
        <Menu.Target><ActionIcon variant="subtle" size="xs" aria-label={t('planner.slot.actions', { post: excerpt(post.body, 30) })}><IconDots size={14} /></ActionIcon></Menu.Target>
        <Menu.Dropdown>
          <Menu.Item component={Link} to={`/planner/posts/${post.id}`}>{t('planner.side.edit')}</Menu.Item>
          <Menu.Item onClick={() => onUnschedule(post)}>{t('planner.slot.unschedule')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
    )} />
  );
}

// A channel's slot on a day: a drop target while it lies ahead, with the posts already in it.
function SlotCell({ slot, posts, canEdit, onUnschedule, dayLabel }: { slot: DaySlot; posts: Post[]; canEdit: boolean; onUnschedule: (post: Post) => void; dayLabel: string }) {
  const { t } = useTranslation();
  const { isOver, setNodeRef } = useDroppable({ id: slot.key, data: { slot }, disabled: slot.past || !canEdit });
  const label = t('planner.slot.label', { channel: slot.channelName, day: dayLabel, time: slot.time });
  return (
    <Paper ref={setNodeRef} p={4} radius="sm" withBorder data-slot={slot.key} aria-label={label} role="group"
      bg={isOver ? 'var(--mantine-primary-color-light)' : slot.past ? 'var(--mantine-color-default-hover)' : undefined}
      style={{ borderStyle: posts.length || slot.past ? 'solid' : 'dashed', minHeight: 44 }}>
      <Text size="xs" fw={600}>{slot.time} <Text span size="xs" c="dimmed" fw={400}>{slot.channelName}</Text></Text>
      <Stack gap={2}>
        {posts.map((post) => <PlacedPost key={post.id} post={post} canEdit={canEdit} onUnschedule={onUnschedule} />)}
        {posts.length === 0 && !slot.past && canEdit && <Text size="xs" c="dimmed">{t('planner.slot.drop')}</Text>}
      </Stack>
    </Paper>
  );
}

// Seven columns, Monday first: each day's observances and meetups, then its slots across channels.
export function WeekGrid({ planner, days, today, canEdit, onUnschedule }: Props) {
  const { t } = useTranslation();
  const posts = new Map(planner.posts.map((p) => [p.id, p]));
  const head = new Intl.DateTimeFormat(i18next.language, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  const short = new Intl.DateTimeFormat(i18next.language, { weekday: 'short', timeZone: 'UTC' });
  return (
    <SimpleGrid cols={{ base: 1, sm: 7 }} spacing={6} data-testid="week-grid">
      {days.map((day) => {
        const noon = new Date(`${day.date}T12:00:00Z`);
        return (
          <Stack key={day.date} gap={4} data-day={day.date} miw={0}>
            <Box p={4} bg={day.date === today ? 'var(--mantine-primary-color-light)' : undefined} style={{ borderRadius: 4 }}>
              <Text size="sm" fw={day.date === today ? 700 : 600}>{head.format(noon)}</Text>
              <DayExtras zone={planner.timezone}
                observances={planner.observances.filter((o) => o.date === day.date)}
                meetups={planner.meetups.filter((m) => dateIn(m.startsAt, planner.timezone) === day.date)} />
            </Box>
            {day.slots.map((slot) => (
              <SlotCell key={slot.key} slot={slot} canEdit={canEdit} onUnschedule={onUnschedule} dayLabel={short.format(noon)}
                posts={slot.postIds.flatMap((id) => posts.get(id) ?? [])} />
            ))}
            {day.offSlot.map((item) => {
              const post = posts.get(item.postId);
              return post && (
                <Box key={`${item.channelId}-${item.postId}`}>
                  <Text size="xs" c="dimmed">{`${item.time} ${item.channelName} · ${t('planner.slot.offSlot')}`}</Text>
                  <PlacedPost post={post} canEdit={canEdit} onUnschedule={onUnschedule} />
                </Box>
              );
            })}
          </Stack>
        );
      })}
    </SimpleGrid>
  );
}

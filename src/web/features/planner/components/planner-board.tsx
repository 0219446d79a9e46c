import { DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent } from '@dnd-kit/core';
import { Grid } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { i18next } from '../../../i18n/index.ts';
import { notifySuccess } from '../../../lib/problems.ts';
import { plannerKeys, useUpdatePost, type Planner, type Post } from '../api.ts';
import { daysOf, openSlots, placed, scheduleOnto, type DaySlot } from '../calendar.ts';
import { excerpt } from '../message.ts';
import { MixGuard } from './mix-guard.tsx';
import { SideList } from './side-list.tsx';
import { WeekGrid } from './week-grid.tsx';

type Props = { planner: Planner; today: string; now: Date; canEdit: boolean };

// The week: ideas and drafts on the side, dragged (or scheduled from their menu) onto a channel's slot.
export function PlannerBoard({ planner, today, now, canEdit }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const update = useUpdatePost({ form: false });
  const days = useMemo(() => daysOf(planner, now), [planner, now]);
  const open = useMemo(() => openSlots(days), [days]);
  const sensors = useSensors(
    // A few pixels of movement before a drag starts, so a click still opens the menu.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor),
  );
  const dayName = new Intl.DateTimeFormat(i18next.language, { weekday: 'short', timeZone: planner.timezone });
  const slotName = (slot: DaySlot) => t('planner.slot.label', { channel: slot.channelName, day: dayName.format(slot.at), time: slot.time });
  const postOf = (data: unknown) => (data as { post?: Post } | undefined)?.post;
  const slotOf = (data: unknown) => (data as { slot?: DaySlot } | undefined)?.slot;

  const schedule = (post: Post, slot: DaySlot) => {
    client.setQueriesData<Planner>({ queryKey: [...plannerKeys.all, 'view'] }, (current) => current && placed(current, post.id, slot));
    update.mutate({ id: post.id, changes: scheduleOnto(post, slot) }, {
      // The answer (or the refusal) replaces the guess.
      onError: () => void client.invalidateQueries({ queryKey: plannerKeys.all }),
      onSuccess: () => notifySuccess(t('planner.side.scheduled', { when: `${dayName.format(slot.at)} ${slot.time}`, channel: slot.channelName })),
    });
  };
  const unschedule = (post: Post) => update.mutate({ id: post.id, changes: { status: 'draft', scheduledAt: null } });
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const post = postOf(active.data.current);
    const slot = slotOf(over?.data.current);
    if (post && slot && !slot.past) schedule(post, slot);
  };

  const name = (data: unknown) => excerpt(postOf(data)?.body ?? '', 40);
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('planner.dnd.picked', { post: name(active.data.current) }),
    onDragOver: ({ active, over }) => {
      const slot = slotOf(over?.data.current);
      return slot ? t('planner.dnd.over', { post: name(active.data.current), slot: slotName(slot) }) : t('planner.dnd.notOver', { post: name(active.data.current) });
    },
    onDragEnd: ({ active, over }) => {
      const slot = slotOf(over?.data.current);
      return slot ? t('planner.dnd.dropped', { post: name(active.data.current), slot: slotName(slot) }) : t('planner.dnd.droppedNowhere', { post: name(active.data.current) });
    },
    onDragCancel: ({ active }) => t('planner.dnd.cancelled', { post: name(active.data.current) }),
  };

  return (
    <DndContext sensors={sensors} onDragEnd={onDragEnd} accessibility={{ announcements, screenReaderInstructions: { draggable: t('planner.dnd.instructions') } }}>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 2 }}>
          <SideList posts={planner.unscheduled} openSlots={open} zone={planner.timezone} canEdit={canEdit} onSchedule={schedule} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 10 }}>
          <WeekGrid planner={planner} days={days} today={today} canEdit={canEdit} onUnschedule={unschedule} />
        </Grid.Col>
        <Grid.Col span={12}>
          <MixGuard planner={planner} />
        </Grid.Col>
      </Grid>
    </DndContext>
  );
}

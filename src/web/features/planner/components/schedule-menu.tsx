import { ActionIcon, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { i18next } from '../../../i18n/index.ts';
import { IconDots } from '../../../lib/icons.tsx';
import type { DaySlot } from '../calendar.ts';
import { excerpt } from '../message.ts';

// The keyboard and click way to schedule: the open slots of the week, one item each.
export function ScheduleMenu({ post, slots, zone, onSchedule }: { post: { id: string; body: string }; slots: DaySlot[]; zone: string; onSchedule: (slot: DaySlot) => void }) {
  const { t } = useTranslation();
  const day = new Intl.DateTimeFormat(i18next.language, { weekday: 'short', day: 'numeric', month: 'short', timeZone: zone });
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" size="sm" aria-label={t('planner.side.scheduleLabel', { post: excerpt(post.body, 30) })}><IconDots size={16} /></ActionIcon>
      </Menu.Target>
      <Menu.Dropdown mah={320} style={{ overflowY: 'auto' }}>
        <Menu.Item component={Link} to={`/planner/posts/${post.id}`}>{t('planner.side.edit')}</Menu.Item>
        <Menu.Divider />
        <Menu.Label>{t('planner.side.schedule')}</Menu.Label>
        {slots.length === 0 && <Menu.Item disabled>{t('planner.side.noOpenSlots')}</Menu.Item>}
        {slots.map((slot) => (
          <Menu.Item key={slot.key} onClick={() => onSchedule(slot)}>
            {t('planner.slot.label', { channel: slot.channelName, day: day.format(slot.at), time: slot.time })}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

import { DateTime } from 'luxon';
import type { Slot } from './posts.table.ts';

export type SlotTime = { at: Date; local: string };

// The channel's slots between two instants: each is a wall-clock time in the channel's zone, turned into
// UTC for that very day, so 9:00 stays 9:00 across daylight saving. A time that does not exist that day
// (02:30 when clocks jump to 03:00) moves forward by the jump, as the clock on the wall does.
export function slotsBetween(slots: Slot[], zone: string, start: Date, end: Date): SlotTime[] {
  if (!slots.length) return [];
  const out: SlotTime[] = [];
  let day = DateTime.fromJSDate(start, { zone }).startOf('day').minus({ days: 1 });
  const last = DateTime.fromJSDate(end, { zone }).endOf('day');
  for (; day <= last; day = day.plus({ days: 1 })) {
    for (const slot of slots) {
      if (slot.weekday !== day.weekday) continue;
      const [hour, minute] = slot.time.split(':').map(Number);
      const local = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone });
      const at = local.toJSDate();
      if (at >= start && at < end) out.push({ at, local: local.toFormat("yyyy-MM-dd'T'HH:mm") });
    }
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}

// The local calendar range of a week (Monday first) or a month grid (whole weeks) around a date, in a zone.
export function rangeOf(view: 'week' | 'month', date: string, zone: string) {
  const anchor = DateTime.fromISO(date, { zone });
  const first = view === 'week' ? anchor.startOf('week') : anchor.startOf('month').startOf('week');
  const lastDay = view === 'week' ? first.plus({ days: 6 }) : anchor.endOf('month').endOf('week').startOf('day');
  return {
    from: first.toISODate()!, to: lastDay.toISODate()!,
    start: first.toJSDate(), end: lastDay.plus({ days: 1 }).startOf('day').toJSDate(),
    weeks: Array.from({ length: Math.round(lastDay.diff(first, 'days').days + 1) / 7 }, (_, i) => {
      const weekStart = first.plus({ weeks: i });
      return { from: weekStart.toISODate()!, start: weekStart.toJSDate(), end: weekStart.plus({ weeks: 1 }).toJSDate() };
    }),
  };
}

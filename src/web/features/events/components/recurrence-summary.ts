import { i18next } from '../../../i18n/index.ts';
import { weekdays, type Position, type Recurrence, type Weekday } from '../recurrence.ts';

// 1 January 2024 was a Monday: the weekday names come from Intl in the interface language.
export function weekdayName(day: Weekday, style: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(i18next.language, { weekday: style, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + weekdays.indexOf(day))));
}

export function positionName(position: Position): string {
  return i18next.t(`events.recurrence.positions.${position === -1 ? 'last' : (`n${position}` as const)}`);
}

const list = (items: string[]) => new Intl.ListFormat(i18next.language, { style: 'long', type: 'conjunction' }).format(items);

// "Every 2nd and 4th Thursday of the month", in words, for the list and under the picker.
export function describeRecurrence(recurrence: Recurrence): string {
  const t = i18next.t;
  switch (recurrence.kind) {
    case 'once':
      return t('events.recurrence.summary.once');
    case 'weekly': {
      const days = list(recurrence.days.map((day) => weekdayName(day)));
      return recurrence.interval > 1 ? t('events.recurrence.summary.everyWeeks', { count: recurrence.interval, days }) : t('events.recurrence.summary.weekly', { days });
    }
    case 'monthly':
      return t('events.recurrence.summary.monthly', { positions: list(recurrence.positions.map(positionName)), day: weekdayName(recurrence.day) });
    case 'custom':
      return t('events.recurrence.summary.custom', { rrule: recurrence.rrule });
  }
}

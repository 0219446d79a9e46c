// Event times in the event's zone and the interface language.
import { i18next } from '../../i18n/index.ts';
import { wallClock } from './zoned.ts';

export function formatInZone(date: Date, zone: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' }): string {
  return new Intl.DateTimeFormat(i18next.language, { ...options, timeZone: zone }).format(date);
}

// "Thu 12 Mar, 19:00–21:00" in the event's zone.
export function formatSpan(startsAt: Date, endsAt: Date, zone: string): string {
  const start = formatInZone(startsAt, zone, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const end = formatInZone(endsAt, zone, wallClock(startsAt, zone).slice(0, 10) === wallClock(endsAt, zone).slice(0, 10)
    ? { hour: '2-digit', minute: '2-digit' }
    : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  return `${start} – ${end}`;
}

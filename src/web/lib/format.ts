import { i18next } from '../i18n/index.ts';

// Dates show in the browser's time zone and the interface language.
export function formatDateTime(date: Date): string {
  return new Intl.DateTimeFormat(i18next.language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatDate(date: Date): string {
  return new Intl.DateTimeFormat(i18next.language, { dateStyle: 'medium' }).format(date);
}

// The value an <input type="datetime-local"> expects: local wall-clock time, to the minute.
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

// Back from that input to an instant; null when the text is not a date.
export function fromLocalInput(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatTime(date: Date): string {
  return new Intl.DateTimeFormat(i18next.language, { timeStyle: 'short' }).format(date);
}

// "Tuesday, 14 May": the heading of a day.
export function formatDay(date: Date): string {
  return new Intl.DateTimeFormat(i18next.language, { weekday: 'long', day: 'numeric', month: 'long' }).format(date);
}

// Local midnight at the start of the day `offset` days from `date`'s day (DST-safe: calendar arithmetic).
export function startOfDay(date: Date, offset = 0): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + offset);
}

// Tomorrow at a whole hour, local time: the default for a planned call.
export function tomorrowAt(hour: number, from = new Date()): Date {
  return new Date(from.getFullYear(), from.getMonth(), from.getDate() + 1, hour, 0);
}

// The friendly recurrence picker's model and the RRULE it stands for. The common cases (weekly on some
// days, every few weeks, "2nd and 4th Thursday") round-trip; anything else stays a rule typed by hand.

export const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof weekdays)[number];
// Which one in the month: 1st to 4th, or the last (-1).
export const positions = [1, 2, 3, 4, -1] as const;
export type Position = (typeof positions)[number];

export type Recurrence =
  | { kind: 'once' }
  | { kind: 'weekly'; interval: number; days: Weekday[] }
  | { kind: 'monthly'; positions: Position[]; day: Weekday }
  | { kind: 'custom'; rrule: string };
export type RecurrenceKind = Recurrence['kind'];

const byWeekOrder = (a: Weekday, b: Weekday) => weekdays.indexOf(a) - weekdays.indexOf(b);
const byMonthOrder = (a: Position, b: Position) => (a === -1 ? 5 : a) - (b === -1 ? 5 : b);

// The RRULE value the server expects (no "RRULE:" prefix), or null for a single event.
export function toRrule(recurrence: Recurrence): string | null {
  switch (recurrence.kind) {
    case 'once':
      return null;
    case 'weekly': {
      const days = [...new Set(recurrence.days)].sort(byWeekOrder);
      const interval = recurrence.interval > 1 ? `;INTERVAL=${recurrence.interval}` : '';
      return `FREQ=WEEKLY${interval}${days.length ? `;BYDAY=${days.join(',')}` : ''}`;
    }
    case 'monthly': {
      const chosen = [...new Set(recurrence.positions)].sort(byMonthOrder);
      return `FREQ=MONTHLY;BYDAY=${chosen.map((p) => `${p}${recurrence.day}`).join(',')}`;
    }
    case 'custom':
      return recurrence.rrule.trim().replace(/^RRULE:/i, '') || null;
  }
}

// Back from a stored rule to the picker: a friendly form when the rule is exactly one, else custom.
export function fromRrule(rrule: string | null): Recurrence {
  if (!rrule?.trim()) return { kind: 'once' };
  const text = rrule.trim().replace(/^RRULE:/i, '');
  const parts = new Map<string, string>();
  for (const part of text.toUpperCase().split(';')) {
    const [key, value] = part.split('=');
    if (!key || value === undefined || parts.has(key)) return { kind: 'custom', rrule: text };
    parts.set(key, value);
  }
  const freq = parts.get('FREQ');
  const byDay = (parts.get('BYDAY') ?? '').split(',').filter(Boolean);
  const known = [...parts.keys()].every((key) => ['FREQ', 'INTERVAL', 'BYDAY', 'WKST'].includes(key));
  if (!known) return { kind: 'custom', rrule: text };
  if (freq === 'WEEKLY') {
    const interval = Number(parts.get('INTERVAL') ?? '1');
    if (!Number.isInteger(interval) || interval < 1 || interval > 52) return { kind: 'custom', rrule: text };
    if (!byDay.every((day) => (weekdays as readonly string[]).includes(day))) return { kind: 'custom', rrule: text };
    return { kind: 'weekly', interval, days: byDay as Weekday[] };
  }
  if (freq === 'MONTHLY' && !parts.has('INTERVAL') && byDay.length) {
    const parsed = byDay.map((item) => /^(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$/.exec(item));
    const days = new Set(parsed.map((match) => match?.[2]));
    if (parsed.every(Boolean) && days.size === 1) {
      return { kind: 'monthly', positions: parsed.map((match) => Number(match![1]) as Position), day: parsed[0]![2] as Weekday };
    }
  }
  return { kind: 'custom', rrule: text };
}

// The weekday of a wall-clock date like 2026-03-12T19:00 (the date alone decides it).
export function weekdayOf(localStart: string): Weekday {
  const [year, month, day] = localStart.slice(0, 10).split('-').map(Number);
  const index = new Date(Date.UTC(year!, (month ?? 1) - 1, day ?? 1)).getUTCDay();
  return weekdays[(index + 6) % 7]!;
}

// Which one of its weekday in the month a date is: the 2nd Thursday, or the last one (-1) after the 4th.
export function positionOf(localStart: string): Position {
  const day = Number(localStart.slice(8, 10));
  const nth = Math.ceil(day / 7);
  return nth >= 5 ? -1 : (nth as Position);
}

// The starting point when someone switches the picker to a kind: guessed from the first date.
export function defaultRecurrence(kind: RecurrenceKind, localStart: string, current: Recurrence): Recurrence {
  const day = weekdayOf(localStart);
  switch (kind) {
    case 'once':
      return { kind };
    case 'weekly':
      return { kind, interval: 1, days: [day] };
    case 'monthly':
      return { kind, positions: [positionOf(localStart)], day };
    case 'custom':
      return { kind, rrule: toRrule(current) ?? 'FREQ=WEEKLY' };
  }
}

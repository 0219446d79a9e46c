import { RRuleTemporal } from 'rrule-temporal';

// Recurrence in the event's own zone: "19:00 Europe/Berlin" stays 19:00 on both sides of a DST change.

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

// `2026-03-12T19:00` → 20260312T190000 (iCalendar's local DATE-TIME).
const compact = (local: string) => `${local.replace(/[-:]/g, '').slice(0, 13)}00`;

function rule(input: { rrule: string; timezone: string; localStart: string }): RRuleTemporal {
  const rrule = input.rrule.replace(/^RRULE:/i, '').trim();
  return new RRuleTemporal({ rruleString: `DTSTART;TZID=${input.timezone}:${compact(input.localStart)}\nRRULE:${rrule}` });
}

// Is this RRULE one we can expand? Returns the reason when not.
export function checkRule(input: { rrule: string; timezone: string; localStart: string }): string | null {
  if (/\n|DTSTART/i.test(input.rrule)) return 'Only the RRULE value, e.g. FREQ=MONTHLY;BYDAY=2TH,4TH';
  try {
    const starts = rule(input).all((_, i) => i < 2);
    return starts.length ? null : 'The rule gives no dates';
  } catch (error) {
    return (error as Error).message;
  }
}

// The instant a wall-clock time in a zone stands for (the later one in a DST gap, as RFC 5545 says).
export function zonedInstant(localStart: string, timezone: string): Date {
  const starts = new RRuleTemporal({ rruleString: `DTSTART;TZID=${timezone}:${compact(localStart)}\nRRULE:FREQ=DAILY;COUNT=1` }).all();
  return new Date(starts[0]!.epochMilliseconds);
}

// The rule's starts in [from, to], as UTC instants.
export function occurrenceStarts(input: { rrule: string | null; timezone: string; localStart: string }, from: Date, to: Date): Date[] {
  if (!input.rrule) {
    const start = zonedInstant(input.localStart, input.timezone);
    return start >= from && start <= to ? [start] : [];
  }
  return rule({ ...input, rrule: input.rrule }).between(from, to, true).map((z) => new Date(z.epochMilliseconds));
}

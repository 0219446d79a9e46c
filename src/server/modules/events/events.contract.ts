import { z } from 'zod';
import { Timestamp } from '../../core/contract.ts';
import { registrationStatuses } from './events.statuses.ts';

const LocalTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'A wall-clock time like 2026-03-12T19:00')
  .refine(isWallClock, 'Not a date and time on the calendar');

// The pattern lets 2026-98-40T04:64 through (it was a 500); each part must be a real month, day, hour and minute.
function isWallClock(value: string): boolean {
  const [y, mo, d, h, mi, s = 0] = value.split(/[-T:]/).map(Number) as [number, number, number, number, number, number?];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
    && date.getUTCHours() === h && date.getUTCMinutes() === mi && date.getUTCSeconds() === s;
}
const text = (max: number) => z.string().trim().max(max);
const optional = (max: number) => z.string().trim().max(max).nullish().transform((v) => v || null);
const url = z.url({ protocol: /^https?$/ }).max(2000);

export const SeriesInput = z.object({
  title: text(200).min(1).describe('What the event is called'),
  description: text(20_000).default('').describe('Shown on the public page'),
  rrule: z.string().trim().max(500).nullish().transform((v) => v || null)
    .describe('RFC 5545 RRULE value, e.g. FREQ=MONTHLY;BYDAY=2TH,4TH for the 2nd and 4th Thursday; empty for a single event'),
  timezone: text(60).describe('IANA time zone the times are in, e.g. Europe/Berlin'),
  localStart: LocalTime.describe('First start as wall-clock time in `timezone` (DTSTART), e.g. 2026-03-12T19:00'),
  durationMinutes: z.number().int().min(5).max(7 * 24 * 60).describe('How long each occurrence lasts'),
  capacity: z.number().int().min(1).max(100_000).describe('Places per occurrence (each occurrence can change its own)'),
  venue: optional(300).describe('Name of the place'),
  address: optional(500).describe('Street address, for the map link'),
  onlineUrl: url.nullish().transform((v) => v ?? null).describe('Link for an online event'),
  isPublic: z.boolean().default(true).describe('Listed in the public calendar feed'),
});
export type SeriesInput = z.output<typeof SeriesInput>;
export const SeriesPatch = SeriesInput.partial();
export type SeriesPatch = z.output<typeof SeriesPatch>;

export const Series = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  rrule: z.string().nullable(),
  timezone: z.string(),
  localStart: z.string(),
  durationMinutes: z.number().int(),
  capacity: z.number().int(),
  venue: z.string().nullable(),
  address: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  isPublic: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export const SeriesList = z.object({ items: z.array(Series) });

export const Occurrence = z.object({
  id: z.uuid(),
  seriesId: z.uuid(),
  slug: z.string().describe('The public page is /e/{slug}'),
  title: z.string(),
  timezone: z.string(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  capacity: z.number().int(),
  venue: z.string().nullable(),
  address: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  status: z.enum(['scheduled', 'cancelled']),
  detached: z.boolean().describe('Edited on its own; series edits leave it alone'),
  sequence: z.number().int(),
  confirmed: z.number().int().describe('Confirmed and attended registrations'),
  waitlisted: z.number().int(),
  placesLeft: z.number().int(),
});
export const OccurrenceList = z.object({ items: z.array(Occurrence) });
export const SeriesDetail = Series.extend({ occurrences: z.array(Occurrence).describe('Upcoming occurrences') });

export const OccurrencePatch = z.object({
  startsAt: Timestamp.optional().describe('New start; confirmed and waitlisted people are told'),
  endsAt: Timestamp.optional(),
  capacity: z.number().int().min(1).max(100_000).optional().describe('More places promote the waitlist in arrival order'),
  title: text(200).min(1).optional(),
  venue: optional(300).optional(),
  address: optional(500).optional(),
  onlineUrl: url.nullish(),
});
export type OccurrencePatch = z.output<typeof OccurrencePatch>;

export const OccurrenceQuery = z.object({
  from: Timestamp.optional().describe('Occurrences starting at or after (default: now)'),
  to: Timestamp.optional().describe('… and before (default: 90 days later)'),
});

export const Registration = z.object({
  id: z.uuid(),
  occurrenceId: z.uuid(),
  personId: z.uuid().nullable(),
  name: z.string(),
  email: z.string(),
  source: z.string().nullable(),
  status: z.enum(registrationStatuses),
  position: z.number().int().nullable().describe('Place on the waitlist (1 = next), for waitlisted registrations'),
  checkInCode: z.string().describe('Short code shown (and as a QR code) in the confirmation email'),
  checkedInAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type Registration = z.output<typeof Registration>;

export const RegistrationGroups = z.object({
  confirmed: z.array(Registration).describe('Confirmed and attended, by arrival'),
  waitlist: z.array(Registration).describe('Waitlisted, in arrival order: the first is promoted next'),
  cancelled: z.array(Registration),
  noShow: z.array(Registration),
});
export const RegistrationQuery = z.object({ q: z.string().trim().max(200).optional().describe('Door list search: name, email or check-in code') });

export const CheckInInput = z.object({
  registrationId: z.uuid().optional().describe('The tapped person on the door list'),
  code: z.string().trim().toUpperCase().max(20).optional().describe('The short code, typed or read from the QR code'),
}).refine((v) => Boolean(v.registrationId) !== Boolean(v.code), { message: 'Give registrationId or code', path: ['code'] });

export const messageGroups = ['confirmed', 'waitlisted', 'attended'] as const;
export const MessageInput = z.object({
  group: z.enum(messageGroups).describe('Who receives it'),
  subject: text(200).min(1),
  body: text(20_000).min(1).describe('Plain text'),
});
export const MessageResult = z.object({ queued: z.number().int().describe('Emails queued (suppressed addresses are skipped)') });

export const SeriesId = z.object({ id: z.uuid() });
export const OccurrenceId = z.object({ id: z.uuid() });


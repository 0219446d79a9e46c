import { z } from 'zod';
import { Timestamp } from '../../core/contract.ts';
import { nudgeRules } from './nudges.rules.ts';

// The person part is a real UUID: 36 hex digits and dashes in any order reached the database and were a 500.
export const NudgeKey = z.string().max(200).regex(/^(call|invite|reply|follow_up|reconnect|thank):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(:[0-9a-f-]+)?$/, 'Not a nudge key');

export const Nudge = z.object({
  key: NudgeKey.describe('Names the nudge and its occasion; a new occasion is a new nudge'),
  rule: z.enum(nudgeRules),
  personId: z.uuid(),
  personName: z.string(),
  reason: z.string().describe('Why, in plain words with the numbers, in the workspace language'),
  facts: z.object({
    messages: z.number().int().optional(),
    weeks: z.number().int().optional(),
    days: z.number().int().optional(),
    cadenceDays: z.number().int().optional(),
    introducedName: z.string().optional(),
    eventTitle: z.string().optional().describe('invite: the next meetup with places'),
    places: z.number().int().optional().describe('invite: places left at that meetup'),
  }).describe('The numbers behind the reason, for clients that word it in another language'),
});
export type Nudge = z.output<typeof Nudge>;

export const Plan = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  kind: z.enum(['call', 'meeting', 'coffee']),
  startsAt: Timestamp,
  durationMinutes: z.number().int(),
  place: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(['planned', 'done', 'cancelled']),
  interactionId: z.uuid().nullable(),
});
export type Plan = z.output<typeof Plan>;

export const Today = z.object({
  now: Timestamp,
  meetingMode: z.object({
    until: Timestamp,
    planId: z.uuid().nullable().describe('The planned meeting that runs, or null for a meetup you host'),
    eventTitle: z.string().nullable().describe('The meetup you host that runs, or null for a planned meeting'),
  }).nullable().describe('While an in-person meeting or a meetup you host runs, no nudges are shown'),
  plans: z.array(Plan).describe('Planned calls and meetings, from the overdue ones to tomorrow'),
  sections: z.array(z.object({ key: z.enum(['call_or_meet', 'owed', 'keep_in_touch']), nudges: z.array(Nudge) })),
});

export const NudgeAction = z.object({
  key: NudgeKey,
  action: z.enum(['snooze', 'dismiss', 'done']).describe('done on a call nudge logs the call'),
  snoozeDays: z.number().int().min(1).max(365).default(7),
});

export const PlanInput = z.object({
  personId: z.uuid(),
  kind: z.enum(['call', 'meeting', 'coffee']),
  startsAt: Timestamp,
  durationMinutes: z.number().int().min(5).max(24 * 60).default(30),
  place: z.string().trim().max(300).nullish(),
  note: z.string().trim().max(5000).nullish(),
  nudgeKey: NudgeKey.optional().describe('The nudge this plan answers; it is put away until the plan\'s day'),
});

export const PlanDone = z.object({
  occurredAt: Timestamp.optional().describe('Default: the planned start, or now if that is still ahead'),
  durationMinutes: z.number().int().min(0).max(24 * 60).optional(),
  note: z.string().trim().max(20_000).nullish(),
});

export const PlanQuery = z.object({
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  personId: z.uuid().optional().describe('Only this person\'s plans'),
});

export const PlanId = z.object({ id: z.uuid() });

const cadence = z.number().int().min(1).max(3650);
export const RelationshipSettingsSchema = z.object({
  callMinExchanges: z.number().int().min(1).max(1000).describe('Call nudge: at least this many online exchanges …'),
  callMinDays: z.number().int().min(0).max(3650).describe('… spread over at least this many days'),
  replyAfterHours: z.number().int().min(1).max(24 * 90).describe('Reply nudge: after this many hours without an answer …'),
  replyWithinDays: z.number().int().min(1).max(3650).describe('… for messages of the last this many days (older ones are history)'),
  followUpDays: z.number().int().min(1).max(60).describe('Follow-up nudge: within this many days of meeting at an event'),
  tagCadences: z.record(z.string().trim().min(1).max(50), cadence).describe('Keep-in-touch cadence per tag, in days'),
});
export const RelationshipSettingsPatch = RelationshipSettingsSchema.partial();

export const LosingTouch = z.object({ items: z.array(Nudge) });
export const CalendarFeed = z.object({ url: z.string().describe('A private address for your calendar app; keep it secret') });

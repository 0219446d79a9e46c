import { z } from 'zod';
import { Timestamp } from '../../core/contract.ts';
import { Message, Pillar, Platform, Post, Slot, pillars } from './posts.contract.ts';

export const PillarTarget = z.object({
  min: z.number().min(0).max(1).optional().describe('Least share of the week, 0–1'),
  max: z.number().min(0).max(1).optional().describe('Greatest share of the week, 0–1'),
});
export const PillarTargets = z.partialRecord(z.enum(pillars), PillarTarget).describe('Share of a week\'s posts per pillar; default: offer at most 0.2');
export const PlannerSettings = z.object({
  country: z.string().regex(/^[A-Z]{2}$/).nullable().describe('ISO 3166 country for public holidays, e.g. DE; null for none'),
  region: z.string().regex(/^[A-Z0-9]{1,3}$/).nullable().describe('Region (state) code within the country, e.g. BY; null for the whole country'),
  pillarTargets: PillarTargets,
});
export const PlannerSettingsInput = PlannerSettings.extend({
  country: PlannerSettings.shape.country.default(null),
  region: PlannerSettings.shape.region.default(null),
  pillarTargets: PillarTargets.default({ offer: { max: 0.2 } }),
});

export const Observance = z.object({
  date: z.iso.date(),
  kind: z.enum(['holiday', 'awareness']),
  key: z.string().describe('Stable key: the awareness day\'s, or country-region:rule for a holiday'),
  name: Message,
  rule: Message.nullable().describe('The rule in words, e.g. "second Tuesday of June"'),
  hashtag: z.string().nullable(),
});
export const ObservanceQuery = z.object({ from: z.iso.date(), to: z.iso.date().describe('Inclusive; at most 400 days after from') });
export const ObservanceList = z.object({ items: z.array(Observance) });

export const PlannerQuery = z.object({
  view: z.enum(['week', 'month']).default('week'),
  date: z.iso.date().optional().describe('Any day of the week or month; default today in the workspace\'s zone'),
});

export const MixWarning = z.object({
  code: z.enum(['PILLAR_OVER', 'PILLAR_UNDER', 'OFFERS_IN_A_ROW', 'CADENCE_SHORT']),
  channelId: z.uuid().nullable(),
  postIds: z.array(z.uuid()),
  message: Message,
});
export const Mix = z.object({
  weekFrom: z.iso.date().describe('The Monday of the week'),
  total: z.number().int(),
  pillars: z.array(z.object({ pillar: Pillar, count: z.number().int(), share: z.number(), min: z.number().nullable(), max: z.number().nullable(), state: z.enum(['ok', 'over', 'under']) })),
  cadence: z.array(z.object({ channelId: z.uuid(), goal: z.number().int(), planned: z.number().int(), missing: z.number().int(), openSlots: z.array(Timestamp) })),
  warnings: z.array(MixWarning),
});
export const PlannerSlot = z.object({
  at: Timestamp,
  local: z.string().describe('Wall-clock time in the channel\'s zone, YYYY-MM-DDTHH:mm'),
  postIds: z.array(z.uuid()),
});
export const Planner = z.object({
  view: z.enum(['week', 'month']),
  timezone: z.string(),
  from: z.iso.date(),
  to: z.iso.date().describe('Inclusive'),
  channels: z.array(z.object({
    id: z.uuid(), name: z.string(), platform: Platform, mode: z.enum(['api', 'manual']), timezone: z.string(), cadencePerWeek: z.number().int(),
    weeklySlots: z.array(Slot),
    slots: z.array(PlannerSlot),
    offSlot: z.array(z.uuid()).describe('Posts on this channel at a time that is not one of its slots'),
  })),
  posts: z.array(Post).describe('Posts with a time in the range, any status but idea and draft'),
  unscheduled: z.array(Post).describe('Ideas and drafts, for the side list'),
  observances: z.array(Observance),
  meetups: z.array(z.object({
    id: z.uuid(), title: z.string(), slug: z.string(), startsAt: Timestamp, endsAt: Timestamp,
    status: z.string(), placesLeft: z.number().int(),
  })).describe('The meetups you host in the range (the events module), cancelled ones included'),
  mix: z.array(Mix).describe('The mix guard, per week of the range'),
});

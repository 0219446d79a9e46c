import { z } from 'zod';
import { Email, Timestamp } from '../../core/contract.ts';
import { ladderSteps } from './ladder.ts';

// Shared by routes (validation, OpenAPI) and the SPA (types, forms).
export const channels = ['mastodon', 'bluesky', 'linkedin', 'x', 'facebook', 'instagram', 'email', 'phone', 'video', 'in_person', 'event', 'form', 'other'] as const;
export const interactionKinds = ['follow', 'like', 'comment', 'reply', 'mention', 'dm', 'email', 'call', 'meeting', 'coffee', 'event_attended', 'event_registered', 'question', 'intro'] as const;
export const platforms = ['mastodon', 'bluesky', 'linkedin', 'x', 'facebook', 'instagram', 'threads', 'youtube', 'tiktok', 'github', 'website', 'other'] as const;

const trimmed = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));

export const Handle = z.object({
  platform: z.enum(platforms).describe('Where the handle lives'),
  handle: trimmed(200).describe('The handle as the platform shows it, e.g. @sam@example.social'),
  url: z.url({ protocol: /^https?$/ }).max(500).nullish().describe('Profile URL'),
});

const timezone = z.string().trim().max(64).refine(isTimeZone, 'Not an IANA time zone, e.g. Europe/Berlin');

const lists = {
  emails: z.array(Email).max(20).describe('Email addresses; stored in lower case'),
  phones: z.array(z.string().trim().min(3).max(40).regex(/^[+0-9 ()./-]+$/, 'Digits, spaces and + ( ) . / - only')).max(20),
  handles: z.array(Handle).max(50),
  tags: z.array(z.string().trim().min(1).max(50)).max(50),
};
const flags = {
  isClient: z.boolean(),
  isFriend: z.boolean(),
};

export const PersonInput = z.object({
  name: trimmed(200).describe('Display name'),
  givenName: optionalText(100),
  familyName: optionalText(100),
  emails: lists.emails.default([]),
  phones: lists.phones.default([]),
  handles: lists.handles.default([]),
  organisation: optionalText(200),
  tags: lists.tags.default([]),
  notes: optionalText(20_000),
  source: optionalText(200).describe('How they first found you'),
  introducedById: z.uuid().nullish().describe('The person who introduced them'),
  timezone: timezone.nullish(),
  locale: z.string().trim().max(20).nullish(),
  cadenceDays: z.number().int().min(1).max(3650).nullish().describe('Keep in touch every N days'),
  isClient: flags.isClient.default(false),
  isFriend: flags.isFriend.default(false),
});
export type PersonInput = z.input<typeof PersonInput>;

// Fields left out stay as they are: no defaults here, or a patch would empty the lists.
export const PersonPatch = PersonInput.extend({ ...lists, ...flags }).partial();

export const Person = z.object({
  id: z.uuid(),
  name: z.string(),
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  handles: z.array(z.object({ platform: z.enum(platforms), handle: z.string(), url: z.string().nullish() })),
  organisation: z.string().nullable(),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  source: z.string().nullable(),
  introducedById: z.string().nullable(),
  timezone: z.string().nullable(),
  locale: z.string().nullable(),
  cadenceDays: z.number().nullable(),
  isClient: z.boolean(),
  isFriend: z.boolean(),
  ladder: z.enum(ladderSteps).describe('Highest step reached, derived from interactions: aware, engaged, conversing, talked, met'),
  isReferrer: z.boolean().describe('They introduced at least one person'),
  interactionCount: z.number().int(),
  lastInteractionAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Person = z.output<typeof Person>;

export const PeopleQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Search in names, organisation, emails, phones and handles'),
  tag: z.string().trim().max(50).optional().describe('Only people with this tag'),
  step: z.enum(ladderSteps).optional().describe('Only people on this ladder step'),
  cursor: z.string().max(500).optional().describe('From the previous page\'s nextCursor'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const PeoplePage = z.object({
  items: z.array(Person),
  nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page'),
});

export const InteractionInput = z.object({
  channel: z.enum(channels),
  kind: z.enum(interactionKinds),
  direction: z.enum(['in', 'out']).describe('in: they reached you; out: you reached them'),
  occurredAt: Timestamp.describe('When it happened (ISO 8601)'),
  durationMinutes: z.number().int().min(0).max(24 * 60).nullish(),
  note: optionalText(20_000),
  postId: z.uuid().nullish().describe('The post it followed (a reply, a message or a call that came from it): what the insights count as that post\'s outcome'),
});
export type InteractionInput = z.input<typeof InteractionInput>;

export const InteractionPatch = InteractionInput.partial();

export const Interaction = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  channel: z.enum(channels),
  kind: z.enum(interactionKinds),
  direction: z.enum(['in', 'out']),
  occurredAt: Timestamp,
  durationMinutes: z.number().nullable(),
  note: z.string().nullable(),
  postId: z.uuid().nullable().describe('The post this answers or came from (a reply read from the platform)'),
  eventId: z.uuid().nullable().describe('The event occurrence it happened at'),
  createdAt: Timestamp,
});
export type Interaction = z.output<typeof Interaction>;

export const InteractionList = z.object({ items: z.array(Interaction), nextCursor: z.string().nullable() });
export const InteractionQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const PersonId = z.object({ id: z.uuid() });
export const MergeInput = z.object({ otherId: z.uuid().describe('The person to merge into this one; they are gone afterwards') });
export const TagList = z.object({ items: z.array(z.object({ tag: z.string(), count: z.number().int() })) });
export const InteractionId = z.object({ id: z.uuid(), interactionId: z.uuid() });

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const CandidateSide = z.object({ id: z.uuid(), name: z.string(), organisation: z.string().nullable(), emails: z.array(z.string()) });
export const DuplicateCandidates = z.object({
  items: z.array(z.object({
    a: CandidateSide,
    b: CandidateSide,
    reasons: z.array(z.enum(['same_name', 'similar_name', 'same_organisation', 'similar_handle', 'same_email_name'])).describe('Why they may be one person'),
    similarity: z.number().describe('Name similarity, 0 to 1'),
  })),
});
export const DismissDuplicate = z.object({ aId: z.uuid(), bId: z.uuid() });

export const Introductions = z.object({
  introducedBy: z.array(z.object({ id: z.uuid(), name: z.string() })).describe('Who introduced them, then who introduced that person, … (up to 5)'),
  introduced: z.array(z.object({ id: z.uuid(), name: z.string(), parentId: z.uuid(), level: z.number().int() })).describe('Everyone they introduced, and whom those introduced (up to 5 levels); parentId is the introducer'),
});

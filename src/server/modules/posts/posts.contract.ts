import { z } from 'zod';
import { Timestamp } from '../../core/contract.ts';
import { platforms } from './platforms.ts';

export const pillars = ['value', 'personality', 'community', 'offer', 'event'] as const;
export const postStatuses = ['idea', 'draft', 'scheduled', 'publishing', 'published', 'failed', 'unknown'] as const;
// The statuses a person sets; the publisher sets the others.
export const userStatuses = ['idea', 'draft', 'scheduled'] as const;
export const targetStates = ['pending', 'publishing', 'published', 'failed', 'unknown'] as const;
// Only these platforms let Onland publish for you; the others are manual channels.
export const apiPlatforms = ['mastodon', 'bluesky'] as const;

export const Pillar = z.enum(pillars).describe('value, personality, community, offer (a sale) or event');
export const Platform = z.enum(platforms);
export const PostStatus = z.enum(postStatuses);

export const Slot = z.object({
  weekday: z.number().int().min(1).max(7).describe('1 Monday … 7 Sunday'),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour').describe('Wall-clock time in the channel\'s timezone'),
});
export const Timezone = z.string().min(1).max(64).describe('An IANA timezone, e.g. Europe/Berlin');

export const Credentials = z.record(z.string().min(1).max(64), z.string().max(4000))
  .describe('Secret part of the account (Mastodon: accessToken; Bluesky: appPassword); stored encrypted, never returned');

export const ChannelInput = z.object({
  platform: Platform,
  name: z.string().trim().min(1).max(100),
  mode: z.enum(['api', 'manual']).optional().describe('api: Onland publishes (Mastodon, Bluesky); manual: copy-ready text at its time. Default: api where possible'),
  timezone: Timezone.optional().describe('Default: the workspace\'s timezone'),
  slots: z.array(Slot).max(100).default([]),
  cadencePerWeek: z.number().int().min(0).max(100).default(3).describe('Posts a week this channel aims for'),
  account: z.string().trim().max(300).nullable().default(null).describe('Instance URL and handle, e.g. https://social.example/@anna'),
  credentials: Credentials.nullable().optional(),
});
export const ChannelPatch = ChannelInput.partial();
export const Channel = z.object({
  id: z.uuid(),
  platform: Platform,
  name: z.string(),
  mode: z.enum(['api', 'manual']),
  timezone: z.string(),
  slots: z.array(Slot),
  cadencePerWeek: z.number().int(),
  account: z.string().nullable(),
  hasCredentials: z.boolean(),
  createdAt: Timestamp,
});
export const ChannelList = z.object({ items: z.array(Channel) });

export const Length = z.object({ count: z.number().int(), limit: z.number().int(), over: z.boolean() });
export const TargetInput = z.object({
  channelId: z.uuid(),
  body: z.string().max(63_206).nullable().default(null).describe('This channel\'s own text; null uses the post\'s body'),
});
export const PostInput = z.object({
  pillar: Pillar,
  body: z.string().max(63_206).describe('The text; each channel may have its own variant'),
  status: z.enum(userStatuses).default('idea'),
  scheduledAt: Timestamp.nullable().default(null),
  channels: z.array(TargetInput).max(20).default([]),
});
export const PostPatch = z.object({
  pillar: Pillar.optional(),
  body: z.string().max(63_206).optional(),
  status: z.enum(userStatuses).optional().describe('idea, draft or scheduled; publishing and after are the publisher\'s'),
  scheduledAt: Timestamp.nullable().optional(),
  channels: z.array(TargetInput).max(20).optional().describe('Replaces the post\'s channels'),
});

export const Message = z.object({ en: z.string(), de: z.string() });
export const CoachWarning = z.object({
  code: z.string().describe('Stable code, e.g. SHOUTING, INSULT, NEAR_COPY'),
  channelId: z.uuid().nullable().describe('The channel whose text it concerns; null for all'),
  message: Message,
});

export const Target = z.object({
  channelId: z.uuid(),
  platform: Platform,
  channelName: z.string(),
  mode: z.enum(['api', 'manual']),
  body: z.string().nullable(),
  text: z.string().describe('What goes out on this channel: the variant, or the post\'s body'),
  length: Length,
  state: z.enum(targetStates),
  externalId: z.string().nullable(),
  url: z.string().nullable(),
  error: z.string().nullable(),
  publishedAt: Timestamp.nullable(),
});
export const Post = z.object({
  id: z.uuid(),
  pillar: Pillar,
  body: z.string(),
  status: PostStatus,
  scheduledAt: Timestamp.nullable(),
  publishedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  channels: z.array(Target),
});
export const PostWithCoach = Post.extend({ coach: z.array(CoachWarning).describe('Advice only: nothing here blocks the post') });
export const PostList = z.object({ items: z.array(Post) });
export const PostQuery = z.object({
  status: PostStatus.optional(),
  from: Timestamp.optional().describe('Scheduled at or after'),
  to: Timestamp.optional().describe('Scheduled before'),
});
export const PostId = z.object({ id: z.uuid() });
export const TargetId = z.object({ id: z.uuid(), channelId: z.uuid() });
export const ChannelId = z.object({ id: z.uuid() });

export const CoachInput = z.object({
  body: z.string().max(63_206),
  postId: z.uuid().nullable().default(null).describe('The post being edited, so it is not compared with itself'),
  channels: z.array(TargetInput).max(20).default([]),
});
export const CoachResult = z.object({
  warnings: z.array(CoachWarning),
  lengths: z.array(z.object({ channelId: z.uuid(), platform: Platform, length: Length })).describe('Each channel\'s text counted as its platform counts it'),
});

export const DueItem = z.object({
  postId: z.uuid(),
  channelId: z.uuid(),
  channelName: z.string(),
  platform: Platform,
  pillar: Pillar,
  scheduledAt: Timestamp,
  text: z.string().describe('Copy-ready text for this platform'),
  length: Length,
});
export const DueList = z.object({ items: z.array(DueItem) });
export const PostedInput = z.object({ url: z.url({ protocol: /^https?$/ }).max(2000).describe('Where the post now lives') });
export const ResolveInput = z.object({
  published: z.boolean().describe('true: it is out (give its URL); false: it did not go out'),
  url: z.url({ protocol: /^https?$/ }).max(2000).nullable().default(null),
});

export const OutcomeEntry = z.object({
  personId: z.uuid(), name: z.string(), kind: z.string().describe('reply, mention, call, meeting, …'), channel: z.string(), occurredAt: Timestamp, note: z.string().nullable(),
});
export const PostOutcomes = z.object({
  conversations: z.array(OutcomeEntry).describe('Replies and mentions linked to the post, oldest first'),
  calls: z.array(OutcomeEntry).describe('Calls with those people in the 90 days after their first reply'),
  meetings: z.array(OutcomeEntry).describe('Meetings, coffees and meetups with them in those 90 days'),
  likes: z.number().int().describe('Likes linked to the post, where known: a footnote, not the headline'),
}).describe('What a post led to');
export const ChannelCheck = z.object({
  channelId: z.uuid(),
  read: z.number().int().describe('Replies and mentions read this time'),
  linkedToPosts: z.number().int().describe('How many of them answer one of your posts'),
  error: z.string().nullable().describe('Why reading failed, if it did'),
});

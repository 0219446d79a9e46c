import { z } from 'zod';
import { Timestamp } from '../../core/contract.ts';
import { channels, platforms } from '../people/people.contract.ts';
import { ladderSteps } from '../people/ladder.ts';

// Every figure carries the rows it was drawn from: the SPA draws the chart and shows the same rows as a table.

const Step = z.enum(ladderSteps);
// The posts module's pillars. Its contract reaches node-only code (the platforms' length rules),
// which the web app cannot bundle, so the list is repeated here; insights.test.ts checks they agree.
export const pillars = ['value', 'personality', 'community', 'offer', 'event'] as const;
const count = z.number().int();
const rate = z.number().describe('A share between 0 and 1');

export const Period = z.object({
  days: z.coerce.number().int().min(1).max(3650).default(90).describe('How many days back from now the figure looks (posts, focus minutes, likes)'),
});

export const Funnel = z.object({
  timezone: z.string(),
  monthStart: Timestamp.describe('The first of this month, at midnight in the workspace\'s time zone'),
  steps: z.array(z.object({
    step: Step,
    people: count.describe('People whose highest step is this one'),
    movedUpThisMonth: count.describe('People who arrived at this step this month, from a lower one'),
  })).describe('Aware to met, in ladder order'),
  movesUpThisMonth: count.describe('People who moved up at least one step this month'),
  moves: z.array(z.object({ from: Step, to: Step, people: count })).describe('This month\'s moves, by where people were at the month\'s start and where they are now'),
  firstTouchToCall: z.object({ medianDays: z.number().nullable(), people: count.describe('People with a call, the median is taken over') }),
  firstTouchToMeeting: z.object({ medianDays: z.number().nullable(), people: count }),
});
export type Funnel = z.output<typeof Funnel>;

export const RateRow = z.object({
  posts: count,
  conversations: count.describe('People who wrote privately (a DM, an email, a question) after a post'),
  calls: count,
  meetings: count.describe('Meetings, coffees and events attended that followed a post'),
  postsWithOutcome: count.describe('Posts followed by at least one conversation, call or meeting'),
  rawRate: rate.describe('postsWithOutcome / posts'),
  smoothedRate: rate.describe('The rate pulled towards the workspace\'s average by a prior worth 5 posts (beta-binomial)'),
  tooFewToTell: z.boolean().describe('Fewer than 5 posts: the rate says little'),
});

export const WhatWorks = z.object({
  days: count,
  from: Timestamp,
  to: Timestamp,
  timezone: z.string(),
  posts: count.describe('Published posts in the period'),
  averageRate: rate.describe('postsWithOutcome / posts over every post: the prior\'s mean'),
  priorPosts: count.describe('How many posts the prior is worth'),
  byPillar: z.array(RateRow.extend({ pillar: z.enum(pillars) })),
  byChannel: z.array(RateRow.extend({ channel: z.string().describe('The platform of the channel the post went to') })),
  byWeekday: z.array(RateRow.extend({ weekday: z.number().int().min(1).max(7).describe('1 Monday … 7 Sunday, in the workspace\'s time zone') })),
  postList: z.array(z.object({
    id: z.uuid(), pillar: z.enum(pillars), publishedAt: Timestamp, weekday: z.number().int(), channels: z.array(z.string()), excerpt: z.string(),
    conversations: count, calls: count, meetings: count,
  })).describe('The posts behind the figures, newest first (at most 200)'),
});
export type WhatWorks = z.output<typeof WhatWorks>;

const perHour = z.number().nullable().describe('Per hour of focus on this channel; null without focus time');
export const ChannelReturn = z.object({
  days: count,
  from: Timestamp,
  to: Timestamp,
  channels: z.array(z.object({
    channel: z.enum(channels),
    focusMinutes: count.describe('Focus minutes in the period (a session\'s time is shared by its channels)'),
    conversations: count.describe('People you wrote with privately on this channel in the period'),
    meetings: count.describe('Meetings in the period with people you first met on this channel'),
    newClients: count.describe('Clients whose first touch was on this channel, in the period'),
    conversationsPerHour: perHour,
    meetingsPerHour: perHour,
    newClientsPerHour: perHour,
  })),
});
export type ChannelReturn = z.output<typeof ChannelReturn>;

export const ClientSources = z.object({
  clients: count,
  bySource: z.array(z.object({ source: z.string().nullable().describe('What they said; null: not recorded'), clients: count })),
  byFirstTouch: z.array(z.object({ channel: z.enum(channels).nullable().describe('Channel of the first recorded interaction; null: none recorded'), clients: count })),
  clientList: z.array(z.object({ id: z.uuid(), name: z.string(), source: z.string().nullable(), firstTouchChannel: z.enum(channels).nullable(), firstTouchAt: Timestamp.nullable() }))
    .describe('The clients behind the figures, by name (at most 500)'),
});
export type ClientSources = z.output<typeof ClientSources>;

export const Platform = z.enum(platforms);
export const PlatformRisk = z.object({
  people: count.describe('Everyone in the workspace'),
  platforms: z.array(z.object({
    platform: Platform,
    onlyThere: count.describe('People reachable only here: no email, no phone, no handle elsewhere. If this platform closed your account you would lose them'),
    share: rate.describe('onlyThere / people'),
  })).describe('Most at risk first'),
});
export type PlatformRisk = z.output<typeof PlatformRisk>;

export const PlatformParam = z.object({ platform: Platform });
export const RiskPeopleQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });
export const RiskPeople = z.object({
  platform: Platform,
  total: count,
  items: z.array(z.object({
    id: z.uuid(), name: z.string(), handle: z.string(), url: z.string().nullable(), ladder: Step, lastInteractionAt: Timestamp.nullable(),
  })).describe('Closest first (highest ladder step, then most recent touch)'),
});

export const Vanity = z.object({
  days: count,
  from: Timestamp,
  to: Timestamp,
  likes: count.describe('Likes received in the period'),
  likesOnPosts: count.describe('Of those, likes linked to a post'),
  newFollowers: count.describe('Follows received in the period, as recorded or imported'),
  followerCountsKnown: z.boolean().describe('Whether any channel reports its follower total (none does yet)'),
  channels: z.array(z.object({ channel: z.enum(channels), likes: count, likesOnPosts: count, newFollowers: count })),
});
export type Vanity = z.output<typeof Vanity>;

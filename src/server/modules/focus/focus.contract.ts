import { z } from 'zod';
import { Timestamp } from '../../core/contract.ts';
import { focusChannels, focusPhases } from './focus.rules.ts';

export const FocusChannel = z.enum(focusChannels).describe('A social platform by name');
export const FocusPhase = z.enum(focusPhases);

const phaseMinutes = z.number().int().min(0).max(240);
export const PhaseMinutes = z.object({
  read: phaseMinutes.describe('Read what came in'),
  write: phaseMinutes.describe('Write your own post'),
  reply: phaseMinutes.describe('Reply to people'),
  leave: phaseMinutes.describe('Leave: a summary, and who to call'),
});

export const StartSession = z.object({
  channels: z.array(FocusChannel).min(1).max(focusChannels.length).describe('One or more channels this session is for'),
  minutes: z.number().int().min(1).max(240).optional().describe('Length in minutes (default 15), split 3/5/5/2 like the default'),
  phases: PhaseMinutes.optional().describe('Minutes per phase; wins over minutes'),
}).refine((v) => new Set(v.channels).size === v.channels.length, { path: ['channels'], message: 'Each channel once' })
  .refine((v) => !v.phases || Object.values(v.phases).some((m) => m > 0), { path: ['phases'], message: 'At least one phase needs minutes' })
  .refine((v) => !v.phases || Object.values(v.phases).reduce((a, b) => a + b, 0) <= 240, { path: ['phases'], message: 'At most 240 minutes in all' });

const seconds = z.object({ read: z.number().int(), write: z.number().int(), reply: z.number().int(), leave: z.number().int() });

export const FocusSession = z.object({
  id: z.uuid(),
  channels: z.array(FocusChannel),
  startedAt: Timestamp,
  endsAt: Timestamp.describe('When the plan ends'),
  endedAt: Timestamp.nullable().describe('When it ended (early or on time); null while running'),
  endedEarly: z.boolean(),
  plannedSeconds: seconds.describe('Seconds planned per phase'),
  actualSeconds: seconds.describe('Seconds spent per phase so far (final once ended)'),
  running: z.boolean(),
  phase: FocusPhase.nullable().describe('The phase now, computed from the server clock; null once over'),
  phaseEndsAt: Timestamp.nullable(),
  secondsLeftInPhase: z.number().int(),
  secondsLeft: z.number().int(),
  serverNow: Timestamp.describe('The server clock this state was computed at; clients count down from it'),
  plannedCalls: z.array(z.uuid()).describe('Plans made in the leave phase'),
});
export type FocusSession = z.output<typeof FocusSession>;

export const CurrentSession = z.object({ session: FocusSession.nullable().describe('Your running session, if any') });
export const SessionId = z.object({ id: z.uuid() });
export const SessionList = z.object({ items: z.array(FocusSession) });
export const SessionQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) });

const minutes = z.number().int().min(0).max(10_080);
export const ChannelBudget = z.object({
  channel: FocusChannel,
  minutesPerWeek: minutes.describe('Minutes per week you allow yourself on this channel'),
  minutesPerPost: z.number().int().min(0).max(600).default(0).describe('What one post takes you, in minutes'),
});
const postsPerWeek = z.number().int().describe('The planner\'s cadence goals for this platform: posts a week its channels aim for (set on the channels)');

export const BudgetInput = z.object({
  scope: z.enum(['workspace', 'user']).describe('workspace: everyone\'s default (owner only); user: your own'),
  channels: z.array(ChannelBudget).max(focusChannels.length),
}).refine((v) => new Set(v.channels.map((c) => c.channel)).size === v.channels.length, { path: ['channels'], message: 'Each channel once' });

export const Budget = z.object({
  scope: z.enum(['workspace', 'user', 'none']).describe('Whose budget applies to you: your own, the workspace\'s, or none yet'),
  channels: z.array(ChannelBudget.required().extend({ postsPerWeek })),
  cadenceGoals: z.partialRecord(FocusChannel, z.number().int()).describe('Posts a week the planner\'s channels aim for, per platform, budgeted or not'),
});

export const WeekSummary = z.object({
  week: z.string().describe('The week\'s Monday, YYYY-MM-DD, in the workspace\'s time zone'),
  start: Timestamp,
  end: Timestamp,
  timezone: z.string(),
  budgetScope: Budget.shape.scope,
  channels: z.array(ChannelBudget.required().extend({
    postsPerWeek,
    usedMinutes: z.number().int().describe('Focus minutes this week (a session\'s time is shared by its channels)'),
    leftMinutes: z.number().int(),
    neededMinutes: z.number().int().describe('postsPerWeek × minutesPerPost'),
    overCommitted: z.boolean().describe('The cadence goals need more time than the budget'),
  })),
  totals: z.object({ budgetMinutes: z.number().int(), usedMinutes: z.number().int(), leftMinutes: z.number().int(), neededMinutes: z.number().int() }),
  overCommitted: z.boolean().describe('Some channel\'s goals need more time than its budget'),
  sessions: z.number().int(),
  sessionsOnTime: z.number().int(),
  sessionsEndedEarly: z.number().int(),
});

export const PlanCalls = z.object({
  personIds: z.array(z.uuid()).min(1).max(20).describe('Who to call'),
  startsAt: Timestamp.optional().describe('When; default tomorrow at 10:00 in the workspace\'s time zone'),
});
export const PlannedCalls = z.object({
  items: z.array(z.object({ planId: z.uuid(), personId: z.uuid(), personName: z.string(), startsAt: Timestamp })),
});

const answer = z.number().int().min(1).max(5);
export const ReflectionAnswers = z.object({
  timeSpent: answer.describe('How much time are you spending on social media? 1 very little … 5 far too much'),
  pressure: answer.describe('Do you feel under pressure to perform? 1 not at all … 5 very much'),
  overCommitment: answer.describe('Are you stressed that you have over-committed to too many platforms? 1 not at all … 5 very much'),
  phoneDown: answer.describe('Can you put your phone down and walk away? 1 hardly … 5 easily'),
});
export const ReflectionWeek = z.object({ week: z.iso.date().describe('The week\'s Monday, YYYY-MM-DD: this week or last week') });

const Measured = z.object({
  minutesPerChannel: z.partialRecord(FocusChannel, z.number().int()),
  minutes: z.number().int(),
  sessions: z.number().int(),
  sessionsOnTime: z.number().int(),
});

export const Reflection = ReflectionAnswers.extend({
  week: z.string(),
  measured: Measured.describe('The week as measured when answered'),
  answeredAt: Timestamp,
});

export const ReflectionTrend = z.object({
  thisWeek: z.string().describe('This week\'s Monday'),
  weeks: z.array(z.object({
    week: z.string(),
    measured: Measured.describe('The week as measured now'),
    answers: ReflectionAnswers.nullable(),
  })).describe('Oldest first'),
});
export const TrendQuery = z.object({ weeks: z.coerce.number().int().min(1).max(104).default(12) });

// The web app's timer counts down with the same rule the server uses.
export { focusChannels, focusPhases, sessionState, type FocusPhase as FocusPhaseName } from './focus.rules.ts';

// The rules of a focus session, a week and a budget, as plain functions of their inputs and the clock.

export const focusPhases = ['read', 'write', 'reply', 'leave'] as const;
export type FocusPhase = (typeof focusPhases)[number];

// The social platforms a session is spent on (the posts module's channels use the same names).
export const focusChannels = ['mastodon', 'bluesky', 'linkedin', 'x', 'facebook', 'instagram'] as const;
export type FocusChannel = (typeof focusChannels)[number];

export type PhasePlan = Record<FocusPhase, number>; // seconds per phase

// 15 minutes: read 3, write 5, reply 5, leave 2.
export const defaultPhaseMinutes: PhasePlan = { read: 3, write: 5, reply: 5, leave: 2 };
export const defaultMinutes = 15;

// A plan for `totalSeconds`, split like the default 3/5/5/2; leave gets whatever rounding leaves over.
export function scaledPlan(totalSeconds: number): PhasePlan {
  const share = (phase: FocusPhase) => Math.round((totalSeconds * defaultPhaseMinutes[phase]) / defaultMinutes);
  const read = share('read');
  const write = share('write');
  const reply = share('reply');
  return { read, write, reply, leave: Math.max(0, totalSeconds - read - write - reply) };
}

export function planSeconds(plan: PhasePlan): number {
  return focusPhases.reduce((sum, phase) => sum + plan[phase], 0);
}

export type SessionTimes = { startedAt: Date; plan: PhasePlan; endedAt: Date | null };

export type SessionState = {
  running: boolean;
  phase: FocusPhase | null; // null once over
  phaseIndex: number;
  phaseEndsAt: Date | null;
  secondsLeftInPhase: number;
  secondsLeft: number;
  endsAt: Date;
};

// Where a session stands at `now`: computed from its start and plan, so every device agrees.
export function sessionState(session: SessionTimes, now: Date): SessionState {
  const endsAt = new Date(session.startedAt.getTime() + planSeconds(session.plan) * 1000);
  const stop = Math.min(now.getTime(), session.endedAt?.getTime() ?? Infinity);
  let boundary = session.startedAt.getTime();
  for (const [index, phase] of focusPhases.entries()) {
    boundary += session.plan[phase] * 1000;
    if (stop < boundary && session.endedAt === null) {
      return {
        running: true, phase, phaseIndex: index, phaseEndsAt: new Date(boundary),
        secondsLeftInPhase: Math.ceil((boundary - stop) / 1000), secondsLeft: Math.ceil((endsAt.getTime() - stop) / 1000), endsAt,
      };
    }
  }
  return { running: false, phase: null, phaseIndex: focusPhases.length, phaseEndsAt: null, secondsLeftInPhase: 0, secondsLeft: 0, endsAt };
}

// Seconds actually spent in each phase: the part of each planned phase before the session ended.
export function actualSeconds(session: SessionTimes, now: Date): PhasePlan {
  const stop = Math.min(now.getTime(), session.endedAt?.getTime() ?? Infinity);
  let start = session.startedAt.getTime();
  const actual = { read: 0, write: 0, reply: 0, leave: 0 };
  for (const phase of focusPhases) {
    const end = start + session.plan[phase] * 1000;
    actual[phase] = Math.max(0, Math.round((Math.min(end, stop) - start) / 1000));
    start = end;
  }
  return actual;
}

// --- Weeks, in the workspace's time zone (Monday to Monday) ---

export type Week = { start: Date; end: Date; label: string }; // label: the Monday as YYYY-MM-DD

function zonedParts(instant: Date, zone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

// The zone's offset from UTC at an instant, in milliseconds.
function offsetAt(instant: number, zone: string): number {
  const p = zonedParts(new Date(instant), zone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
}

// The instant of a local wall-clock time in a zone (DST gaps resolve forwards).
export function zonedTime(year: number, month: number, day: number, hour: number, zone: string): Date {
  const guess = Date.UTC(year, month - 1, day, hour);
  const first = guess - offsetAt(guess, zone);
  return new Date(guess - offsetAt(first, zone));
}

function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

export function weekOf(instant: Date, zone: string): Week {
  const p = zonedParts(instant, zone);
  const weekday = (new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay() + 6) % 7; // Monday 0
  const monday = new Date(Date.UTC(p.year, p.month - 1, p.day - weekday));
  return weekStarting(monday.toISOString().slice(0, 10), zone);
}

// The week whose Monday is `label` (YYYY-MM-DD).
export function weekStarting(label: string, zone: string): Week {
  const [year, month, day] = label.split('-').map(Number) as [number, number, number];
  return {
    start: zonedTime(year, month, day, 0, zone),
    end: zonedTime(year, month, day + 7, 0, zone),
    label: isoDate(year, month, day),
  };
}

export function previousWeek(week: Week, zone: string): Week {
  const [year, month, day] = week.label.split('-').map(Number) as [number, number, number];
  return weekStarting(isoDate(year, month, day - 7), zone);
}

// Tomorrow at `hour` in the zone: when a call chosen at the end of a session is planned by default.
export function tomorrowAt(now: Date, hour: number, zone: string): Date {
  const p = zonedParts(now, zone);
  return zonedTime(p.year, p.month, p.day + 1, hour, zone);
}

// --- Minutes per channel in a week ---

export type MeasuredSession = SessionTimes & { channels: FocusChannel[]; endedEarly: boolean };

// A session's time is shared equally by its channels; only the part inside the week counts.
export function minutesPerChannel(sessions: MeasuredSession[], week: Pick<Week, 'start' | 'end'>, now: Date): Partial<Record<FocusChannel, number>> {
  const seconds: Partial<Record<FocusChannel, number>> = {};
  for (const session of sessions) {
    const state = sessionState(session, now);
    const stop = Math.min(session.endedAt?.getTime() ?? Infinity, state.endsAt.getTime(), now.getTime(), week.end.getTime());
    const spent = Math.max(0, stop - Math.max(session.startedAt.getTime(), week.start.getTime())) / 1000;
    for (const channel of session.channels) seconds[channel] = (seconds[channel] ?? 0) + spent / session.channels.length;
  }
  return Object.fromEntries(Object.entries(seconds).map(([channel, s]) => [channel, Math.round(s / 60)]));
}

// --- Budget and over-commitment ---

// What a member sets per channel: the minutes a week they allow, and what one post takes them.
export type ChannelBudget = { channel: FocusChannel; minutesPerWeek: number; minutesPerPost: number };

// Posts a week per platform: the cadence goals of the planner's channels (the posts module).
export type CadenceGoals = Partial<Record<FocusChannel, number>>;

export type ChannelWeek = ChannelBudget & { postsPerWeek: number; usedMinutes: number; leftMinutes: number; neededMinutes: number; overCommitted: boolean };

// The planner's cadence goals need postsPerWeek × minutesPerPost; more than the channel's budget is over-commitment.
export function budgetWeek(budget: ChannelBudget[], used: Partial<Record<FocusChannel, number>>, goals: CadenceGoals = {}): { channels: ChannelWeek[]; totals: { budgetMinutes: number; usedMinutes: number; leftMinutes: number; neededMinutes: number }; overCommitted: boolean } {
  const listed = new Set(budget.map((b) => b.channel));
  // Time spent on a channel without a budget, or a posting goal there, still shows, with a budget of 0.
  const unlisted = focusChannels.filter((c) => !listed.has(c) && ((used[c] ?? 0) > 0 || (goals[c] ?? 0) > 0));
  const all = [...budget, ...unlisted.map((channel) => ({ channel, minutesPerWeek: 0, minutesPerPost: 0 }))];
  const channels = all.map((b) => {
    const usedMinutes = used[b.channel] ?? 0;
    const postsPerWeek = goals[b.channel] ?? 0;
    const neededMinutes = postsPerWeek * b.minutesPerPost;
    return { ...b, postsPerWeek, usedMinutes, leftMinutes: Math.max(0, b.minutesPerWeek - usedMinutes), neededMinutes, overCommitted: neededMinutes > b.minutesPerWeek };
  });
  const sum = (pick: (c: ChannelWeek) => number) => channels.reduce((s, c) => s + pick(c), 0);
  return {
    channels,
    totals: { budgetMinutes: sum((c) => c.minutesPerWeek), usedMinutes: sum((c) => c.usedMinutes), leftMinutes: sum((c) => c.leftMinutes), neededMinutes: sum((c) => c.neededMinutes) },
    overCommitted: channels.some((c) => c.overCommitted),
  };
}

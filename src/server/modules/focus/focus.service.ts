import type { z } from 'zod';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../../db/index.ts';
import { requireRole, type Auth } from '../auth/index.ts';
import type { NudgesService, PeopleService } from '../people/index.ts';
import type { WorkspacesService } from '../workspaces/index.ts';
import type { BudgetInput, FocusSession, PlanCalls, ReflectionAnswers } from './focus.contract.ts';
import { createFocusRepository, type SessionRow } from './focus.repository.ts';
import {
  actualSeconds, budgetWeek, defaultMinutes, focusChannels, focusPhases, minutesPerChannel, planSeconds, previousWeek, scaledPlan,
  sessionState, tomorrowAt, weekOf, weekStarting, type CadenceGoals, type ChannelBudget, type FocusChannel, type PhasePlan, type Week,
} from './focus.rules.ts';

// The posts module's cadence goals, summed per platform (posts/index.ts).
type CadenceSource = { cadenceGoals: (auth: Auth) => Promise<Partial<Record<string, number>>> };
type Deps = { db: Db; clock: Clock; people: PeopleService; nudges: NudgesService; workspaces: WorkspacesService; posting: CadenceSource };

// What a session is asked to be: minutes (REST) or, for the terminal's quick runs, seconds per phase.
export type SessionRequest = { channels: FocusChannel[]; minutes?: number; phases?: PhasePlan; phaseSeconds?: PhasePlan };

const callHour = 10;

export function createFocusService({ db, clock, people, nudges, workspaces, posting }: Deps) {
  const repo = createFocusRepository(db);
  const member = (auth: Auth) => ({ workspaceId: auth.workspaceId, userId: auth.userId });

  function view(row: SessionRow, now: Date): FocusSession {
    const state = sessionState(row, now);
    return {
      id: row.id, channels: row.channels, startedAt: row.startedAt, endsAt: row.endsAt, endedAt: row.endedAt, endedEarly: row.endedEarly,
      plannedSeconds: row.plan, actualSeconds: row.actual ?? actualSeconds(row, now),
      running: state.running, phase: state.phase, phaseEndsAt: state.phaseEndsAt,
      secondsLeftInPhase: state.secondsLeftInPhase, secondsLeft: state.secondsLeft, serverNow: now, plannedCalls: row.plannedCalls,
    };
  }

  // A session whose plan ran out while nobody watched ended on time; record it so.
  async function closeExpired(auth: Auth, now: Date): Promise<void> {
    for (const row of await repo.expired(member(auth), now)) {
      await repo.close(member(auth), row.id, { endedAt: row.endsAt, endedEarly: false, actual: row.plan });
    }
  }

  async function zoneOf(auth: Auth): Promise<string> {
    return (await workspaces.get(auth)).timezone;
  }

  async function budgetOf(auth: Auth): Promise<{ scope: 'workspace' | 'user' | 'none'; channels: ChannelBudget[] }> {
    const rows = await repo.budgets(auth.workspaceId, ['workspace', auth.userId]);
    const own = rows.find((r) => r.subject === auth.userId);
    const shared = rows.find((r) => r.subject === 'workspace');
    // Budgets saved before the cadence goals moved to the planner carry a postsPerWeek of their own: dropped.
    const plain = (channels: ChannelBudget[]) => channels.map(({ channel, minutesPerWeek, minutesPerPost }) => ({ channel, minutesPerWeek, minutesPerPost }));
    if (own) return { scope: 'user', channels: plain(own.channels) };
    if (shared) return { scope: 'workspace', channels: plain(shared.channels) };
    return { scope: 'none', channels: [] };
  }

  async function measure(auth: Auth, week: Week, now: Date) {
    const sessions = (await repo.overlapping(member(auth), week.start, week.end)).filter((s) => s.startedAt < now);
    const perChannel = minutesPerChannel(sessions, week, now);
    const closed = sessions.filter((s) => s.endedAt !== null || s.endsAt <= now);
    // Sessions are counted in the week they started.
    const started = closed.filter((s) => s.startedAt >= week.start);
    return {
      minutesPerChannel: perChannel,
      minutes: Object.values(perChannel).reduce((a, b) => a + b, 0),
      sessions: started.length,
      sessionsOnTime: started.filter((s) => !s.endedEarly).length,
      sessionsEndedEarly: started.filter((s) => s.endedEarly).length,
    };
  }

  async function goalsOf(auth: Auth): Promise<CadenceGoals> {
    const goals = await posting.cadenceGoals(auth);
    return Object.fromEntries(focusChannels.map((c) => [c, goals[c] ?? 0]));
  }

  function planFor(request: SessionRequest): PhasePlan {
    if (request.phaseSeconds) return request.phaseSeconds;
    if (request.phases) return Object.fromEntries(focusPhases.map((p) => [p, request.phases![p] * 60])) as PhasePlan;
    return scaledPlan((request.minutes ?? defaultMinutes) * 60);
  }

  return {
    async start(auth: Auth, request: SessionRequest): Promise<FocusSession> {
      requireRole(auth, 'viewer');
      const now = clock.now();
      const plan = planFor(request);
      if (planSeconds(plan) <= 0) throw new AppError('VALIDATION_FAILED', 'A session needs some time.', [{ path: 'body.minutes', message: 'At least one phase needs time' }]);
      await closeExpired(auth, now);
      const row = await repo.insertSession({
        workspaceId: auth.workspaceId, userId: auth.userId, channels: request.channels, plan,
        startedAt: now, endsAt: new Date(now.getTime() + planSeconds(plan) * 1000),
      });
      if (!row) throw new AppError('FOCUS_RUNNING', 'A focus session is already running: end it first, or let it finish.');
      return view(row, now);
    },

    async current(auth: Auth): Promise<FocusSession | null> {
      requireRole(auth, 'viewer');
      const now = clock.now();
      await closeExpired(auth, now);
      const row = await repo.open(member(auth));
      return row ? view(row, now) : null;
    },

    async get(auth: Auth, id: string): Promise<FocusSession> {
      requireRole(auth, 'viewer');
      const now = clock.now();
      await closeExpired(auth, now);
      const row = await repo.get(member(auth), id);
      if (!row) throw new AppError('NOT_FOUND', 'No such focus session.');
      return view(row, now);
    },

    async list(auth: Auth, limit: number): Promise<FocusSession[]> {
      requireRole(auth, 'viewer');
      const now = clock.now();
      await closeExpired(auth, now);
      return (await repo.recent(member(auth), limit)).map((row) => view(row, now));
    },

    // Ending before the plan runs out is recorded as ended early.
    async end(auth: Auth, id: string): Promise<FocusSession> {
      requireRole(auth, 'viewer');
      const now = clock.now();
      await closeExpired(auth, now);
      const row = await repo.get(member(auth), id);
      if (!row) throw new AppError('NOT_FOUND', 'No such focus session.');
      if (row.endedAt) throw new AppError('FOCUS_ENDED', `This session ended ${row.endedEarly ? 'early' : 'on time'} already.`);
      const closed = await repo.close(member(auth), id, { endedAt: now, endedEarly: true, actual: actualSeconds({ ...row, endedAt: now }, now) });
      if (!closed) throw new AppError('FOCUS_ENDED', 'This session has just ended.');
      return view(closed, now);
    },

    // The leave phase asks who to call: each choice becomes a planned call in the people module.
    async planCalls(auth: Auth, id: string, input: z.output<typeof PlanCalls>) {
      requireRole(auth, 'editor');
      const session = await repo.get(member(auth), id);
      if (!session) throw new AppError('NOT_FOUND', 'No such focus session.');
      const startsAt = input.startsAt ?? tomorrowAt(clock.now(), callHour, await zoneOf(auth));
      const personIds = [...new Set(input.personIds)];
      // Everyone first (404 for a stranger), so a bad choice plans no call at all.
      await Promise.all(personIds.map((personId) => people.get(auth, personId)));
      const items = [];
      for (const personId of personIds) {
        const plan = await nudges.plan(auth, { personId, kind: 'call', startsAt, durationMinutes: 30, note: null, place: null });
        items.push({ planId: plan.id, personId, personName: plan.personName, startsAt: plan.startsAt });
      }
      await repo.addPlannedCalls(member(auth), id, items.map((i) => i.planId));
      return { items };
    },

    async getBudget(auth: Auth) {
      requireRole(auth, 'viewer');
      const [budget, goals] = await Promise.all([budgetOf(auth), goalsOf(auth)]);
      return { scope: budget.scope, channels: budget.channels.map((c) => ({ ...c, postsPerWeek: goals[c.channel] ?? 0 })), cadenceGoals: goals };
    },

    async setBudget(auth: Auth, input: z.output<typeof BudgetInput>) {
      requireRole(auth, input.scope === 'workspace' ? 'owner' : 'viewer');
      await repo.saveBudget({ workspaceId: auth.workspaceId, subject: input.scope === 'workspace' ? 'workspace' : auth.userId, channels: input.channels, updatedAt: clock.now() });
      return this.getBudget(auth);
    },

    // Back to the workspace's budget.
    async removeOwnBudget(auth: Auth) {
      requireRole(auth, 'viewer');
      await repo.removeBudget(auth.workspaceId, auth.userId);
      return this.getBudget(auth);
    },

    // This week: minutes per channel, what is left of the budget, and whether the goals fit.
    async week(auth: Auth) {
      requireRole(auth, 'viewer');
      const now = clock.now();
      await closeExpired(auth, now);
      const zone = await zoneOf(auth);
      const week = weekOf(now, zone);
      const [budget, measured, goals] = await Promise.all([budgetOf(auth), measure(auth, week, now), goalsOf(auth)]);
      const totals = budgetWeek(budget.channels, measured.minutesPerChannel, goals);
      return {
        week: week.label, start: week.start, end: week.end, timezone: zone, budgetScope: budget.scope,
        ...totals, sessions: measured.sessions, sessionsOnTime: measured.sessionsOnTime, sessionsEndedEarly: measured.sessionsEndedEarly,
      };
    },

    // The four questions for this week or last week, stored beside the week as measured now.
    async reflect(auth: Auth, weekLabel: string, answers: z.output<typeof ReflectionAnswers>) {
      requireRole(auth, 'viewer');
      const now = clock.now();
      await closeExpired(auth, now);
      const zone = await zoneOf(auth);
      const thisWeek = weekOf(now, zone);
      const lastWeek = previousWeek(thisWeek, zone);
      if (weekLabel !== thisWeek.label && weekLabel !== lastWeek.label) {
        throw new AppError('VALIDATION_FAILED', `Reflect on this week (${thisWeek.label}) or last week (${lastWeek.label}).`, [{ path: 'params.week', message: `Use ${thisWeek.label} or ${lastWeek.label}` }]);
      }
      const { sessionsEndedEarly: _early, ...measured } = await measure(auth, weekStarting(weekLabel, zone), now);
      const row = await repo.saveReflection({ workspaceId: auth.workspaceId, userId: auth.userId, week: weekLabel, ...answers, measured, answeredAt: now });
      return { week: row.week, timeSpent: row.timeSpent, pressure: row.pressure, overCommitment: row.overCommitment, phoneDown: row.phoneDown, measured: row.measured, answeredAt: row.answeredAt };
    },

    // The last `count` weeks, oldest first: what was measured and what you answered.
    async trend(auth: Auth, count: number) {
      requireRole(auth, 'viewer');
      const now = clock.now();
      await closeExpired(auth, now);
      const zone = await zoneOf(auth);
      const weeks: Week[] = [weekOf(now, zone)];
      while (weeks.length < count) weeks.unshift(previousWeek(weeks[0]!, zone));
      const answers = new Map((await repo.reflections(member(auth), weeks.map((w) => w.label))).map((r) => [r.week, r]));
      return {
        thisWeek: weeks.at(-1)!.label,
        weeks: await Promise.all(weeks.map(async (week) => {
          const { sessionsEndedEarly: _early, ...measured } = await measure(auth, week, now);
          const answer = answers.get(week.label);
          return { week: week.label, measured, answers: answer ? { timeSpent: answer.timeSpent, pressure: answer.pressure, overCommitment: answer.overCommitment, phoneDown: answer.phoneDown } : null };
        })),
      };
    },
  };
}

export type FocusService = ReturnType<typeof createFocusService>;

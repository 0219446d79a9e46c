import { createHmac, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../../db/index.ts';
import { requireRole, type Auth } from '../auth/index.ts';
import type { WorkspacesService } from '../workspaces/index.ts';
import type { NudgeAction, Plan, PlanDone, PlanInput, RelationshipSettingsPatch } from './nudges.contract.ts';
import { createNudgesRepository, type NudgeCandidate, type PlanRow } from './nudges.repository.ts';
import { defaultSettings, explainNudge, todaySections, wholeDays, wholeWeeks, type NudgeRule, type RelationshipSettings } from './nudges.rules.ts';
import type { PeopleService } from './people.service.ts';

// What nudges need of the events the user hosts (the events module provides it; absent in tests of people alone).
export type HostedEvents = {
  nextOpenOccurrence: (workspaceId: string, after: Date) => Promise<{ id: string; title: string; startsAt: Date; placesLeft: number } | null>;
  occurrenceRunningAt: (workspaceId: string, at: Date) => Promise<{ id: string; title: string; startsAt: Date; endsAt: Date } | null>;
};

type Deps = { db: Db; clock: Clock; people: PeopleService; workspaces: WorkspacesService; secret: string; publicUrl: string; hostedEvents?: HostedEvents };

const perRule = 20;
const day = 24 * 3600 * 1000;
const planInteraction = {
  call: { channel: 'phone', kind: 'call' },
  meeting: { channel: 'in_person', kind: 'meeting' },
  coffee: { channel: 'in_person', kind: 'coffee' },
} as const;

export function createNudgesService({ db, clock, people, workspaces, secret, publicUrl, hostedEvents }: Deps) {
  const repo = createNudgesRepository(db);

  async function settingsOf(workspaceId: string): Promise<RelationshipSettings> {
    return (await repo.settings(workspaceId)) ?? defaultSettings;
  }

  function toNudge(candidate: NudgeCandidate, now: Date, locale: string) {
    const facts = {
      name: candidate.name,
      messages: candidate.count,
      weeks: candidate.rule === 'call' && candidate.since && candidate.until ? wholeWeeks(candidate.since, candidate.until) : undefined,
      // Days ago, except for an invitation: days until the meetup.
      days: candidate.rule === 'invite' && candidate.until ? wholeDays(now, candidate.until) : candidate.since ? wholeDays(candidate.since, now) : undefined,
      cadenceDays: candidate.cadenceDays,
      introducedName: candidate.introducedName,
      eventTitle: candidate.eventTitle,
      places: candidate.places,
    };
    const { name: _name, ...numbers } = facts;
    const defined = Object.fromEntries(Object.entries(numbers).filter(([, v]) => v !== undefined));
    return { key: candidate.key, rule: candidate.rule, personId: candidate.personId, personName: candidate.name, reason: explainNudge(candidate.rule, facts, locale), facts: defined };
  }

  async function planView(auth: Auth, row: PlanRow): Promise<Plan> {
    return planWithName({ ...row, personName: (await people.get(auth, row.personId)).name });
  }

  function planWithName(row: PlanRow & { personName: string }): Plan {
    return { id: row.id, personId: row.personId, personName: row.personName, kind: row.kind, startsAt: row.startsAt, durationMinutes: row.durationMinutes, place: row.place, note: row.note, status: row.status, interactionId: row.interactionId };
  }

  // The next meetup with places is the occasion of the invite nudge.
  async function invite(workspaceId: string, _s: RelationshipSettings, now: Date, limit: number, timezone: string): Promise<NudgeCandidate[]> {
    const next = await hostedEvents?.nextOpenOccurrence(workspaceId, now);
    if (!next) return [];
    const found = await repo.invite(workspaceId, now, limit, { occurrenceId: next.id, timezone });
    return found.map((c) => ({ ...c, until: next.startsAt, eventTitle: next.title, places: next.placesLeft }));
  }

  const rules: Record<NudgeRule, (workspaceId: string, s: RelationshipSettings, now: Date, limit: number, timezone: string) => Promise<NudgeCandidate[]>> = {
    call: repo.call, invite, reply: repo.reply, follow_up: repo.followUp, reconnect: repo.reconnect, thank: repo.thank,
  };

  function feedToken(auth: Pick<Auth, 'workspaceId' | 'userId'>): string {
    const mac = createHmac('sha256', secret).update(`plans-feed:${auth.workspaceId}:${auth.userId}`).digest('base64url').slice(0, 32);
    return `${auth.workspaceId}.${auth.userId}.${mac}`;
  }

  return {
    async today(auth: Auth) {
      requireRole(auth, 'viewer');
      const now = clock.now();
      const [settings, workspace, running, hosting, planRows] = await Promise.all([
        settingsOf(auth.workspaceId), workspaces.get(auth), repo.runningMeetings(auth.workspaceId, now),
        hostedEvents ? hostedEvents.occurrenceRunningAt(auth.workspaceId, now) : null,
        repo.listPlans(auth.workspaceId, new Date(now.getTime() - 30 * day), new Date(now.getTime() + 2 * day)),
      ]);
      const plans = planRows.map(planWithName);
      const meeting = running[0];
      // Meeting mode: the person in front of you comes first; no nudges.
      if (meeting) {
        return { now, meetingMode: { until: new Date(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000), planId: meeting.id, eventTitle: null }, plans, sections: todaySections.map((s) => ({ key: s.key, nudges: [] })) };
      }
      // So does a meetup you host while it runs.
      if (hosting) {
        return { now, meetingMode: { until: hosting.endsAt, planId: null, eventTitle: hosting.title }, plans, sections: todaySections.map((s) => ({ key: s.key, nudges: [] })) };
      }
      const sections = await Promise.all(todaySections.map(async (section) => {
        const found = await Promise.all(section.rules.map((rule) => rules[rule](auth.workspaceId, settings, now, perRule, workspace.timezone)));
        return { key: section.key, nudges: found.flat().map((c) => toNudge(c, now, workspace.locale)) };
      }));
      return { now, meetingMode: null, plans, sections };
    },

    async losingTouch(auth: Auth) {
      requireRole(auth, 'viewer');
      const now = clock.now();
      const [settings, workspace] = await Promise.all([settingsOf(auth.workspaceId), workspaces.get(auth)]);
      return { items: (await repo.reconnect(auth.workspaceId, settings, now, 200)).map((c) => toNudge(c, now, workspace.locale)) };
    },

    async act(auth: Auth, input: z.output<typeof NudgeAction>): Promise<void> {
      requireRole(auth, 'editor');
      const [rule, personId] = input.key.split(':') as [NudgeRule, string];
      await people.get(auth, personId); // 404 for a person of another workspace
      const now = clock.now();
      if (input.action === 'done' && rule === 'call') {
        await people.addInteraction(auth, personId, { channel: 'phone', kind: 'call', direction: 'out', occurredAt: now, durationMinutes: null, note: null });
      }
      await repo.setState({
        workspaceId: auth.workspaceId, key: input.key, personId,
        state: input.action === 'snooze' ? 'snoozed' : input.action === 'dismiss' ? 'dismissed' : 'done',
        until: input.action === 'snooze' ? new Date(now.getTime() + input.snoozeDays * day) : null,
      });
    },

    async getSettings(auth: Auth): Promise<RelationshipSettings> {
      requireRole(auth, 'viewer');
      return settingsOf(auth.workspaceId);
    },

    async updateSettings(auth: Auth, patch: z.output<typeof RelationshipSettingsPatch>): Promise<RelationshipSettings> {
      requireRole(auth, 'owner');
      const merged = { ...(await settingsOf(auth.workspaceId)), ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as RelationshipSettings;
      await repo.saveSettings(auth.workspaceId, merged);
      return merged;
    },

    async plan(auth: Auth, input: z.output<typeof PlanInput>): Promise<Plan> {
      requireRole(auth, 'editor');
      await people.get(auth, input.personId);
      const row = await repo.insertPlan({
        workspaceId: auth.workspaceId, personId: input.personId, kind: input.kind, startsAt: input.startsAt,
        durationMinutes: input.durationMinutes, place: input.place ?? null, note: input.note ?? null, createdBy: auth.userId,
      });
      if (input.nudgeKey) {
        const personOfNudge = input.nudgeKey.split(':')[1];
        if (personOfNudge === input.personId) {
          await repo.setState({ workspaceId: auth.workspaceId, key: input.nudgeKey, personId: input.personId, state: 'snoozed', until: new Date(input.startsAt.getTime() + day) });
        }
      }
      return planView(auth, row);
    },

    async listPlans(auth: Auth, range: { from?: Date; to?: Date; personId?: string }): Promise<Plan[]> {
      requireRole(auth, 'viewer');
      const now = clock.now();
      const rows = await repo.listPlans(auth.workspaceId, range.from ?? new Date(now.getTime() - 30 * day), range.to ?? new Date(now.getTime() + 365 * day), range.personId);
      return rows.map(planWithName);
    },

    // Done: the plan becomes a logged interaction, and the ladder moves.
    async completePlan(auth: Auth, id: string, input: z.output<typeof PlanDone>): Promise<Plan> {
      requireRole(auth, 'editor');
      const plan = await repo.getPlan(auth.workspaceId, id);
      if (!plan) throw new AppError('NOT_FOUND', 'No such plan.');
      if (plan.status !== 'planned') throw new AppError('PLAN_CLOSED', `This plan is already ${plan.status}.`);
      const interaction = await people.addInteraction(auth, plan.personId, {
        // Marked done before its time, it happened now, not in the future.
        ...planInteraction[plan.kind], direction: 'out', occurredAt: input.occurredAt ?? new Date(Math.min(plan.startsAt.getTime(), clock.now().getTime())),
        durationMinutes: input.durationMinutes ?? plan.durationMinutes, note: input.note ?? plan.note,
      });
      return planView(auth, (await repo.updatePlan(auth.workspaceId, id, { status: 'done', interactionId: interaction.id }))!);
    },

    async cancelPlan(auth: Auth, id: string): Promise<Plan> {
      requireRole(auth, 'editor');
      const plan = await repo.getPlan(auth.workspaceId, id);
      if (!plan) throw new AppError('NOT_FOUND', 'No such plan.');
      if (plan.status !== 'planned') throw new AppError('PLAN_CLOSED', `This plan is already ${plan.status}.`);
      return planView(auth, (await repo.updatePlan(auth.workspaceId, id, { status: 'cancelled' }))!);
    },

    calendarFeedUrl(auth: Auth): { url: string } {
      requireRole(auth, 'viewer');
      return { url: `${publicUrl}/feeds/plans/${feedToken(auth)}.ics` };
    },

    // The private feed authenticates by its token alone; it shows that member's workspace's plans.
    async plansForFeed(token: string): Promise<{ workspaceName: string; timezone: string; plans: Plan[] }> {
      const [workspaceId, userId] = token.split('.');
      if (!workspaceId || !userId || !safeEqual(feedToken({ workspaceId, userId }), token)) throw new AppError('NOT_FOUND');
      const auth: Auth = { workspaceId, userId, role: 'viewer', via: 'token' };
      const workspace = await workspaces.get(auth);
      const now = clock.now();
      const rows = await repo.listPlans(workspaceId, new Date(now.getTime() - 90 * day), new Date(now.getTime() + 365 * day));
      return { workspaceName: workspace.name, timezone: workspace.timezone, plans: rows.map(planWithName) };
    },
  };
}

export type NudgesService = ReturnType<typeof createNudgesService>;

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

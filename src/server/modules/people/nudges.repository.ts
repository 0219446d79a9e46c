import { and, asc, eq, getTableColumns, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/index.ts';
import { nudgeStates, plans, relationshipSettings } from './nudges.table.ts';
import { people } from './people.table.ts';
import type { NudgeRule, RelationshipSettings } from './nudges.rules.ts';

type Conn = Db | Tx;
export type PlanRow = typeof plans.$inferSelect;

export type NudgeCandidate = {
  rule: NudgeRule;
  key: string;
  personId: string;
  name: string;
  count?: number;
  since?: Date;
  until?: Date;
  cadenceDays?: number;
  introducedName?: string;
  eventTitle?: string;
  places?: number;
};

const epochMs = (column: SQL) => sql`((extract(epoch from ${column}) * 1000)::bigint)::text`;

// The candidates of each rule, read from the touch facts kept on people. A candidate whose key
// was dismissed, done, or snoozed until later is left out.
export function createNudgesRepository(db: Db) {
  async function candidates(rule: NudgeRule, workspaceId: string, now: Date, limit: number, key: SQL, select: SQL, where: SQL, order: SQL, from = sql`people p`): Promise<NudgeCandidate[]> {
    const result = await db.execute(sql`
      select ${key} as key, p.id as "personId", p.name as name, ${select}
      from ${from}
      where p.workspace_id = ${workspaceId} and ${where}
        and not exists (select 1 from nudge_states s where s.workspace_id = ${workspaceId} and s.key = ${key}
                        and (s.state <> 'snoozed' or s.until > ${now}))
      order by ${order} limit ${limit}`);
    return (result as unknown as { rows: Record<string, unknown>[] }).rows.map((row) => ({
      rule, key: String(row.key), personId: String(row.personId), name: String(row.name),
      count: row.count === undefined ? undefined : Number(row.count),
      since: row.since ? new Date(row.since as string) : undefined,
      until: row.until ? new Date(row.until as string) : undefined,
      cadenceDays: row.cadence === undefined ? undefined : Number(row.cadence),
      introducedName: row.introduced === undefined ? undefined : String(row.introduced),
    }));
  }

  return {
    async settings(workspaceId: string): Promise<RelationshipSettings | undefined> {
      const [row] = await db.select().from(relationshipSettings).where(eq(relationshipSettings.workspaceId, workspaceId));
      if (!row) return undefined;
      const { workspaceId: _w, ...settings } = row;
      return settings;
    },
    async saveSettings(workspaceId: string, settings: RelationshipSettings): Promise<void> {
      await db.insert(relationshipSettings).values({ workspaceId, ...settings })
        .onConflictDoUpdate({ target: relationshipSettings.workspaceId, set: settings });
    },

    call: (workspaceId: string, s: RelationshipSettings, now: Date, limit: number) => candidates('call', workspaceId, now, limit,
      sql`'call:' || p.id`,
      sql`p.online_exchanges as count, p.first_exchange_at as since, p.last_exchange_at as until`,
      // online_exchanges > 0 (implied by the setting's minimum of 1) lets the planner use the partial index.
      sql`p.ladder_step < 3 and p.online_exchanges > 0 and p.online_exchanges >= ${s.callMinExchanges}
          and p.last_exchange_at - p.first_exchange_at >= make_interval(days => ${s.callMinDays})`,
      sql`p.online_exchanges desc, p.id`),

    reply: (workspaceId: string, s: RelationshipSettings, now: Date, limit: number) => candidates('reply', workspaceId, now, limit,
      sql`'reply:' || p.id || ':' || ${epochMs(sql`p.last_inbound_at`)}`,
      sql`p.last_inbound_at as since`,
      sql`p.last_inbound_at is not null and (p.last_outbound_at is null or p.last_outbound_at < p.last_inbound_at)
          and p.last_inbound_at <= ${now}::timestamptz - make_interval(hours => ${s.replyAfterHours})
          and p.last_inbound_at >= ${now}::timestamptz - make_interval(days => ${s.replyWithinDays})`,
      sql`p.last_inbound_at asc, p.id`),

    followUp: (workspaceId: string, s: RelationshipSettings, now: Date, limit: number) => candidates('follow_up', workspaceId, now, limit,
      sql`'follow_up:' || p.id || ':' || ${epochMs(sql`p.last_event_at`)}`,
      sql`p.last_event_at as since`,
      sql`p.last_event_at >= ${now}::timestamptz - make_interval(days => ${s.followUpDays}) and p.last_event_at <= ${now}
          and p.last_interaction_at = p.last_event_at`,
      sql`p.last_event_at desc, p.id`),

    // Due counts from the latest interaction's own date; a person's cadence wins over their tags'.
    // The due date is kept on people (reconnect_due_at, migration 0014_reconnect_due), so this reads
    // an index range; the cadence is worked out only for the people shown.
    reconnect: (workspaceId: string, s: RelationshipSettings, now: Date, limit: number) => {
      const tagCadence = sql`(select min(c.value::int) from jsonb_each_text(${JSON.stringify(s.tagCadences)}::jsonb) c where c.key = any(p.tags))`;
      return candidates('reconnect', workspaceId, now, limit,
        sql`'reconnect:' || p.id || ':' || ${epochMs(sql`p.reconnect_due_at`)}`,
        sql`coalesce(p.last_interaction_at, p.created_at) as since, coalesce(p.cadence_days, ${tagCadence}) as cadence`,
        sql`p.reconnect_due_at <= ${now}`,
        sql`p.reconnect_due_at asc, p.id`);
    },

    // Conversing or talked, never at a meetup, and not known to live elsewhere (no timezone, or the
    // workspace's): the next meetup with places is the occasion, so each meetup is a new nudge.
    invite: (workspaceId: string, now: Date, limit: number, occasion: { occurrenceId: string; timezone: string }) => candidates('invite', workspaceId, now, limit,
      sql`'invite:' || p.id || ':' || ${occasion.occurrenceId}`,
      sql`p.last_exchange_at as since`,
      sql`p.ladder_step in (2, 3) and p.last_event_at is null and (p.timezone is null or p.timezone = ${occasion.timezone})
          and not exists (select 1 from interactions r where r.workspace_id = p.workspace_id and r.person_id = p.id
                          and r.kind = 'event_registered' and r.occurred_at > ${now}::timestamptz - interval '60 days')`,
      sql`p.last_interaction_at desc nulls last, p.id`),

    // They introduced someone and nothing went back to them since.
    thank: (workspaceId: string, _s: RelationshipSettings, now: Date, limit: number) => candidates('thank', workspaceId, now, limit,
      sql`'thank:' || p.id || ':' || i.id`,
      sql`i.name as introduced, i.created_at as since`,
      sql`i.workspace_id = ${workspaceId} and i.introduced_by_id is not null and (p.last_outbound_at is null or p.last_outbound_at < i.created_at)`,
      sql`i.created_at desc, p.id`,
      sql`people i join people p on p.workspace_id = i.workspace_id and p.id = i.introduced_by_id`),

    async setState(values: typeof nudgeStates.$inferInsert, tx: Conn = db): Promise<void> {
      await tx.insert(nudgeStates).values(values)
        .onConflictDoUpdate({ target: [nudgeStates.workspaceId, nudgeStates.key], set: { state: values.state, until: values.until ?? null } });
    },

    async insertPlan(values: typeof plans.$inferInsert): Promise<PlanRow> {
      const [row] = await db.insert(plans).values(values).returning();
      return row!;
    },
    async getPlan(workspaceId: string, id: string, tx: Conn = db): Promise<PlanRow | undefined> {
      const [row] = await tx.select().from(plans).where(and(eq(plans.workspaceId, workspaceId), eq(plans.id, id)));
      return row;
    },
    async updatePlan(workspaceId: string, id: string, values: Partial<typeof plans.$inferInsert>, tx: Conn = db): Promise<PlanRow | undefined> {
      const [row] = await tx.update(plans).set(values).where(and(eq(plans.workspaceId, workspaceId), eq(plans.id, id))).returning();
      return row;
    },
    // With each person's name, which every view of a plan shows.
    listPlans(workspaceId: string, from: Date, to: Date, personId?: string): Promise<(PlanRow & { personName: string })[]> {
      return db.select({ ...getTableColumns(plans), personName: people.name }).from(plans)
        .innerJoin(people, and(eq(people.workspaceId, plans.workspaceId), eq(people.id, plans.personId)))
        .where(and(eq(plans.workspaceId, workspaceId), eq(plans.status, 'planned'), gte(plans.startsAt, from), lt(plans.startsAt, to), personId ? eq(plans.personId, personId) : undefined))
        .orderBy(asc(plans.startsAt));
    },
    // In-person plans running now put Today into meeting mode.
    async runningMeetings(workspaceId: string, now: Date): Promise<PlanRow[]> {
      return db.select().from(plans).where(and(
        eq(plans.workspaceId, workspaceId), eq(plans.status, 'planned'), sql`${plans.kind} in ('meeting', 'coffee')`,
        lte(plans.startsAt, now), sql`${plans.startsAt} + make_interval(mins => ${plans.durationMinutes}) > ${now}`,
      ));
    },
  };
}

export type NudgesRepository = ReturnType<typeof createNudgesRepository>;

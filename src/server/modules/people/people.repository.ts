import { and, asc, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/index.ts';
import { offlineChannels, touchClasses, type TouchFacts } from './ladder.ts';
import { blockingKeys } from './duplicates.ts';
import { duplicateDismissals, interactions, people, personKeys } from './people.table.ts';

export type PersonRow = typeof people.$inferSelect;
export type PersonValues = Omit<typeof people.$inferInsert, 'workspaceId' | 'id' | 'sortName' | 'searchText' | 'dedupeBlocks'>;
export type InteractionRow = typeof interactions.$inferSelect;
export type PersonTouches = TouchFacts & {
  personId: string;
  count: number;
  firstAt: Date | null;
  lastAt: Date | null;
  lastInboundAt: Date | null;
  lastOutboundAt: Date | null;
  exchanges: number;
  firstExchangeAt: Date | null;
  lastExchangeAt: Date | null;
  lastEventAt: Date | null;
};
export type TouchSummary = { personId: string; ladderStep: number; count: number; firstAt: Date | null; lastAt: Date | null; lastInboundAt: Date | null; lastOutboundAt: Date | null; exchanges: number; firstExchangeAt: Date | null; lastExchangeAt: Date | null; lastEventAt: Date | null };
type Conn = Db | Tx;

export function createPeopleRepository(db: Db) {
  return {
    // Keyset pages in name order. A search of 3+ characters first finds the matches through the
    // trigram index and then sorts them (the fence keeps the planner from walking the name index
    // and filtering, which reads most of the table for a term whose matches sort late).
    async list(workspaceId: string, query: { q?: string; tag?: string; step?: number; after?: [string, string] | null; limit: number }): Promise<PersonRow[]> {
      const filters: SQL[] = [eq(people.workspaceId, workspaceId)];
      if (query.q) filters.push(sql`${people.searchText} like ${'%' + escapeLike(query.q.toLowerCase()) + '%'}`);
      if (query.tag) filters.push(sql`${people.tags} @> array[${query.tag}]::text[]`);
      if (query.step !== undefined) filters.push(eq(people.ladderStep, query.step));
      const after = query.after ? sql`(${people.sortName}, ${people.id}) > (${query.after[0]}, ${query.after[1]}::uuid)` : undefined;
      if (!query.q || query.q.length < 3) {
        return db.select().from(people).where(and(...filters, after)).orderBy(asc(people.sortName), asc(people.id)).limit(query.limit);
      }
      const page = sql`select m.id from (select ${people.id} as id, ${people.sortName} as sort_name from ${people} where ${and(...filters)} offset 0) m
        where ${query.after ? sql`(m.sort_name, m.id) > (${query.after[0]}, ${query.after[1]}::uuid)` : sql`true`}
        order by m.sort_name, m.id limit ${query.limit}`;
      return db.select().from(people).where(and(eq(people.workspaceId, workspaceId), sql`${people.id} in (${page})`)).orderBy(asc(people.sortName), asc(people.id));
    },
    async tags(workspaceId: string): Promise<{ tag: string; count: number }[]> {
      const result = await db.execute(sql`select t.tag, count(*)::int as count from ${people}, unnest(${people.tags}) as t(tag)
        where ${people.workspaceId} = ${workspaceId} group by t.tag order by count desc, t.tag limit 500`);
      return (result as unknown as { rows: { tag: string; count: number }[] }).rows.map((r) => ({ tag: r.tag, count: Number(r.count) }));
    },
    async idsAfter(workspaceId: string, after: string | undefined, limit: number): Promise<string[]> {
      const rows = await db.select({ id: people.id }).from(people)
        .where(and(eq(people.workspaceId, workspaceId), after ? sql`${people.id} > ${after}::uuid` : undefined)).orderBy(asc(people.id)).limit(limit);
      return rows.map((r) => r.id);
    },
    // Pairs that share a blocking key, leaving out blocks too common to mean anything and pairs dismissed.
    async candidatePairs(workspaceId: string, limit: number): Promise<[string, string][]> {
      const result = await db.execute(sql`
        with k as (select id, unnest(dedupe_blocks) as block from people where workspace_id = ${workspaceId}),
        usable as (select block from k group by block having count(*) between 2 and 50)
        select distinct a.id as a, b.id as b from k a join k b on a.block = b.block and a.id < b.id
        where a.block in (select block from usable)
          and not exists (select 1 from duplicate_dismissals d where d.workspace_id = ${workspaceId} and d.person_a = a.id and d.person_b = b.id)
        limit ${limit}`);
      return (result as unknown as { rows: { a: string; b: string }[] }).rows.map((r) => [r.a, r.b]);
    },
    async dismissPair(workspaceId: string, a: string, b: string): Promise<void> {
      const [first, second] = a < b ? [a, b] : [b, a];
      await db.insert(duplicateDismissals).values({ workspaceId, personA: first, personB: second }).onConflictDoNothing();
    },
    // Who introduced whom around one person: the chain above them and everyone below, a few levels deep.
    async introductions(workspaceId: string, personId: string, depth: number): Promise<{ up: { id: string; name: string; level: number }[]; down: { id: string; name: string; parentId: string; level: number }[] }> {
      const up = await db.execute(sql`
        with recursive chain(id, name, introduced_by_id, level) as (
          select p.id, p.name, p.introduced_by_id, 0 from people p where p.workspace_id = ${workspaceId} and p.id = ${personId}
          union all
          select p.id, p.name, p.introduced_by_id, c.level + 1 from people p join chain c on p.workspace_id = ${workspaceId} and p.id = c.introduced_by_id
          where c.level < ${depth}
        ) select id, name, level from chain where level > 0 order by level`);
      const down = await db.execute(sql`
        with recursive tree(id, name, parent_id, level) as (
          select p.id, p.name, p.introduced_by_id, 1 from people p where p.workspace_id = ${workspaceId} and p.introduced_by_id = ${personId}
          union all
          select p.id, p.name, p.introduced_by_id, t.level + 1 from people p join tree t on p.workspace_id = ${workspaceId} and p.introduced_by_id = t.id
          where t.level < ${depth}
        ) select id, name, parent_id as "parentId", level from tree order by level, name limit 500`);
      type Rows<T> = { rows: T[] };
      return {
        up: (up as unknown as Rows<{ id: string; name: string; level: number }>).rows.map((r) => ({ ...r, level: Number(r.level) })),
        down: (down as unknown as Rows<{ id: string; name: string; parentId: string; level: number }>).rows.map((r) => ({ ...r, level: Number(r.level) })),
      };
    },
    async getMany(workspaceId: string, ids: string[], tx: Conn = db): Promise<PersonRow[]> {
      const rows: PersonRow[] = [];
      for (let i = 0; i < ids.length; i += 5000) {
        rows.push(...await tx.select().from(people).where(and(eq(people.workspaceId, workspaceId), sql`${people.id} = any(${sql.param(ids.slice(i, i + 5000))}::uuid[])`)));
      }
      return rows;
    },
    async get(workspaceId: string, id: string, tx: Conn = db): Promise<PersonRow | undefined> {
      const [row] = await tx.select().from(people).where(and(eq(people.workspaceId, workspaceId), eq(people.id, id)));
      return row;
    },
    async insert(workspaceId: string, values: PersonValues, tx: Conn = db): Promise<PersonRow> {
      const [row] = await tx.insert(people).values({ ...values, ...derived(values), workspaceId }).returning();
      return row!;
    },
    async update(workspaceId: string, id: string, values: PersonValues, now: Date, tx: Conn = db): Promise<PersonRow | undefined> {
      const [row] = await tx.update(people).set({ ...values, ...derived(values), updatedAt: now })
        .where(and(eq(people.workspaceId, workspaceId), eq(people.id, id))).returning();
      return row;
    },
    // A merge: interactions, plans, nudge states, introductions and keys of one person go to another.
    async moveEverything(workspaceId: string, fromId: string, toId: string, tx: Conn): Promise<void> {
      await tx.execute(sql`update interactions set person_id = ${toId} where workspace_id = ${workspaceId} and person_id = ${fromId}`);
      await tx.execute(sql`update plans set person_id = ${toId} where workspace_id = ${workspaceId} and person_id = ${fromId}`);
      await tx.execute(sql`update nudge_states set person_id = ${toId} where workspace_id = ${workspaceId} and person_id = ${fromId}`);
      await tx.execute(sql`update people set introduced_by_id = case when id = ${toId} then null else ${toId}::uuid end
        where workspace_id = ${workspaceId} and introduced_by_id = ${fromId}`);
      await tx.execute(sql`update person_keys set person_id = ${toId} where workspace_id = ${workspaceId} and person_id = ${fromId}`);
    },
    async remove(workspaceId: string, id: string, tx: Conn): Promise<boolean> {
      // Those they introduced stay; only the link goes.
      await tx.update(people).set({ introducedById: null }).where(and(eq(people.workspaceId, workspaceId), eq(people.introducedById, id)));
      const rows = await tx.delete(people).where(and(eq(people.workspaceId, workspaceId), eq(people.id, id))).returning({ id: people.id });
      return rows.length > 0;
    },

    listInteractions(workspaceId: string, personId: string, after: [string, string] | null, limit: number): Promise<InteractionRow[]> {
      const where: (SQL | undefined)[] = [eq(interactions.workspaceId, workspaceId), eq(interactions.personId, personId)];
      if (after) {
        const at = new Date(after[0]);
        where.push(or(lt(interactions.occurredAt, at), and(eq(interactions.occurredAt, at), lt(interactions.id, after[1]))));
      }
      return db.select().from(interactions).where(and(...where)).orderBy(desc(interactions.occurredAt), desc(interactions.id)).limit(limit);
    },
    // Facts about each person's interactions, for the ladder and the nudges; people without any get empty facts.
    async touchFacts(workspaceId: string, personIds: string[], tx: Conn = db): Promise<PersonTouches[]> {
      const c = touchClasses;
      const list = (kinds: readonly string[]) => sql`array[${sql.join(kinds.map((k) => sql`${k}`), sql`, `)}]::text[]`;
      const offline = list(offlineChannels);
      const result = await tx.execute(sql`
        select ids.person_id as "personId",
          coalesce(bool_or(i.kind = any(${list(c.meeting)}) or i.channel = 'in_person'), false) as met,
          coalesce(bool_or(i.kind = any(${list(c.call)})), false) as called,
          coalesce(bool_or(i.kind = any(${list(c.private)}) and i.direction = 'in'), false) as "privateIn",
          coalesce(bool_or(i.kind = any(${list(c.private)}) and i.direction = 'out'), false) as "privateOut",
          coalesce(bool_or(i.kind = any(${list(c.public)}) and i.direction = 'in'), false) as "publicIn",
          coalesce(bool_or(i.kind = any(${list(c.public)}) and i.direction = 'out'), false) as "publicOut",
          count(i.id)::int as count,
          min(i.occurred_at) as "firstAt",
          max(i.occurred_at) as "lastAt",
          max(i.occurred_at) filter (where i.direction = 'in' and i.kind = any(${list(c.reachOut)})) as "lastInboundAt",
          max(i.occurred_at) filter (where i.direction = 'out' and i.kind <> all(array['like', 'follow']::text[])) as "lastOutboundAt",
          (count(i.id) filter (where i.kind = any(${list(c.exchange)}) and i.channel <> all(${offline})))::int as exchanges,
          min(i.occurred_at) filter (where i.kind = any(${list(c.exchange)}) and i.channel <> all(${offline})) as "firstExchangeAt",
          max(i.occurred_at) filter (where i.kind = any(${list(c.exchange)}) and i.channel <> all(${offline})) as "lastExchangeAt",
          max(i.occurred_at) filter (where i.kind = 'event_attended' or i.channel = 'event') as "lastEventAt"
        from unnest(${sql.param(personIds)}::uuid[]) as ids(person_id)
        left join interactions i on i.workspace_id = ${workspaceId} and i.person_id = ids.person_id
        group by ids.person_id`);
      return (result as unknown as { rows: Record<string, unknown>[] }).rows.map((row) => ({
        ...(row as unknown as PersonTouches),
        count: Number(row.count), exchanges: Number(row.exchanges),
        firstAt: toDate(row.firstAt), lastAt: toDate(row.lastAt), lastInboundAt: toDate(row.lastInboundAt), lastOutboundAt: toDate(row.lastOutboundAt),
        firstExchangeAt: toDate(row.firstExchangeAt), lastExchangeAt: toDate(row.lastExchangeAt), lastEventAt: toDate(row.lastEventAt),
      }));
    },
    async saveTouchSummaries(workspaceId: string, summaries: TouchSummary[], tx: Conn = db): Promise<void> {
      // One statement per chunk: an import refreshes thousands of people at once.
      for (let i = 0; i < summaries.length; i += 5000) {
        const chunk = summaries.slice(i, i + 5000);
        const column = <T>(pick: (s: TouchSummary) => T, type: string) => sql`${sql.param(chunk.map(pick))}::${sql.raw(type)}[]`;
        const at = (pick: (s: TouchSummary) => Date | null) => column((s) => pick(s)?.toISOString() ?? null, 'timestamptz');
        await tx.execute(sql`
          update people p set ladder_step = v.step, interaction_count = v.count, first_interaction_at = v.first_at, last_interaction_at = v.last_at,
            last_inbound_at = v.last_in, last_outbound_at = v.last_out, online_exchanges = v.exchanges,
            first_exchange_at = v.first_ex, last_exchange_at = v.last_ex, last_event_at = v.last_event
          from unnest(${column((s) => s.personId, 'uuid')}, ${column((s) => s.ladderStep, 'int')}, ${column((s) => s.count, 'int')},
                      ${at((s) => s.firstAt)}, ${at((s) => s.lastAt)}, ${at((s) => s.lastInboundAt)}, ${at((s) => s.lastOutboundAt)},
                      ${column((s) => s.exchanges, 'int')}, ${at((s) => s.firstExchangeAt)}, ${at((s) => s.lastExchangeAt)}, ${at((s) => s.lastEventAt)})
            as v(id, step, count, first_at, last_at, last_in, last_out, exchanges, first_ex, last_ex, last_event)
          where p.workspace_id = ${workspaceId} and p.id = v.id`);
      }
    },
    // A referrer is someone who introduced at least one person.
    async refreshReferrers(workspaceId: string, personIds: string[], tx: Conn = db): Promise<void> {
      if (!personIds.length) return;
      await tx.execute(sql`
        update people p set is_referrer = exists (select 1 from people i where i.workspace_id = p.workspace_id and i.introduced_by_id = p.id)
        where p.workspace_id = ${workspaceId} and p.id = any(${sql`array[${sql.join(personIds.map((id) => sql`${id}`), sql`, `)}]::uuid[]`})`);
    },

    // Which of these identity keys belong to someone already, and to whom.
    async findKeys(workspaceId: string, keys: string[], tx: Conn = db): Promise<Map<string, string>> {
      const found = new Map<string, string>();
      for (let i = 0; i < keys.length; i += 10_000) {
        const rows = await tx.select({ key: personKeys.key, personId: personKeys.personId }).from(personKeys)
          .where(and(eq(personKeys.workspaceId, workspaceId), sql`${personKeys.key} = any(${sql.param(keys.slice(i, i + 10_000))}::text[])`));
        for (const row of rows) found.set(row.key, row.personId);
      }
      return found;
    },
    async keysOf(workspaceId: string, personId: string, tx: Conn = db): Promise<string[]> {
      const rows = await tx.select({ key: personKeys.key }).from(personKeys).where(and(eq(personKeys.workspaceId, workspaceId), eq(personKeys.personId, personId)));
      return rows.map((r) => r.key);
    },
    async insertKeys(workspaceId: string, rows: { key: string; personId: string }[], tx: Conn = db): Promise<void> {
      for (let i = 0; i < rows.length; i += 5000) {
        await tx.insert(personKeys).values(rows.slice(i, i + 5000).map((r) => ({ workspaceId, ...r }))).onConflictDoNothing();
      }
    },
    async removeKeys(workspaceId: string, personId: string, keys: string[], tx: Conn = db): Promise<void> {
      if (!keys.length) return;
      await tx.delete(personKeys).where(and(eq(personKeys.workspaceId, workspaceId), eq(personKeys.personId, personId), sql`${personKeys.key} = any(${sql.param(keys)}::text[])`));
    },
    // Chunks stay under the 32,767 parameters a PostgreSQL bind message can carry (about 35 columns a row).
    async insertMany(workspaceId: string, values: (PersonValues & { id: string })[], tx: Conn): Promise<void> {
      for (let i = 0; i < values.length; i += 500) {
        await tx.insert(people).values(values.slice(i, i + 500).map((v) => ({ ...v, ...derived(v), workspaceId })));
      }
    },
    // Imported interactions: one per external id, so importing a file twice adds nothing.
    async insertInteractions(values: (typeof interactions.$inferInsert)[], tx: Conn): Promise<{ personId: string }[]> {
      const added: { personId: string }[] = [];
      for (let i = 0; i < values.length; i += 2000) {
        added.push(...await tx.insert(interactions).values(values.slice(i, i + 2000))
          .onConflictDoNothing({ target: [interactions.workspaceId, interactions.externalId], where: sql`external_id is not null` })
          .returning({ personId: interactions.personId }));
      }
      return added;
    },

    async insertInteraction(values: typeof interactions.$inferInsert, tx: Conn = db): Promise<InteractionRow> {
      const [row] = await tx.insert(interactions).values(values).returning();
      return row!;
    },
    async getInteraction(workspaceId: string, personId: string, id: string, tx: Conn = db): Promise<InteractionRow | undefined> {
      const [row] = await tx.select().from(interactions).where(and(eq(interactions.workspaceId, workspaceId), eq(interactions.personId, personId), eq(interactions.id, id)));
      return row;
    },
    async updateInteraction(workspaceId: string, personId: string, id: string, values: Partial<typeof interactions.$inferInsert>, tx: Conn = db): Promise<InteractionRow | undefined> {
      const [row] = await tx.update(interactions).set(values)
        .where(and(eq(interactions.workspaceId, workspaceId), eq(interactions.personId, personId), eq(interactions.id, id))).returning();
      return row;
    },
    async removeInteraction(workspaceId: string, personId: string, id: string, tx: Conn = db): Promise<boolean> {
      const rows = await tx.delete(interactions)
        .where(and(eq(interactions.workspaceId, workspaceId), eq(interactions.personId, personId), eq(interactions.id, id)))
        .returning({ id: interactions.id });
      return rows.length > 0;
    },
  };
}

export type PeopleRepository = ReturnType<typeof createPeopleRepository>;

function derived(values: PersonValues) {
  const phones = values.phones ?? [];
  const parts = [
    values.name, values.givenName, values.familyName, values.organisation,
    ...(values.emails ?? []), ...phones, ...phones.map((p) => p.replace(/\D/g, '')),
    ...(values.handles ?? []).map((h) => h.handle),
  ];
  return {
    sortName: values.name.toLowerCase(),
    searchText: parts.filter(Boolean).join(' ').toLowerCase(),
    dedupeBlocks: blockingKeys(values),
  };
}

function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(String(value));
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => '\\' + c);
}

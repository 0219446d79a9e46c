import { and, asc, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/index.ts';
import { copyRows, copyToTemp } from '../../db/copy.ts';
import { columnList, recordSet } from '../../db/records.ts';
import { ladderIndex, ladderRules, offlineChannels, touchClasses, type LadderStep, type TouchFacts } from './ladder.ts';
import { blockingKeys } from './duplicates.ts';
import type { MergeableValues } from './merge.ts';
import { duplicateDismissals, interactions, people, personKeys } from './people.table.ts';

export type PersonRow = typeof people.$inferSelect;
export type PersonValues = Omit<typeof people.$inferInsert, 'workspaceId' | 'id' | 'sortName' | 'searchText' | 'dedupeBlocks'>;
export type InteractionRow = typeof interactions.$inferSelect;
type Conn = Db | Tx;

export function createPeopleRepository(db: Db) {
  return {
    // Keyset pages in name order. A search of 3+ characters first finds the matches through the
    // trigram index and then sorts them (the fence keeps the planner from walking the name index
    // and filtering, which reads most of the table for a term whose matches sort late).
    async list(workspaceId: string, query: { q?: string; tag?: string; step?: number; after?: [string, string] | null; limit: number }): Promise<PersonRow[]> {
      const filters: SQL[] = [eq(people.workspaceId, workspaceId)];
      if (query.q) filters.push(sql`${people.searchText} like ${'%' + escapeLike(query.q.toLowerCase()) + '%'}`);
      if (query.tag) filters.push(sql`${people.tags} @> array[${query.tag}]::text[] and cardinality(${people.tags}) > 0`);
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
    // Only the values a person is written with (what an import merges into), not the derived columns.
    async valuesOf(workspaceId: string, ids: string[], tx: Conn = db): Promise<(MergeableValues & { id: string })[]> {
      const p = people;
      const columns = {
        id: p.id, name: p.name, givenName: p.givenName, familyName: p.familyName, emails: p.emails, phones: p.phones, handles: p.handles,
        organisation: p.organisation, tags: p.tags, notes: p.notes, source: p.source, introducedById: p.introducedById,
        timezone: p.timezone, locale: p.locale, cadenceDays: p.cadenceDays, isClient: p.isClient, isFriend: p.isFriend,
      };
      const rows: (MergeableValues & { id: string })[] = [];
      for (let i = 0; i < ids.length; i += 5000) {
        rows.push(...await tx.select(columns).from(people).where(and(eq(people.workspaceId, workspaceId), sql`${people.id} = any(${sql.param(ids.slice(i, i + 5000))}::uuid[])`)));
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
    // The ladder step and touch facts of these people (null: everyone in the workspace), derived
    // from their interactions in one statement; people without any get empty facts. Rows whose
    // facts did not change are not written. Returns how many people were looked at and changed.
    async refreshTouches(workspaceId: string, personIds: string[] | null, tx: Conn = db): Promise<{ people: number; changed: number }> {
      if (personIds && !personIds.length) return { people: 0, changed: 0 };
      const ids = personIds ? sql.param(personIds) : null;
      const source = sql`interactions i where i.workspace_id = ${workspaceId} ${ids ? sql`and i.person_id = any(${ids}::uuid[])` : sql``}`;
      const result = await tx.execute(sql`
        with f as (${touchFacts(source)}),
        t as (
          select q.id, ${sql.join(touchColumns.map(([name, value]) => sql`${value} as ${sql.identifier(name)}`), sql`, `)}
          from people q left join f on f.person_id = q.id
          where q.workspace_id = ${workspaceId} ${ids ? sql`and q.id = any(${ids}::uuid[])` : sql``}
        ),
        changed as (
          update people p set ${sql.join(touchColumns.map(([name]) => sql`${sql.identifier(name)} = t.${sql.identifier(name)}`), sql`, `)}
          from t
          where p.workspace_id = ${workspaceId} and p.id = t.id
            and (${sql.join(touchColumns.map(([name]) => sql`p.${sql.identifier(name)}`), sql`, `)})
              is distinct from (${sql.join(touchColumns.map(([name]) => sql`t.${sql.identifier(name)}`), sql`, `)})
          returning 1
        )
        select (select count(*) from t)::int as people, (select count(*) from changed)::int as changed`);
      const row = (result as unknown as { rows: { people: number; changed: number }[] }).rows[0]!;
      return { people: Number(row.people), changed: Number(row.changed) };
    },
    // A referrer is someone who introduced at least one person.
    async refreshReferrers(workspaceId: string, personIds: string[], tx: Conn = db): Promise<void> {
      if (!personIds.length) return;
      await tx.execute(sql`
        update people p set is_referrer = exists (select 1 from people i where i.workspace_id = p.workspace_id and i.introduced_by_id = p.id)
        where p.workspace_id = ${workspaceId} and p.id = any(${sql`array[${sql.join(personIds.map((id) => sql`${id}`), sql`, `)}]::uuid[]`})`);
    },

    // ANALYZE the tables that grew by more than a fifth since their statistics were taken (or never
    // had any): the size the planner last saw is kept in pg_class, the size now is the file's. A
    // table whose statistics are current is left alone (ANALYZE of millions of interactions is not free).
    async analyzeIfGrown(tables: ('people' | 'person_keys' | 'interactions')[], tx: Conn): Promise<void> {
      const result = await tx.execute(sql`select c.relname as name from pg_class c
        where c.oid = any(${sql.param(tables)}::regclass[])
          and (c.reltuples < 0 or pg_relation_size(c.oid) > (c.relpages * 1.2 + 8) * current_setting('block_size')::int)`);
      const grown = (result as unknown as { rows: { name: string }[] }).rows.map((r) => r.name).filter((name) => (tables as string[]).includes(name));
      if (grown.length) await tx.execute(sql.raw(`analyze ${grown.join(', ')}`));
    },
    // Which of these identity keys belong to someone already, and to whom.
    async findKeys(workspaceId: string, keys: string[], tx: Conn = db): Promise<Map<string, string>> {
      // The keys go as one JSON text and come back as their positions: an import looks up hundreds of
      // thousands, and the driver's own array quoting and reading the keys back cost more than the lookups.
      const found = new Map<string, string>();
      for (let i = 0; i < keys.length; i += 10_000) {
        const chunk = keys.slice(i, i + 10_000);
        const result = await tx.execute(sql`select k.n::int as n, p.person_id from json_array_elements_text(${JSON.stringify(chunk)}::json) with ordinality as k(key, n)
          join ${personKeys} p on p.workspace_id = ${workspaceId} and p.key = k.key`);
        for (const row of (result as unknown as { rows: { n: number; person_id: string }[] }).rows) found.set(chunk[row.n - 1]!, row.person_id);
      }
      return found;
    },
    async keysOf(workspaceId: string, personId: string, tx: Conn = db): Promise<string[]> {
      const rows = await tx.select({ key: personKeys.key }).from(personKeys).where(and(eq(personKeys.workspaceId, workspaceId), eq(personKeys.personId, personId)));
      return rows.map((r) => r.key);
    },
    async insertKeys(workspaceId: string, rows: { key: string; personId: string }[], tx: Conn = db): Promise<void> {
      if (!rows.length) return;
      await tx.execute(sql`insert into person_keys (workspace_id, key, person_id)
        select ${workspaceId}, k->>0, (k->>1)::uuid from json_array_elements(${JSON.stringify(rows.map((r) => [r.key, r.personId]))}::json) as k
        on conflict do nothing`);
    },
    // Keys the caller has looked up under the exclusive people lock (an import), so nobody holds them
    // and none can appear meanwhile (every other writer of keys takes that lock shared): copied in,
    // without the speculative insert (and its extra WAL record) ON CONFLICT makes per row.
    async copyFreeKeys(workspaceId: string, rows: { key: string; personId: string }[], tx: Tx): Promise<void> {
      await copyRows(tx, personKeys, ['workspaceId', 'key', 'personId'], rows.values().map((row) => ({ ...row, workspaceId })));
    },
    async removeKeys(workspaceId: string, personId: string, keys: string[], tx: Conn = db): Promise<void> {
      if (!keys.length) return;
      await tx.delete(personKeys).where(and(eq(personKeys.workspaceId, workspaceId), eq(personKeys.personId, personId), sql`${personKeys.key} = any(${sql.param(keys)}::text[])`));
    },
    // New people, written with the touch facts of their interactions about to be inserted (a second
    // write of every new row would cost as much as the first). A form's few go as one JSON parameter
    // (see recordSet); an import's thousands are copied into temp tables first (see bulkRows).
    async insertMany(workspaceId: string, values: (PersonValues & { id: string })[], tx: Tx, incoming: IncomingTouch[] = []): Promise<void> {
      if (!values.length) return;
      const rows = values.values().map((v) => ({ ...v, ...derived(v) }));
      const keys = ['id', ...writtenKeys, 'createdAt', 'updatedAt'] as const;
      const column = <T>(pick: (t: IncomingTouch) => T, type: string) => sql`${sql.param(incoming.map(pick))}::${sql.raw(type)}[]`;
      const [source, touches] = values.length >= bulkRows
        ? [sql`${await copyToTemp(tx, people, keys, rows, 'people_incoming')} r`,
          sql`${await copyToTemp(tx, interactions, ['personId', 'channel', 'kind', 'direction', 'occurredAt'], incoming, 'touches_incoming')} i`]
        : [recordSet(people, keys, [...rows]), sql`unnest(${column((t) => t.personId, 'uuid')}, ${column((t) => t.channel, 'text')}, ${column((t) => t.kind, 'text')},
          ${column((t) => t.direction, 'text')}, ${column((t) => t.occurredAt.toISOString(), 'timestamptz')}) as i(person_id, channel, kind, direction, occurred_at)`];
      await tx.execute(sql`insert into people (workspace_id, ${columnList(people, keys)}, ${sql.join(touchColumns.map(([name]) => sql.identifier(name)), sql`, `)})
        select ${workspaceId}, ${columnList(people, keys, 'r')}, ${sql.join(touchColumns.map(([, value]) => value), sql`, `)}
        from ${source} left join (${touchFacts(touches)}) f on f.person_id = r.id`);
    },
    // Many people changed at once (an import's matches), as `update` writes one.
    async updateMany(workspaceId: string, values: (PersonValues & { id: string })[], now: Date, tx: Conn): Promise<void> {
      for (let i = 0; i < values.length; i += 10_000) {
        const rows = values.slice(i, i + 10_000).map((v) => ({ ...v, ...derived(v), updatedAt: now }));
        const keys = [...writtenKeys, 'updatedAt'] as const;
        const set = sql.join(keys.map((k) => sql`${sql.identifier(people[k].name)} = r.${sql.identifier(people[k].name)}`), sql`, `);
        await tx.execute(sql`update people p set ${set} from ${recordSet(people, ['id', ...keys], rows)} where p.workspace_id = ${workspaceId} and p.id = r.id`);
      }
    },
    // Imported interactions: one per external id, so importing a file twice adds nothing. A form's few
    // go as one JSON parameter of arrays (no key names to write and parse per row); an import's
    // thousands are copied into a temp table first (see bulkRows).
    async insertInteractions(workspaceId: string, values: Omit<typeof interactions.$inferInsert, 'workspaceId'>[], now: Date, tx: Tx): Promise<{ personId: string }[]> {
      if (!values.length) return [];
      const keys = ['personId', 'channel', 'kind', 'direction', 'occurredAt', 'durationMinutes', 'note', 'externalId', 'postId'] as const;
      const source = values.length >= bulkRows ? sql`${await copyToTemp(tx, interactions, keys, values, 'interactions_incoming')} v`
        : sql`(select (v->>0)::uuid, v->>1, v->>2, v->>3, (v->>4)::timestamptz, (v->>5)::int, v->>6, v->>7, (v->>8)::uuid
          from json_array_elements(${JSON.stringify(values.map((v) => keys.map((k) => v[k] ?? null)))}::json) as v) as v(${columnList(interactions, keys)})`;
      const result = await tx.execute(sql`
        insert into interactions (workspace_id, ${columnList(interactions, keys)}, created_at)
        select ${workspaceId}, ${columnList(interactions, keys, 'v')}, ${now} from ${source}
        on conflict (workspace_id, external_id) where external_id is not null do nothing
        returning person_id as "personId"`);
      return (result as unknown as { rows: { personId: string }[] }).rows;
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

// Touch facts per person from a source of interactions `i` (the table, or those about to be
// inserted): the ladder rules of ladder.ts and the facts the nudges read.
function touchFacts(source: SQL): SQL {
  const c = touchClasses;
  const list = (kinds: readonly string[]) => sql`array[${sql.join(kinds.map((k) => sql`${k}`), sql`, `)}]::text[]`;
  const exchange = sql`i.kind = any(${list(c.exchange)}) and i.channel <> all(${list(offlineChannels)})`;
  const facts: Record<keyof TouchFacts, SQL> = {
    met: sql`i.kind = any(${list(c.meeting)}) or i.channel = 'in_person'`,
    called: sql`i.kind = any(${list(c.call)})`,
    privateIn: sql`i.kind = any(${list(c.private)}) and i.direction = 'in'`,
    privateOut: sql`i.kind = any(${list(c.private)}) and i.direction = 'out'`,
    publicIn: sql`i.kind = any(${list(c.public)}) and i.direction = 'in'`,
    publicOut: sql`i.kind = any(${list(c.public)}) and i.direction = 'out'`,
  };
  // Each fact, and when it first held (the ladder's milestones are built from these).
  return sql`select i.person_id, ${sql.join(Object.entries(facts).map(([name, expr]) => sql`bool_or(${expr}) as ${sql.identifier(name)}, min(i.occurred_at) filter (where ${expr}) as ${sql.identifier(`${name}_at`)}`), sql`, `)},
      count(*)::int as count, min(i.occurred_at) as first_at, max(i.occurred_at) as last_at,
      (array_agg(i.channel order by i.occurred_at, i.channel))[1] as first_channel,
      max(i.occurred_at) filter (where i.direction = 'in' and i.kind = any(${list(c.reachOut)})) as last_in,
      max(i.occurred_at) filter (where i.direction = 'out' and i.kind <> all(array['like', 'follow']::text[])) as last_out,
      (count(*) filter (where ${exchange}))::int as exchanges,
      min(i.occurred_at) filter (where ${exchange}) as first_ex,
      max(i.occurred_at) filter (where ${exchange}) as last_ex,
      max(i.occurred_at) filter (where i.kind = 'event_attended' or (i.channel = 'event' and i.kind <> 'event_registered')) as last_event
    from ${source}
    group by i.person_id`;
}

// The people columns touch facts `f` (null for someone without interactions) are written to.
const ladderCase = sql`case ${sql.join(ladderRules.map((rule) => sql`when ${sql.join(rule.needs.map((fact) => sql`f.${sql.identifier(fact)}`), sql` and `)} then ${sql.raw(String(ladderIndex(rule.step)))}`), sql` `)} else 0 end`;
const touchColumns: [string, SQL][] = [
  ['ladder_step', sql`(${ladderCase})::smallint`],
  ['interaction_count', sql`coalesce(f.count, 0)`],
  ['first_interaction_at', sql`f.first_at`],
  ['first_touch_channel', sql`f.first_channel`],
  ['last_interaction_at', sql`f.last_at`],
  ['last_inbound_at', sql`f.last_in`],
  ['last_outbound_at', sql`f.last_out`],
  ['online_exchanges', sql`coalesce(f.exchanges, 0)`],
  ['first_exchange_at', sql`f.first_ex`],
  ['last_exchange_at', sql`f.last_ex`],
  ['last_event_at', sql`f.last_event`],
  ...milestoneColumns(),
  ['first_call_at', sql`f.${sql.identifier('called_at')}`],
];

// When each step was first reached: a rule holds from the moment its last fact first held, and a
// step is reached when the first rule at or above it holds (someone met before any message was
// engaged, conversing and talked from that meeting on).
function milestoneColumns(): [string, SQL][] {
  const ruleAt = (rule: (typeof ladderRules)[number]): SQL => {
    const times = rule.needs.map((fact) => sql`f.${sql.identifier(`${fact}_at`)}`);
    if (times.length === 1) return times[0]!;
    return sql`case when ${sql.join(times.map((t) => sql`${t} is not null`), sql` and `)} then greatest(${sql.join(times, sql`, `)}) end`;
  };
  const columns: Record<string, string> = { engaged: 'engaged_at', conversing: 'conversing_at', talked: 'talked_at', met: 'met_at' };
  return Object.entries(columns).map(([step, column]) => {
    const atOrAbove = ladderRules.filter((rule) => ladderIndex(rule.step) >= ladderIndex(step as LadderStep));
    return [column, atOrAbove.length === 1 ? ruleAt(atOrAbove[0]!) : sql`least(${sql.join(atOrAbove.map(ruleAt), sql`, `)})`];
  });
}

// An interaction about to be written for a person about to be created (see insertMany).
export type IncomingTouch = { personId: string; channel: string; kind: string; direction: string; occurredAt: Date };

// From this many rows on, a bulk write copies them into a temp table first (see copyToTemp): an import's
// thousands. Below it one JSON parameter (see recordSet) costs less than a temp table: a form's few.
const bulkRows = 1000;

// The columns a person's values are written to (besides id and the timestamps).
const writtenKeys = [
  'name', 'givenName', 'familyName', 'emails', 'phones', 'handles', 'organisation', 'tags', 'notes', 'source', 'introducedById',
  'timezone', 'locale', 'cadenceDays', 'isClient', 'isFriend', 'sortName', 'searchText', 'dedupeBlocks',
] as const satisfies readonly (keyof typeof people.$inferInsert)[];

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => '\\' + c);
}

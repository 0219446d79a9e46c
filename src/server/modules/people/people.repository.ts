import { and, asc, desc, eq, gt, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/index.ts';
import { interactions, people } from './people.table.ts';

export type PersonRow = typeof people.$inferSelect;
export type PersonValues = Omit<typeof people.$inferInsert, 'workspaceId' | 'id' | 'sortName' | 'searchText' | 'createdAt' | 'updatedAt'>;
export type InteractionRow = typeof interactions.$inferSelect;
type Conn = Db | Tx;

export function createPeopleRepository(db: Db) {
  return {
    async list(workspaceId: string, query: { q?: string; tag?: string; after?: [string, string] | null; limit: number }): Promise<PersonRow[]> {
      const where: (SQL | undefined)[] = [eq(people.workspaceId, workspaceId)];
      if (query.q) where.push(sql`${people.searchText} like ${'%' + escapeLike(query.q.toLowerCase()) + '%'}`);
      if (query.tag) where.push(sql`${people.tags} @> array[${query.tag}]::text[]`);
      if (query.after) {
        const [sortName, id] = query.after;
        where.push(or(gt(people.sortName, sortName), and(eq(people.sortName, sortName), gt(people.id, id))));
      }
      return db.select().from(people).where(and(...where)).orderBy(asc(people.sortName), asc(people.id)).limit(query.limit);
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
    async insertInteraction(values: typeof interactions.$inferInsert): Promise<InteractionRow> {
      const [row] = await db.insert(interactions).values(values).returning();
      return row!;
    },
    async removeInteraction(workspaceId: string, personId: string, id: string): Promise<boolean> {
      const rows = await db.delete(interactions)
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
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => '\\' + c);
}

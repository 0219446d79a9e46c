import { randomUUID } from 'node:crypto';
import { and, asc, eq, getTableColumns, gt, gte, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/index.ts';
import { columnList, recordSet } from '../../db/records.ts';
import { eventOccurrences, eventRegistrations, eventSeries } from './events.table.ts';

type Conn = Db | Tx;
export type SeriesRow = typeof eventSeries.$inferSelect;
export type OccurrenceRow = typeof eventOccurrences.$inferSelect;
export type RegistrationRow = typeof eventRegistrations.$inferSelect;
export type RegistrationStatus = RegistrationRow['status'];
export type NewRegistration = Omit<typeof eventRegistrations.$inferInsert, 'id' | 'arrival' | 'checkedInAt' | 'sequence'> & { status: RegistrationStatus; locale: 'en' | 'de'; personId: string | null };
// An occurrence with what its series adds; with the counts of its registrations where a page shows them.
export type OccurrenceDetails = OccurrenceRow & { timezone: string; description: string; isPublic: boolean };
export type OccurrenceWithCounts = OccurrenceDetails & { confirmed: number; waitlisted: number };

const o = eventOccurrences;
const r = eventRegistrations;
const s = eventSeries;
// Attended people hold their place as much as confirmed ones do.
export const holdingPlace: RegistrationStatus[] = ['confirmed', 'attended'];

const counted = {
  confirmed: sql<number>`(select count(*)::int from ${r} where ${r.workspaceId} = ${o.workspaceId} and ${r.occurrenceId} = ${o.id} and ${r.status} in ('confirmed', 'attended'))`,
  waitlisted: sql<number>`(select count(*)::int from ${r} where ${r.workspaceId} = ${o.workspaceId} and ${r.occurrenceId} = ${o.id} and ${r.status} = 'waitlisted')`,
};
const details = { ...getTableColumns(o), timezone: s.timezone, description: s.description, isPublic: s.isPublic };
const withCounts = { ...details, ...counted };
const seriesJoin = and(eq(s.workspaceId, o.workspaceId), eq(s.id, o.seriesId));

export function createEventsRepository(db: Db) {
  const selectOccurrences = (conn: Conn = db) => conn.select(withCounts).from(o).innerJoin(s, seriesJoin);

  return {
    async insertSeries(values: typeof eventSeries.$inferInsert, tx: Conn = db): Promise<SeriesRow> {
      const [row] = await tx.insert(s).values(values).returning();
      return row!;
    },
    async updateSeries(workspaceId: string, id: string, values: Partial<SeriesRow>, tx: Conn = db): Promise<SeriesRow | undefined> {
      const [row] = await tx.update(s).set(values).where(and(eq(s.workspaceId, workspaceId), eq(s.id, id))).returning();
      return row;
    },
    async series(workspaceId: string, id: string, tx: Conn = db): Promise<SeriesRow | undefined> {
      const [row] = await tx.select().from(s).where(and(eq(s.workspaceId, workspaceId), eq(s.id, id)));
      return row;
    },
    listSeries(workspaceId: string): Promise<SeriesRow[]> {
      return db.select().from(s).where(eq(s.workspaceId, workspaceId)).orderBy(asc(s.title), asc(s.id));
    },
    // Series whose occurrences must be made further ahead (every workspace: the job's query).
    seriesToMaterialise(until: Date): Promise<SeriesRow[]> {
      return db.select().from(s).where(and(sql`${s.rrule} is not null`, or(isNull(s.materialisedUntil), lt(s.materialisedUntil, until))));
    },
    async insertOccurrences(rows: (typeof eventOccurrences.$inferInsert)[], tx: Conn = db): Promise<number> {
      if (!rows.length) return 0;
      return (await tx.insert(o).values(rows).onConflictDoNothing().returning({ id: o.id })).length;
    },
    // Future occurrences a series edit may redo: not edited alone, nobody registered.
    async removeRedoable(workspaceId: string, seriesId: string, after: Date, tx: Tx): Promise<void> {
      await tx.delete(o).where(and(eq(o.workspaceId, workspaceId), eq(o.seriesId, seriesId), gt(o.startsAt, after), eq(o.detached, false),
        sql`not exists (select 1 from ${r} where ${r.workspaceId} = ${o.workspaceId} and ${r.occurrenceId} = ${o.id})`));
    },
    async updateFutureOccurrences(workspaceId: string, seriesId: string, after: Date, values: Partial<OccurrenceRow>, tx: Tx): Promise<void> {
      await tx.update(o).set(values).where(and(eq(o.workspaceId, workspaceId), eq(o.seriesId, seriesId), gt(o.startsAt, after), eq(o.detached, false)));
    },
    async occurrence(workspaceId: string, id: string, conn: Conn = db): Promise<OccurrenceWithCounts | undefined> {
      const [row] = await selectOccurrences(conn).where(and(eq(o.workspaceId, workspaceId), eq(o.id, id)));
      return row as OccurrenceWithCounts | undefined;
    },
    async occurrenceBySlug(slug: string): Promise<OccurrenceWithCounts | undefined> {
      const [row] = await selectOccurrences().where(eq(o.slug, slug));
      return row as OccurrenceWithCounts | undefined;
    },
    // Without counting its registrations (a form's POST: admission counts under the lock).
    async occurrenceDetailsBySlug(slug: string): Promise<OccurrenceDetails | undefined> {
      const [row] = await db.select(details).from(o).innerJoin(s, seriesJoin).where(eq(o.slug, slug));
      return row as OccurrenceDetails | undefined;
    },
    // The lock every change of an occurrence's registrations takes first: they happen one at a time.
    // The occurrence as locked, with what its series adds (so nothing read before the lock is relied on).
    async lockOccurrence(workspaceId: string, id: string, tx: Tx): Promise<OccurrenceDetails | undefined> {
      const [row] = await tx.select(details).from(o).innerJoin(s, seriesJoin).where(and(eq(o.workspaceId, workspaceId), eq(o.id, id))).for('update', { of: o });
      return row as OccurrenceDetails | undefined;
    },
    async updateOccurrence(workspaceId: string, id: string, values: Partial<OccurrenceRow>, tx: Tx): Promise<OccurrenceRow> {
      const [row] = await tx.update(o).set(values).where(and(eq(o.workspaceId, workspaceId), eq(o.id, id))).returning();
      return row!;
    },
    async listOccurrences(workspaceId: string, from: Date, to: Date, filter: { seriesId?: string; publicOnly?: boolean } = {}): Promise<OccurrenceWithCounts[]> {
      const rows = await selectOccurrences().where(and(eq(o.workspaceId, workspaceId), gte(o.startsAt, from), lt(o.startsAt, to),
        filter.seriesId ? eq(o.seriesId, filter.seriesId) : undefined, filter.publicOnly ? eq(s.isPublic, true) : undefined)).orderBy(asc(o.startsAt), asc(o.id)).limit(1000);
      return rows as OccurrenceWithCounts[];
    },
    // The next scheduled public occurrence after `after` that still has places.
    async nextWithPlaces(workspaceId: string, after: Date, filter: { seriesId?: string; exceptId?: string } = {}): Promise<OccurrenceWithCounts | undefined> {
      const [row] = await selectOccurrences().where(and(eq(o.workspaceId, workspaceId), gt(o.startsAt, after), eq(o.status, 'scheduled'), eq(s.isPublic, true),
        filter.seriesId ? eq(o.seriesId, filter.seriesId) : undefined, filter.exceptId ? ne(o.id, filter.exceptId) : undefined,
        sql`${counted.confirmed} < ${o.capacity}`)).orderBy(asc(o.startsAt)).limit(1);
      return row as OccurrenceWithCounts | undefined;
    },
    async runningAt(workspaceId: string, at: Date): Promise<OccurrenceRow | undefined> {
      const [row] = await db.select().from(o).where(and(eq(o.workspaceId, workspaceId), eq(o.status, 'scheduled'), lte(o.startsAt, at), gt(o.endsAt, at))).orderBy(asc(o.startsAt)).limit(1);
      return row;
    },
    // Job queries, across workspaces.
    dueOccurrences(startFrom: Date, startTo: Date): Promise<OccurrenceRow[]> {
      return db.select().from(o).where(and(eq(o.status, 'scheduled'), gt(o.startsAt, startFrom), lte(o.startsAt, startTo))).orderBy(asc(o.startsAt));
    },
    endedOccurrences(endFrom: Date, endTo: Date, unmarkedOnly = false): Promise<OccurrenceRow[]> {
      return db.select().from(o).where(and(eq(o.status, 'scheduled'), gt(o.endsAt, endFrom), lte(o.endsAt, endTo), unmarkedOnly ? isNull(o.noShowsMarkedAt) : undefined)).orderBy(asc(o.endsAt));
    },

    async countHolding(workspaceId: string, occurrenceId: string, tx: Tx): Promise<number> {
      const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(r)
        .where(and(eq(r.workspaceId, workspaceId), eq(r.occurrenceId, occurrenceId), inArray(r.status, holdingPlace)));
      return row!.n;
    },
    async registrationByEmail(workspaceId: string, occurrenceId: string, email: string, tx: Tx): Promise<RegistrationRow | undefined> {
      const [row] = await tx.select().from(r).where(and(eq(r.workspaceId, workspaceId), eq(r.occurrenceId, occurrenceId), eq(r.email, email)));
      return row;
    },
    registrationsByEmail(workspaceId: string, occurrenceId: string, emails: string[], tx: Tx): Promise<RegistrationRow[]> {
      return tx.select().from(r).where(and(eq(r.workspaceId, workspaceId), eq(r.occurrenceId, occurrenceId), inArray(r.email, [...new Set(emails)])));
    },
    async countQueue(workspaceId: string, occurrenceId: string, tx: Tx): Promise<{ holding: number; waiting: number }> {
      const [row] = await tx.select({
        holding: sql<number>`count(*) filter (where ${r.status} in ('confirmed', 'attended'))::int`,
        waiting: sql<number>`count(*) filter (where ${r.status} = 'waitlisted')::int`,
      }).from(r).where(and(eq(r.workspaceId, workspaceId), eq(r.occurrenceId, occurrenceId), inArray(r.status, ['confirmed', 'attended', 'waitlisted'])));
      return row!;
    },
    // A batch of new registrations, in the order given (their arrival numbers follow it). Conflicts (only a
    // check-in code drawn twice can clash under the lock) come back missing, for the caller to redraw.
    async insertRegistrations(values: NewRegistration[], tx: Tx): Promise<RegistrationRow[]> {
      if (!values.length) return [];
      const rows = values.map((v) => ({ ...v, id: randomUUID(), source: v.source ?? null, personId: v.personId ?? null, locale: v.locale ?? 'en' }));
      const keys = ['workspaceId', 'id', 'occurrenceId', 'personId', 'name', 'email', 'source', 'locale', 'status', 'manageToken', 'checkInCode', 'createdAt', 'updatedAt'] as const;
      const result = await tx.execute(sql`insert into ${r} (${columnList(r, keys)}) select ${columnList(r, keys, 'v')} from ${recordSet(r, keys, rows, 'v')}
        on conflict do nothing returning id, arrival`);
      const arrivals = new Map((result as unknown as { rows: { id: string; arrival: string | number }[] }).rows.map((row) => [row.id, Number(row.arrival)]));
      return rows.filter((v) => arrivals.has(v.id)).map((v) => ({ ...v, arrival: arrivals.get(v.id)!, checkedInAt: null, sequence: 0 }));
    },
    async registration(workspaceId: string, id: string, conn: Conn = db): Promise<RegistrationRow | undefined> {
      const [row] = await conn.select().from(r).where(and(eq(r.workspaceId, workspaceId), eq(r.id, id)));
      return row;
    },
    async registrationByCode(workspaceId: string, occurrenceId: string, code: string, conn: Conn = db): Promise<RegistrationRow | undefined> {
      const [row] = await conn.select().from(r).where(and(eq(r.workspaceId, workspaceId), eq(r.occurrenceId, occurrenceId), eq(r.checkInCode, code)));
      return row;
    },
    async registrationByToken(token: string): Promise<RegistrationRow | undefined> {
      const [row] = await db.select().from(r).where(eq(r.manageToken, token));
      return row;
    },
    async insertRegistration(values: typeof eventRegistrations.$inferInsert, tx: Tx): Promise<RegistrationRow> {
      const [row] = await tx.insert(r).values(values).returning();
      return row!;
    },
    async updateRegistration(workspaceId: string, id: string, values: Partial<RegistrationRow>, tx: Conn): Promise<RegistrationRow> {
      const [row] = await tx.update(r).set(values).where(and(eq(r.workspaceId, workspaceId), eq(r.id, id))).returning();
      return row!;
    },
    // A registration coming back after cancelling joins the end of the queue.
    nextArrival: () => sql<number>`nextval(pg_get_serial_sequence('event_registrations', 'arrival'))`,
    async firstWaitlisted(workspaceId: string, occurrenceId: string, tx: Tx): Promise<RegistrationRow | undefined> {
      const [row] = await tx.select().from(r).where(and(eq(r.workspaceId, workspaceId), eq(r.occurrenceId, occurrenceId), eq(r.status, 'waitlisted')))
        .orderBy(asc(r.arrival)).limit(1);
      return row;
    },
    async waitlistPosition(workspaceId: string, occurrenceId: string, arrival: number, conn: Conn = db): Promise<number> {
      const [row] = await conn.select({ n: sql<number>`count(*)::int` }).from(r)
        .where(and(eq(r.workspaceId, workspaceId), eq(r.occurrenceId, occurrenceId), eq(r.status, 'waitlisted'), lte(r.arrival, arrival)));
      return row!.n;
    },
    registrations(workspaceId: string, occurrenceId: string, statuses?: RegistrationStatus[], conn: Conn = db): Promise<RegistrationRow[]> {
      return conn.select().from(r).where(and(eq(r.workspaceId, workspaceId), eq(r.occurrenceId, occurrenceId), statuses ? inArray(r.status, statuses) : undefined))
        .orderBy(asc(r.arrival));
    },
    async knownOccurrences(workspaceId: string, ids: string[], conn: Conn = db): Promise<string[]> {
      if (ids.length === 0) return [];
      return (await conn.select({ id: o.id }).from(o).where(and(eq(o.workspaceId, workspaceId), inArray(o.id, ids)))).map((row) => row.id);
    },
    // Who came to any of these occurrences (the address they registered with), for a broadcast segment.
    async attendees(workspaceId: string, occurrenceIds: string[], conn: Conn = db): Promise<{ personId: string | null; email: string }[]> {
      if (occurrenceIds.length === 0) return [];
      return conn.selectDistinct({ personId: r.personId, email: r.email }).from(r)
        .where(and(eq(r.workspaceId, workspaceId), inArray(r.occurrenceId, occurrenceIds), eq(r.status, 'attended')));
    },
    async markNoShows(workspaceId: string, occurrenceId: string, now: Date, tx: Tx): Promise<number> {
      const rows = await tx.update(r).set({ status: 'no_show', updatedAt: now })
        .where(and(eq(r.workspaceId, workspaceId), eq(r.occurrenceId, occurrenceId), eq(r.status, 'confirmed'))).returning({ id: r.id });
      return rows.length;
    },
    async movePerson(workspaceId: string, from: string, to: string, tx: Tx): Promise<void> {
      await tx.update(r).set({ personId: to }).where(and(eq(r.workspaceId, workspaceId), eq(r.personId, from)));
    },
  };
}

export type EventsRepository = ReturnType<typeof createEventsRepository>;

import { and, desc, eq, gt, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { focusBudgets, focusReflections, focusSessions } from './focus.table.ts';

export type SessionRow = typeof focusSessions.$inferSelect;
export type BudgetRow = typeof focusBudgets.$inferSelect;
export type ReflectionRow = typeof focusReflections.$inferSelect;

type Member = { workspaceId: string; userId: string };

export function createFocusRepository(db: Db) {
  const mine = ({ workspaceId, userId }: Member) => and(eq(focusSessions.workspaceId, workspaceId), eq(focusSessions.userId, userId));

  return {
    // Inserts only when the member has no open session; undefined when another one is open.
    async insertSession(values: typeof focusSessions.$inferInsert): Promise<SessionRow | undefined> {
      const [row] = await db.insert(focusSessions).values(values)
        .onConflictDoNothing({ target: [focusSessions.workspaceId, focusSessions.userId], where: sql`ended_at is null` })
        .returning();
      return row;
    },

    async open(member: Member): Promise<SessionRow | undefined> {
      const [row] = await db.select().from(focusSessions).where(and(mine(member), isNull(focusSessions.endedAt)));
      return row;
    },

    async get(member: Member, id: string): Promise<SessionRow | undefined> {
      const [row] = await db.select().from(focusSessions).where(and(mine(member), eq(focusSessions.id, id)));
      return row;
    },

    async recent(member: Member, limit: number): Promise<SessionRow[]> {
      return db.select().from(focusSessions).where(mine(member)).orderBy(desc(focusSessions.startedAt)).limit(limit);
    },

    // Sessions that overlap [from, to).
    async overlapping(member: Member, from: Date, to: Date): Promise<SessionRow[]> {
      return db.select().from(focusSessions).where(and(mine(member), lt(focusSessions.startedAt, to),
        or(gt(focusSessions.endsAt, from), gt(focusSessions.endedAt, from)))).orderBy(focusSessions.startedAt);
    },

    // Closes the session only if it is still open; undefined when someone closed it first.
    async close(member: Member, id: string, values: Pick<SessionRow, 'endedAt' | 'endedEarly' | 'actual'>): Promise<SessionRow | undefined> {
      const [row] = await db.update(focusSessions).set(values).where(and(mine(member), eq(focusSessions.id, id), isNull(focusSessions.endedAt))).returning();
      return row;
    },

    // Open sessions whose plan has run out: they ended on time.
    async expired(member: Member, now: Date): Promise<SessionRow[]> {
      return db.select().from(focusSessions).where(and(mine(member), isNull(focusSessions.endedAt), lte(focusSessions.endsAt, now)));
    },

    async addPlannedCalls(member: Member, id: string, planIds: string[]): Promise<void> {
      await db.update(focusSessions).set({ plannedCalls: sql`${focusSessions.plannedCalls} || ${JSON.stringify(planIds)}::jsonb` }).where(and(mine(member), eq(focusSessions.id, id)));
    },

    async budgets(workspaceId: string, subjects: string[]): Promise<BudgetRow[]> {
      return db.select().from(focusBudgets).where(and(eq(focusBudgets.workspaceId, workspaceId), inArray(focusBudgets.subject, subjects)));
    },

    async saveBudget(values: typeof focusBudgets.$inferInsert): Promise<void> {
      await db.insert(focusBudgets).values(values).onConflictDoUpdate({
        target: [focusBudgets.workspaceId, focusBudgets.subject],
        set: { channels: values.channels, updatedAt: values.updatedAt },
      });
    },

    async removeBudget(workspaceId: string, subject: string): Promise<void> {
      await db.delete(focusBudgets).where(and(eq(focusBudgets.workspaceId, workspaceId), eq(focusBudgets.subject, subject)));
    },

    async saveReflection(values: typeof focusReflections.$inferInsert): Promise<ReflectionRow> {
      const { workspaceId: _w, userId: _u, week: _k, ...set } = values;
      const [row] = await db.insert(focusReflections).values(values).onConflictDoUpdate({
        target: [focusReflections.workspaceId, focusReflections.userId, focusReflections.week], set,
      }).returning();
      return row!;
    },

    async reflections(member: Member, weeks: string[]): Promise<ReflectionRow[]> {
      return db.select().from(focusReflections).where(and(eq(focusReflections.workspaceId, member.workspaceId), eq(focusReflections.userId, member.userId), inArray(focusReflections.week, weeks)));
    },
  };
}

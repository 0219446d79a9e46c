import { and, asc, count, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Db, Tx } from '../../db/index.ts';
import type { Role } from './access.ts';
import { apiTokens, invitations, passwordResets, sessions, users } from './auth.table.ts';

export type UserRow = typeof users.$inferSelect;
type Conn = Db | Tx;

export function createAuthRepository(db: Db) {
  return {
    async insertUser(values: typeof users.$inferInsert, tx: Conn = db): Promise<UserRow> {
      const [row] = await tx.insert(users).values(values).returning();
      return row!;
    },
    findUsersByEmail(email: string): Promise<UserRow[]> {
      return db.select().from(users).where(eq(users.email, email));
    },
    async getUser(workspaceId: string, id: string): Promise<UserRow | undefined> {
      const [row] = await db.select().from(users).where(and(eq(users.workspaceId, workspaceId), eq(users.id, id)));
      return row;
    },
    async findUserByEmail(workspaceId: string, email: string, tx: Conn = db): Promise<UserRow | undefined> {
      const [row] = await tx.select().from(users).where(and(eq(users.workspaceId, workspaceId), eq(users.email, email)));
      return row;
    },
    // Owners of every workspace, oldest first.
    listOwners(): Promise<{ workspaceId: string; userId: string }[]> {
      return db.select({ workspaceId: users.workspaceId, userId: users.id }).from(users).where(eq(users.role, 'owner')).orderBy(asc(users.createdAt));
    },
    listUsers(workspaceId: string): Promise<UserRow[]> {
      return db.select().from(users).where(eq(users.workspaceId, workspaceId)).orderBy(asc(users.name));
    },
    async countOwners(workspaceId: string, tx: Conn = db): Promise<number> {
      const [row] = await tx.select({ n: count() }).from(users).where(and(eq(users.workspaceId, workspaceId), eq(users.role, 'owner')));
      return row?.n ?? 0;
    },
    async updateUser(workspaceId: string, id: string, values: Partial<Pick<UserRow, 'role' | 'passwordHash' | 'name'>>, tx: Conn = db) {
      const [row] = await tx.update(users).set(values).where(and(eq(users.workspaceId, workspaceId), eq(users.id, id))).returning();
      return row;
    },
    async deleteUser(workspaceId: string, id: string, tx: Conn = db): Promise<boolean> {
      const rows = await tx.delete(users).where(and(eq(users.workspaceId, workspaceId), eq(users.id, id))).returning({ id: users.id });
      return rows.length > 0;
    },

    async insertSession(values: typeof sessions.$inferInsert): Promise<void> {
      await db.insert(sessions).values(values);
    },
    async findSession(tokenHash: string, now: Date) {
      const [row] = await db
        .select({ session: sessions, role: users.role })
        .from(sessions)
        .innerJoin(users, and(eq(users.workspaceId, sessions.workspaceId), eq(users.id, sessions.userId)))
        .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
      return row;
    },
    async deleteSession(tokenHash: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    },
    async deleteSessionsOfUser(workspaceId: string, userId: string, tx: Conn = db): Promise<void> {
      await tx.delete(sessions).where(and(eq(sessions.workspaceId, workspaceId), eq(sessions.userId, userId)));
    },
    async deleteExpiredSessions(now: Date): Promise<number> {
      const rows = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ h: sessions.tokenHash });
      return rows.length;
    },

    async insertApiToken(values: typeof apiTokens.$inferInsert) {
      const [row] = await db.insert(apiTokens).values(values).returning();
      return row!;
    },
    async findApiToken(tokenHash: string) {
      const [row] = await db
        .select({ token: apiTokens, role: users.role })
        .from(apiTokens)
        .innerJoin(users, and(eq(users.workspaceId, apiTokens.workspaceId), eq(users.id, apiTokens.userId)))
        .where(eq(apiTokens.tokenHash, tokenHash));
      return row;
    },
    async touchApiToken(workspaceId: string, id: string, now: Date): Promise<void> {
      await db.update(apiTokens).set({ lastUsedAt: now }).where(and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.id, id)));
    },

    async insertInvitation(values: typeof invitations.$inferInsert) {
      const [row] = await db.insert(invitations).values(values).returning();
      return row!;
    },
    async insertPasswordReset(values: typeof passwordResets.$inferInsert, tx: Conn = db): Promise<void> {
      await tx.insert(passwordResets).values(values);
    },
    // Like an invitation: marked used in the statement that finds it, so a reset link works exactly once.
    async claimPasswordReset(tokenHash: string, now: Date, tx: Conn) {
      const [row] = await tx.update(passwordResets).set({ usedAt: now })
        .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
        .returning();
      return row;
    },
    // A new password makes every other link of the member's void.
    async voidPasswordResets(workspaceId: string, userId: string, now: Date, tx: Conn): Promise<void> {
      await tx.update(passwordResets).set({ usedAt: now })
        .where(and(eq(passwordResets.workspaceId, workspaceId), eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
    },
    async deleteStalePasswordResets(before: Date): Promise<void> {
      await db.delete(passwordResets).where(lt(passwordResets.expiresAt, before));
    },
    // Marks it used in the same statement that finds it, so a link works exactly once.
    async claimInvitation(tokenHash: string, now: Date, tx: Conn) {
      const [row] = await tx
        .update(invitations)
        .set({ acceptedAt: now })
        .where(and(eq(invitations.tokenHash, tokenHash), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)))
        .returning();
      return row as (typeof invitations.$inferSelect & { role: Role }) | undefined;
    },
  };
}

export type AuthRepository = ReturnType<typeof createAuthRepository>;

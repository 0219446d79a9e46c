import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/index.ts';
import { consentRecords, consentSubjects, suppressions } from './consent.table.ts';

type Conn = Db | Tx;
export type ConsentRow = typeof consentRecords.$inferSelect;
type SuppressionRow = typeof suppressions.$inferSelect;

// Inserts and reads only: there is no update or delete of consent records here, or anywhere.
export function createConsentRepository(db: Db) {
  return {
    async append(values: typeof consentRecords.$inferInsert, subject: { email: string }, tx: Conn = db): Promise<ConsentRow> {
      await tx.insert(consentSubjects).values({ workspaceId: values.workspaceId, emailHash: values.emailHash, email: subject.email }).onConflictDoNothing();
      const [row] = await tx.insert(consentRecords).values(values).returning();
      return row!;
    },
    // Many at once (a batch of form submissions), in two statements.
    async appendMany(values: (typeof consentRecords.$inferInsert)[], subjects: { email: string }[], tx: Conn): Promise<void> {
      if (!values.length) return;
      await tx.insert(consentSubjects).values(values.map((v, i) => ({ workspaceId: v.workspaceId, emailHash: v.emailHash, email: subjects[i]!.email }))).onConflictDoNothing();
      await tx.insert(consentRecords).values(values);
    },
    records(workspaceId: string, emailHash: string, tx: Conn = db): Promise<ConsentRow[]> {
      return tx.select().from(consentRecords)
        .where(and(eq(consentRecords.workspaceId, workspaceId), eq(consentRecords.emailHash, emailHash))).orderBy(asc(consentRecords.occurredAt));
    },
    async suppression(workspaceId: string, emailHash: string, tx: Conn = db) {
      const [row] = await tx.select().from(suppressions).where(and(eq(suppressions.workspaceId, workspaceId), eq(suppressions.emailHash, emailHash)));
      return row;
    },
    async suppressedHashes(workspaceId: string, emailHashes: string[], tx: Conn = db): Promise<Map<string, SuppressionRow['reason']>> {
      if (!emailHashes.length) return new Map();
      const rows = await tx.select({ emailHash: suppressions.emailHash, reason: suppressions.reason }).from(suppressions)
        .where(and(eq(suppressions.workspaceId, workspaceId), inArray(suppressions.emailHash, emailHashes)));
      return new Map(rows.map((r) => [r.emailHash, r.reason]));
    },
    async recordsOfMany(workspaceId: string, emailHashes: string[], tx: Conn): Promise<ConsentRow[]> {
      if (!emailHashes.length) return [];
      return tx.select().from(consentRecords)
        .where(and(eq(consentRecords.workspaceId, workspaceId), inArray(consentRecords.emailHash, emailHashes))).orderBy(asc(consentRecords.occurredAt));
    },
    async suppress(values: typeof suppressions.$inferInsert, tx: Conn = db): Promise<void> {
      await tx.insert(suppressions).values(values).onConflictDoNothing();
    },
    async subjectEmail(workspaceId: string, emailHash: string): Promise<string | undefined> {
      const [row] = await db.select({ email: consentSubjects.email }).from(consentSubjects).where(and(eq(consentSubjects.workspaceId, workspaceId), eq(consentSubjects.emailHash, emailHash)));
      return row?.email;
    },
    async liftUnsubscribed(workspaceId: string, emailHash: string): Promise<void> {
      await db.delete(suppressions).where(and(eq(suppressions.workspaceId, workspaceId), eq(suppressions.emailHash, emailHash), eq(suppressions.reason, 'unsubscribed')));
    },
    // Erasure: the address goes; the hashed records stay as anonymous proof.
    async forgetSubject(workspaceId: string, emailHash: string, tx: Conn = db): Promise<void> {
      await tx.delete(consentSubjects).where(and(eq(consentSubjects.workspaceId, workspaceId), eq(consentSubjects.emailHash, emailHash)));
    },
  };
}

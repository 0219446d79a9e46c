import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/index.ts';
import { broadcastDeliveries, broadcasts } from './broadcasts.table.ts';
import { consentRecords, consentSubjects, suppressions } from './consent.table.ts';
import type { LedgerEntry } from './consent.rules.ts';

type Conn = Db | Tx;
export type BroadcastRow = typeof broadcasts.$inferSelect;
export type DeliveryRow = typeof broadcastDeliveries.$inferSelect;
type Counts = { recipients: number; pending: number; sent: number; failed: number; skipped: number; unsubscribedSince: number };

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export function createBroadcastsRepository(db: Db) {
  const byId = (workspaceId: string, id: string) => and(eq(broadcasts.workspaceId, workspaceId), eq(broadcasts.id, id));
  return {
    async insert(values: typeof broadcasts.$inferInsert): Promise<BroadcastRow> {
      const [row] = await db.insert(broadcasts).values(values).returning();
      return row!;
    },
    async get(workspaceId: string, id: string, tx: Conn = db): Promise<BroadcastRow | undefined> {
      const [row] = await tx.select().from(broadcasts).where(byId(workspaceId, id));
      return row;
    },
    list(workspaceId: string): Promise<BroadcastRow[]> {
      return db.select().from(broadcasts).where(eq(broadcasts.workspaceId, workspaceId)).orderBy(desc(broadcasts.createdAt)).limit(200);
    },
    // Only while the status is still one of `from`: a send that has started is never edited.
    async update(workspaceId: string, id: string, from: BroadcastRow['status'][], patch: Partial<typeof broadcasts.$inferInsert>, tx: Conn = db): Promise<BroadcastRow | undefined> {
      const [row] = await tx.update(broadcasts).set(patch).where(and(byId(workspaceId, id), inArray(broadcasts.status, from))).returning();
      return row;
    },

    // The send's report, for many broadcasts at once.
    async counts(workspaceId: string, ids: string[]): Promise<Map<string, Counts>> {
      if (ids.length === 0) return new Map();
      const result = await db.execute(sql`
        select d.broadcast_id, count(*)::int as recipients,
          count(*) filter (where d.status = 'pending')::int as pending, count(*) filter (where d.status = 'sent')::int as sent,
          count(*) filter (where d.status = 'failed')::int as failed, count(*) filter (where d.status = 'skipped')::int as skipped,
          count(*) filter (where s.reason = 'unsubscribed' and s.created_at >= b.started_at)::int as unsubscribed_since
        from broadcast_deliveries d
        join broadcasts b on b.workspace_id = d.workspace_id and b.id = d.broadcast_id
        left join suppressions s on s.workspace_id = d.workspace_id and s.email_hash = d.email_hash
        where d.workspace_id = ${workspaceId} and d.broadcast_id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})
        group by d.broadcast_id`);
      return new Map(rowsOf<Record<string, number | string>>(result).map((r) => [String(r.broadcast_id), {
        recipients: Number(r.recipients), pending: Number(r.pending), sent: Number(r.sent), failed: Number(r.failed), skipped: Number(r.skipped), unsubscribedSince: Number(r.unsubscribed_since),
      }]));
    },

    // The ledger of a whole purpose, by address hash, to decide consent for a segment at once.
    async ledger(workspaceId: string, purpose: string, tx: Conn = db): Promise<Map<string, LedgerEntry[]>> {
      const rows = await tx.select({ hash: consentRecords.emailHash, action: consentRecords.action, basis: consentRecords.basis, expiresAt: consentRecords.expiresAt, occurredAt: consentRecords.occurredAt })
        .from(consentRecords).where(and(eq(consentRecords.workspaceId, workspaceId), eq(consentRecords.purpose, purpose as 'newsletter')));
      const byHash = new Map<string, LedgerEntry[]>();
      for (const { hash, ...entry } of rows) {
        const list = byHash.get(hash);
        if (list) list.push(entry);
        else byHash.set(hash, [entry]);
      }
      return byHash;
    },
    async ledgerOf(workspaceId: string, purpose: string, hash: string, tx: Conn): Promise<LedgerEntry[]> {
      return tx.select({ action: consentRecords.action, basis: consentRecords.basis, expiresAt: consentRecords.expiresAt, occurredAt: consentRecords.occurredAt })
        .from(consentRecords).where(and(eq(consentRecords.workspaceId, workspaceId), eq(consentRecords.emailHash, hash), eq(consentRecords.purpose, purpose as 'newsletter')));
    },
    async subjects(workspaceId: string, tx: Conn = db): Promise<{ hash: string; email: string }[]> {
      return tx.select({ hash: consentSubjects.emailHash, email: consentSubjects.email }).from(consentSubjects).where(eq(consentSubjects.workspaceId, workspaceId));
    },
    async suppressedHashes(workspaceId: string, tx: Conn = db): Promise<Set<string>> {
      const rows = await tx.select({ hash: suppressions.emailHash }).from(suppressions).where(eq(suppressions.workspaceId, workspaceId));
      return new Set(rows.map((r) => r.hash));
    },
    async isSuppressed(workspaceId: string, hash: string, tx: Conn): Promise<boolean> {
      const rows = await tx.select({ hash: suppressions.emailHash }).from(suppressions).where(and(eq(suppressions.workspaceId, workspaceId), eq(suppressions.emailHash, hash)));
      return rows.length > 0;
    },

    // The send starts: the broadcast is taken by one worker (SKIP LOCKED), so it starts once.
    async takeDue(now: Date, tx: Tx): Promise<BroadcastRow | undefined> {
      const [row] = await tx.select().from(broadcasts).where(and(eq(broadcasts.status, 'scheduled'), lte(broadcasts.scheduledAt, now)))
        .orderBy(broadcasts.scheduledAt).limit(1).for('update', { skipLocked: true });
      return row;
    },
    async insertDeliveries(workspaceId: string, broadcastId: string, recipients: { hash: string; email: string }[], tx: Tx): Promise<void> {
      for (let i = 0; i < recipients.length; i += 5000) {
        const chunk = recipients.slice(i, i + 5000);
        await tx.execute(sql`insert into broadcast_deliveries (workspace_id, broadcast_id, email_hash, email)
          select ${workspaceId}::uuid, ${broadcastId}::uuid, h, e from unnest(${sql.param(chunk.map((r) => r.hash))}::text[], ${sql.param(chunk.map((r) => r.email))}::text[]) as t(h, e)
          on conflict do nothing`);
      }
    },
    sending(): Promise<BroadcastRow[]> {
      return db.select().from(broadcasts).where(eq(broadcasts.status, 'sending'));
    },
    // One pending delivery, locked by this transaction until it commits: a worker that dies lets go of it.
    async claim(workspaceId: string, broadcastId: string, tx: Tx): Promise<DeliveryRow | undefined> {
      const [row] = await tx.select().from(broadcastDeliveries)
        .where(and(eq(broadcastDeliveries.workspaceId, workspaceId), eq(broadcastDeliveries.broadcastId, broadcastId), eq(broadcastDeliveries.status, 'pending')))
        .limit(1).for('update', { skipLocked: true });
      return row;
    },
    async mark(row: Pick<DeliveryRow, 'workspaceId' | 'broadcastId' | 'emailHash'>, patch: Partial<DeliveryRow>, tx: Conn = db): Promise<void> {
      await tx.update(broadcastDeliveries).set(patch).where(and(eq(broadcastDeliveries.workspaceId, row.workspaceId), eq(broadcastDeliveries.broadcastId, row.broadcastId), eq(broadcastDeliveries.emailHash, row.emailHash)));
    },
    // Reserves the next sending slot under the rate; returns when it begins.
    async reserveSlot(workspaceId: string, broadcastId: string, now: Date, intervalMs: number): Promise<Date> {
      const result = await db.execute(sql`update broadcasts set pace_at = greatest(coalesce(pace_at, ${now}), ${now}) + make_interval(secs => ${intervalMs / 1000})
        where workspace_id = ${workspaceId} and id = ${broadcastId} returning pace_at`);
      const paceAt = rowsOf<{ pace_at: string | Date }>(result)[0]?.pace_at;
      return paceAt ? new Date(new Date(paceAt).getTime() - intervalMs) : now;
    },
    async finishDone(now: Date): Promise<void> {
      await db.execute(sql`update broadcasts b set status = 'sent', finished_at = ${now}
        where b.status = 'sending' and not exists (select 1 from broadcast_deliveries d where d.workspace_id = b.workspace_id and d.broadcast_id = b.id and d.status = 'pending')`);
    },
    // Erasure: the address leaves every delivery row; its hash stays so the report still adds up.
    async forgetAddress(workspaceId: string, hash: string, tx: Conn = db): Promise<void> {
      await tx.update(broadcastDeliveries).set({ email: null }).where(and(eq(broadcastDeliveries.workspaceId, workspaceId), eq(broadcastDeliveries.emailHash, hash)));
      await tx.update(broadcastDeliveries).set({ status: 'skipped' }).where(and(eq(broadcastDeliveries.workspaceId, workspaceId), eq(broadcastDeliveries.emailHash, hash), eq(broadcastDeliveries.status, 'pending')));
    },

  };
}

export type BroadcastsRepository = ReturnType<typeof createBroadcastsRepository>;

import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/index.ts';
import type { JobDefinition } from '../jobs/index.ts';
import type { Mailer, MailMessage } from './index.ts';
import { mailQueue } from './mail.table.ts';

const maxAttempts = 5;

// Queues a message in the caller's transaction; false when one with this dedupe key is already queued or sent.
export async function enqueueMail(tx: Db | Tx, workspaceId: string, message: MailMessage, options: { dedupeKey?: string; now: Date }): Promise<boolean> {
  const rows = await tx.insert(mailQueue).values({ workspaceId, message, dedupeKey: options.dedupeKey ?? null, createdAt: options.now })
    .onConflictDoNothing().returning({ id: mailQueue.id });
  return rows.length > 0;
}

// Many messages in one statement (a burst of registrations admitted together); returns how many were new.
// They go as one JSON parameter: building and quoting a parameter per column and row cost more than the insert.
export async function enqueueMails(tx: Db | Tx, workspaceId: string, items: { message: MailMessage; dedupeKey?: string }[], options: { now: Date }): Promise<number> {
  if (!items.length) return 0;
  const json = JSON.stringify(items.map((item) => ({ message: item.message, dedupe_key: item.dedupeKey ?? null })));
  const result = await tx.execute(sql`insert into ${mailQueue} (workspace_id, message, dedupe_key, created_at)
    select ${workspaceId}, m.message, m.dedupe_key, ${options.now.toISOString()}::timestamptz from json_to_recordset(${json}::json) as m(message jsonb, dedupe_key text)
    on conflict do nothing returning 1 as new`);
  return (result as unknown as { rows: unknown[] }).rows.length;
}

// Erasure: mail not yet sent to an address is dropped.
export async function cancelQueuedMail(db: Db, workspaceId: string, email: string): Promise<void> {
  await db.delete(mailQueue).where(and(eq(mailQueue.workspaceId, workspaceId), eq(mailQueue.status, 'queued'), sql`lower(${mailQueue.message}->>'to') = ${email.toLowerCase()}`));
}

// Sends what is queued, each message once: a row is claimed with SKIP LOCKED, so several workers share the queue.
// `busy`: the web server in this process has requests waiting (onland start). Each message is a transaction
// and a send, competing with them for the processor and the database (on PGlite its one connection), so a run
// then stops after `atLeast` messages and the next run (seconds later) goes on: a burst of RSVPs is answered
// first, its emails follow.
export async function deliverQueuedMail(db: Db, mailer: Mailer, now: () => Date, limit = 100, { busy, atLeast = 10 }: { busy?: () => boolean; atLeast?: number } = {}): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < limit; i++) {
    if (i >= atLeast && busy?.()) break;
    const done = await db.transaction(async (tx) => {
      const [row] = await tx.select().from(mailQueue).where(eq(mailQueue.status, 'queued')).orderBy(mailQueue.createdAt).limit(1).for('update', { skipLocked: true });
      if (!row) return false;
      const where = and(eq(mailQueue.workspaceId, row.workspaceId), eq(mailQueue.id, row.id));
      try {
        await mailer.send(row.message, { workspaceId: row.workspaceId });
        await tx.update(mailQueue).set({ status: 'sent', sentAt: now(), attempts: sql`${mailQueue.attempts} + 1` }).where(where);
        sent++;
      } catch (error) {
        const attempts = row.attempts + 1;
        await tx.update(mailQueue).set({ attempts, lastError: (error as Error).message.slice(0, 500), status: attempts >= maxAttempts ? 'failed' : 'queued' }).where(where);
        failed++;
        if (attempts < maxAttempts) return false; // try again on the next run, not in this loop
      }
      return true;
    });
    if (!done) break;
  }
  return { sent, failed };
}

export function mailJobs(db: Db, mailer: Mailer, now: () => Date, busy?: () => boolean): JobDefinition[] {
  return [{ name: 'deliver-mail', cron: '* * * * *', everySeconds: 5, handler: () => deliverQueuedMail(db, mailer, now, 100, { busy }) }];
}

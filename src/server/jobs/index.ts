import { PgBoss, fromPglite } from 'pg-boss';
import type { Database } from '../db/index.ts';

// A job a module offers: a name, an optional cron schedule (UTC) and what it does.
export type JobDefinition = {
  name: string;
  cron?: string;
  // Also poll every N seconds in each worker (for work that should not wait a minute, like mail;
  // the handler must be safe to run in several workers at once).
  everySeconds?: number;
  handler: (data: Record<string, unknown>) => Promise<unknown>;
};

export type Queue = {
  send: (name: string, data?: Record<string, unknown>, options?: { startAfter?: Date; singletonKey?: string }) => Promise<string | null>;
  // Runs the handlers in this process and keeps the cron schedules registered.
  work: (jobs: JobDefinition[]) => Promise<void>;
  stop: () => Promise<void>;
};

export type QueueOptions = {
  // A pure web process sends jobs but neither runs them nor keeps the schedules.
  worker: boolean;
  pollingIntervalSeconds?: number;
  onError?: (error: Error) => void;
};

// One Postgres-backed queue (pg-boss) on the application's own database, PGlite or PostgreSQL.
export async function openQueue(database: Database, options: QueueOptions): Promise<Queue> {
  const common = { schema: 'pgboss', supervise: options.worker, schedule: options.worker, registerInstance: false };
  const boss = database.pglite
    ? new PgBoss({ ...common, db: fromPglite(database.pglite), backend: 'pglite' })
    : new PgBoss({ ...common, connectionString: database.url, max: 4 });
  boss.on('error', (error) => options.onError?.(error));
  await boss.start();
  const created = new Set<string>();
  const timers: NodeJS.Timeout[] = [];

  async function ensureQueue(name: string) {
    if (created.has(name)) return;
    await boss.createQueue(name);
    created.add(name);
  }

  return {
    async send(name, data = {}, sendOptions = {}) {
      await ensureQueue(name);
      return boss.send(name, data, sendOptions);
    },
    async work(jobs) {
      for (const job of jobs) {
        await ensureQueue(job.name);
        await boss.work<Record<string, unknown>>(job.name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async (batch) => {
          for (const item of batch) await job.handler(item.data ?? {});
        });
        if (job.cron) await boss.schedule(job.name, job.cron);
        if (job.everySeconds) {
          let running = false;
          timers.push(setInterval(() => {
            if (running) return;
            running = true;
            job.handler({}).catch((error: Error) => options.onError?.(error)).finally(() => { running = false; });
          }, job.everySeconds * 1000));
        }
      }
    },
    stop: () => {
      for (const timer of timers) clearInterval(timer);
      return boss.stop({ graceful: true, timeout: 10_000, close: !database.pglite });
    },
  };
}

import { allJobs, buildApp, createServices } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { systemClock } from './core/clock.ts';
import { openDatabase, type Database } from './db/index.ts';
import { startSnapshotSchedule } from './db/snapshot-schedule.ts';
import { openQueue } from './jobs/index.ts';

export type ProcessRole = { web: boolean; worker: boolean };

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  return config.databaseUrl ? openDatabase({ databaseUrl: config.databaseUrl }) : openDatabase({ dataDir: config.dataDir });
}

// `onland start` runs both roles in one process; `serve` and `worker` run one each, any number of them on PostgreSQL.
export async function runProcess(role: ProcessRole, log: (line: string) => void = console.log): Promise<{ stop: () => Promise<void>; url?: string }> {
  const config = loadConfig();
  if (!config.databaseUrl && !(role.web && role.worker)) {
    throw new Error('The embedded database belongs to one process: use `onland start`, or set DATABASE_URL to run `serve` and `worker` apart.');
  }
  const database = await openConfiguredDatabase(config);
  await database.migrate();
  const stops: (() => Promise<void>)[] = [];

  // The web server answers first; the job queue starts right after.
  let webBusy: (() => boolean) | undefined;
  if (role.web) {
    const { app, busy } = await buildApp({ config, database, logger: process.env.ONLAND_LOG === 'debug' ? { level: 'info' } : false });
    const address = await app.listen({ port: config.port, host: config.host });
    webBusy = busy;
    stops.push(() => app.close());
    log(`Onland is running at ${config.publicUrl}/  (listening on ${address}, ${database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`);
  }
  const queue = await openQueue(database, { worker: role.worker, onError: (error) => log(`job queue: ${error.message}`) });
  stops.push(() => queue.stop());
  if (role.worker) {
    await queue.work(allJobs(createServices({ config, database }), database, webBusy));
    log('Worker running.');
  }

  // The embedded database never fsyncs: fsynced snapshots on a schedule and at shutdown (snapshots.ts).
  const snapshots = database.pglite && config.snapshotMinutes > 0
    ? startSnapshotSchedule({ pglite: database.pglite, dataDir: config.dataDir, minutes: config.snapshotMinutes, keep: config.snapshotsKeep, clock: systemClock, log })
    : undefined;

  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= (async () => {
    for (const s of stops) await s().catch(() => {});
    if (snapshots) {
      await snapshots.final().then((taken) => log(`Snapshot of the database saved in ${taken.path}`), (error: Error) => log(`snapshot failed: ${error.message}`));
    }
    await database.close();
  })());
  return { stop, url: config.publicUrl };
}

import { join } from 'node:path';
import { treeBytes } from '../src/server/db/snapshot-disk.ts';
import { takeSnapshot } from '../src/server/db/snapshots.ts';
import { interactionCounts, insertInteractions } from './lib/interactions-data.ts';
import { generatePeople, insertPeople } from './lib/people-data.ts';
import { bytesPerMb, emit, log, sleep, type Bench } from './lib/report.ts';
import { median, round } from './lib/stats.ts';
import { withWorkspace } from './lib/workspace.ts';

const peopleCount = Number(process.env.BENCH_PEOPLE ?? 100_000);
const interactionCount = Number(process.env.BENCH_INTERACTIONS_PGLITE ?? 1_000_000);
const runs = 5;

// Snapshots of the embedded database (src/server/db/snapshots.ts) at a realistic size: how long one
// takes, and the longest a write waits meanwhile — one small write every 5 ms while it runs, the
// latency users would notice. Its size on disk as well.
export const snapshotPglite: Bench = {
  name: 'snapshot-pglite',
  figures: ['snapshot_s_pglite', 'snapshot_write_stall_ms_pglite', 'snapshot_mb_pglite'],
  run: () => withWorkspace('pglite', 'snapshot', async ({ database, config, auth }) => {
    const now = new Date();
    const ids = await insertPeople(database, auth.workspaceId, generatePeople(peopleCount));
    const interactions = await insertInteractions(database, auth.workspaceId, ids, interactionCounts(ids.length, interactionCount), now);
    await database.exec('create table bench_probe (at timestamptz not null default now())');
    log(`snapshot: ${ids.length} people, ${interactions} interactions`);
    const seconds: number[] = [];
    const stalls: number[] = [];
    let mb = 0;
    for (let i = 1; i <= runs; i++) {
      let writing = true;
      let worst = 0;
      const writer = (async () => {
        while (writing) {
          // From when it was due, so time the event loop was blocked (the copy is synchronous) counts too.
          const due = performance.now() + 5;
          await sleep(5);
          await database.query('insert into bench_probe default values');
          worst = Math.max(worst, performance.now() - due);
        }
      })();
      const started = performance.now();
      const snapshot = await takeSnapshot(database.pglite!, config.dataDir, { now: new Date(), keep: 2 });
      seconds.push((performance.now() - started) / 1000);
      writing = false;
      await writer;
      stalls.push(worst);
      mb = snapshot.bytes / bytesPerMb;
      const wal = treeBytes(join(snapshot.path, 'pg_wal')) / bytesPerMb;
      log(`snapshot: run ${i}/${runs}: ${round(seconds.at(-1)!, 2)} s, longest write ${round(worst)} ms, ${round(mb)} MB (pg_wal ${round(wal)} MB)`);
    }
    const scale = { people: ids.length, interactions };
    return [
      { name: 'snapshot_s_pglite', value: round(median(seconds), 2), unit: 's', target: '', runs, stat: 'median', ...scale },
      { name: 'snapshot_write_stall_ms_pglite', value: round(median(stalls)), unit: 'ms', target: '', runs, stat: 'median of the longest write per snapshot', ...scale },
      { name: 'snapshot_mb_pglite', value: round(mb), unit: 'MB', target: '', runs: 1, stat: 'size', ...scale },
    ];
  }),
};

// Not yet in bench/run.ts: `node bench/snapshot.ts` runs it alone.
if (import.meta.main) for (const figure of await snapshotPglite.run()) emit(figure);

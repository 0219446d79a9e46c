import type { PGlite } from '@electric-sql/pglite';
import type { Clock } from '../core/clock.ts';
import { takeSnapshot, type SnapshotInfo } from './snapshots.ts';

export type SnapshotSchedule = {
  // Waits for a snapshot under way, then takes one more (at clean shutdown).
  final: () => Promise<SnapshotInfo>;
};

// The embedded mode's snapshots every `minutes`, in its one process (the folder lock keeps any other
// process off the folder): a timer, not the job queue, because the copy must run beside the very
// PGlite instance that serves the app. One snapshot at a time; a slow one delays the next.
export function startSnapshotSchedule({ pglite, dataDir, minutes, keep, clock, log }: {
  pglite: PGlite; dataDir: string; minutes: number; keep: number; clock: Clock; log: (line: string) => void;
}): SnapshotSchedule {
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const take = () => takeSnapshot(pglite, dataDir, { now: clock.now(), keep });
  const next = () => {
    timer = setTimeout(() => {
      running = take()
        .catch((error: Error) => log(`snapshot failed: ${error.message}`))
        .finally(() => { if (!stopped) next(); });
    }, minutes * 60_000);
    timer.unref();
  };
  next();
  return {
    final: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
      return take();
    },
  };
}

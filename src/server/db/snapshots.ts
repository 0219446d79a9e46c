import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PGlite } from '@electric-sql/pglite';
import { busy, dataDirOwner, lockDataDir } from './data-dir-lock.ts';
import { fsyncPath, fsyncTree, partialPrefix, removePartial, snapshotName, snapshotNames, snapshotTime, treeBytes } from './snapshot-disk.ts';

export { snapshotName } from './snapshot-disk.ts';

// Snapshots of the embedded database (DESIGN.md, "Durability of the embedded mode"). PGlite never
// calls fsync, so a power cut can lose recent commits; a snapshot is a copy of the PGlite folder,
// fsynced, in <data>/snapshots/<time>/, that `onland restore` puts back.
//
// How a copy is consistent: PGlite runs PostgreSQL inside this process, and only while it answers a
// query. Holding its transaction lock (no transaction open or starting) and then its query lock
// (nothing at all running), the files on disk are exactly what a kill -9 at that instant would leave,
// which PostgreSQL recovers from with its write-ahead log; a CHECKPOINT just before makes that
// recovery short. The copy is a plain file copy (copy_file_range), much quicker than PGlite's
// dumpDataDir, which builds a tarball of the whole folder in memory while holding the same lock;
// synchronous, because that copies a fresh 42 MB folder in about 100 ms where the async one takes
// 300-400 ms with writes held. Then, with the locks released, a worker thread fsyncs the copy and
// renames it into place: a crash before the rename leaves a .partial- folder, never listed.
export type SnapshotInfo = { name: string; path: string; takenAt: Date; bytes: number };

export class SnapshotError extends Error {}

export const snapshotsFolder = (dataDir: string) => join(dataDir, 'snapshots');

export async function takeSnapshot(pglite: PGlite, dataDir: string, { now, keep }: { now: Date; keep: number }): Promise<SnapshotInfo> {
  const root = snapshotsFolder(dataDir);
  mkdirSync(root, { recursive: true });
  removePartial(root);
  let at = now;
  while (existsSync(join(root, snapshotName(at)))) at = new Date(at.getTime() + 1);
  const name = snapshotName(at);
  const partial = join(root, `${partialPrefix}${name}`);
  const path = join(root, name);
  try {
    await pglite.transaction(async (tx) => {
      await tx.exec('checkpoint');
      const { rows: [wal] } = await tx.query<{ first: string; last: string }>(
        'select redo_wal_file as first, pg_walfile_name(greatest(checkpoint_lsn, pg_current_wal_insert_lsn())) as last from pg_control_checkpoint()');
      await pglite.runExclusive(async () => cpSync(join(dataDir, 'pgdata'), partial, { recursive: true, filter: (source) => worthCopying(source, wal!) }));
    });
    const bytes = await inWorker({ partial, path, root, keep });
    return { name, path, takenAt: at, bytes };
  } catch (error) {
    // A full disk, say: give the space back now rather than at the next snapshot.
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

// postmaster.pid names PGlite's running instance: a copy must not carry it. Of the write-ahead log,
// only the segments from the checkpoint's redo point to the current one: recovery needs no older
// one, and later ones are empty segments kept for reuse (a write-heavy folder holds 100 MB and more
// of them). pg_basebackup leaves out the same.
function worthCopying(source: string, wal: { first: string; last: string }): boolean {
  const name = basename(source);
  if (name === 'postmaster.pid') return false;
  if (basename(dirname(source)) === 'pg_wal' && /^[0-9A-F]{24}$/.test(name)) return name >= wal.first && name <= wal.last;
  return true;
}

function inWorker(job: { partial: string; path: string; root: string; keep: number }): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./snapshot-worker.ts', import.meta.url), { workerData: job });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the snapshot worker stopped (exit code ${code})`)));
  });
}

// Newest first.
export function listSnapshots(dataDir: string): SnapshotInfo[] {
  const root = snapshotsFolder(dataDir);
  return snapshotNames(root).map((name) => ({ name, path: join(root, name), takenAt: snapshotTime(name)!, bytes: treeBytes(join(root, name)) }));
}

export type Restored = { snapshot: SnapshotInfo; keptAside: string | null };

// Puts a snapshot (default: the newest) in place of <data>/pgdata, which is renamed aside, not
// deleted. Refused while a process owns the folder; holds the folder itself while it works.
export function restoreSnapshot(dataDir: string, name: string | undefined, { now }: { now: Date }): Restored {
  const owner = dataDirOwner(dataDir);
  if (owner) throw busy(dataDir, owner);
  const snapshots = listSnapshots(dataDir);
  if (snapshots.length === 0) throw new SnapshotError(`There are no snapshots in ${snapshotsFolder(dataDir)}. The server takes one on its schedule (ONLAND_SNAPSHOT_MINUTES) and when it stops.`);
  const snapshot = name === undefined ? snapshots[0]! : snapshots.find((s) => s.name === name);
  if (!snapshot) throw new SnapshotError(`No snapshot is called "${name}". There are: ${snapshots.map((s) => s.name).join(', ')} (see onland restore --list).`);
  const release = lockDataDir(dataDir);
  try {
    const incoming = join(dataDir, '.restoring-pgdata');
    rmSync(incoming, { recursive: true, force: true });
    cpSync(snapshot.path, incoming, { recursive: true });
    fsyncTree(incoming);
    const current = join(dataDir, 'pgdata');
    let keptAside: string | null = null;
    if (existsSync(current)) {
      keptAside = join(dataDir, `pgdata.before-restore-${snapshotName(now)}`);
      renameSync(current, keptAside);
    }
    renameSync(incoming, current);
    fsyncPath(dataDir);
    return { snapshot, keptAside };
  } finally {
    release();
  }
}

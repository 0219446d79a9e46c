import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

// The file work of snapshots, synchronous: the server runs it in a worker thread (snapshot-worker.ts),
// because PGlite answers queries on the main thread, and under load each of a thousand awaited fs
// calls waited its turn behind them (a 42 MB snapshot took over a minute to fsync). `onland restore`
// calls it directly.

const namePattern = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/;
// A snapshot being written, or being removed: never listed, removed by the next snapshot or restore.
export const partialPrefix = '.partial-';
const removingPrefix = '.removing-';

export function snapshotName(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

export function snapshotTime(name: string): Date | null {
  const m = namePattern.exec(name);
  return m ? new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`) : null;
}

// Complete snapshots' names, newest first.
export function snapshotNames(root: string): string[] {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  return names.filter((name) => snapshotTime(name) && statSync(join(root, name)).isDirectory()).sort().reverse();
}

// After the copy: make it durable, then give it its real name (the rename is what makes it count).
export function finishSnapshot({ partial, path, root, keep }: { partial: string; path: string; root: string; keep: number }): number {
  fsyncTree(partial);
  renameSync(partial, path);
  fsyncPath(root);
  pruneSnapshots(root, keep);
  return treeBytes(path);
}

// Keeps the newest `keep`; each older one is renamed out of the list first, so a crash while
// deleting never leaves a damaged snapshot that looks complete.
export function pruneSnapshots(root: string, keep: number): void {
  for (const name of snapshotNames(root).slice(keep)) {
    const doomed = join(root, `${removingPrefix}${name}`);
    renameSync(join(root, name), doomed);
    rmSync(doomed, { recursive: true, force: true });
  }
}

export function removePartial(root: string): void {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(partialPrefix) || name.startsWith(removingPrefix)) rmSync(join(root, name), { recursive: true, force: true });
  }
}

export function fsyncTree(path: string): void {
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path)) fsyncTree(join(path, entry));
  }
  fsyncPath(path);
}

export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } catch (error) {
    // Some systems (Windows) cannot fsync a directory; the files in it are synced all the same.
    if (!['EISDIR', 'EPERM', 'EINVAL', 'EBADF'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    closeSync(fd);
  }
}

export function treeBytes(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const entry of readdirSync(path)) total += treeBytes(join(path, entry));
  return total;
}

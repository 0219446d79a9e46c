import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// One process owns an embedded data folder: two PGlite instances on the same files would corrupt
// them, and `onland restore` must not swap the folder under a running server. PGlite's own
// postmaster.pid names a fake process (-42), so the owner writes its pid (and, on Linux, its start
// time, so a reused pid is not mistaken for it) to onland.pid. A process killed with -9 leaves the
// file behind; the next one sees its owner is gone and takes it over.
export class DataDirBusyError extends Error {}

const lockName = 'onland.pid';

export type DataDirOwner = { pid: number; startTime: string | null };

export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, lockName);
  for (let attempt = 0; attempt < 3; attempt++) {
    const owner = dataDirOwner(dataDir);
    if (owner) throw busy(dataDir, owner);
    if (existsSync(file)) unlinkSync(file); // a stale file: its process is gone
    try {
      writeFileSync(file, `${process.pid}\n${startTimeOf(process.pid) ?? ''}\n`, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue; // another process got there first: look again
      throw error;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // Only our own file: never one a later owner wrote.
      if (dataDirOwnerPid(file) === process.pid) unlinkSync(file);
    };
  }
  throw new DataDirBusyError(`Could not take the data folder ${dataDir}: another process keeps taking it.`);
}

// The live process (other than this one) that owns the folder, or null.
export function dataDirOwner(dataDir: string): DataDirOwner | null {
  const file = join(dataDir, lockName);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const [pidText, startTime] = text.split('\n');
  const pid = Number(pidText);
  // This very process (e.g. pid 1 again in a restarted container) is not another owner.
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  if (!isAlive(pid)) return null;
  const recorded = startTime?.trim() || null;
  if (recorded && startTimeOf(pid) !== null && startTimeOf(pid) !== recorded) return null;
  return { pid, startTime: recorded };
}

export function busy(dataDir: string, owner: DataDirOwner): DataDirBusyError {
  return new DataDirBusyError(`Another Onland process (pid ${owner.pid}) is using the data folder ${dataDir}. Stop it first; to run several processes, use PostgreSQL (DATABASE_URL).`);
}

function dataDirOwnerPid(file: string): number | null {
  try {
    return Number(readFileSync(file, 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot (Linux only).
function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

import { loadConfig } from '../server/config.ts';
import { listSnapshots, restoreSnapshot, SnapshotError, snapshotsFolder, type SnapshotInfo } from '../server/db/snapshots.ts';

// `onland restore`: the embedded database's snapshots, listed or put back. Files only: the database is not opened.
export async function runRestore(name: string | undefined, options: { list?: boolean }): Promise<void> {
  const config = loadConfig();
  if (config.databaseUrl) {
    throw new SnapshotError('DATABASE_URL is set: on PostgreSQL, back up with pg_dump and bring a backup back with pg_restore (or your host\'s backups). `onland restore` puts back the embedded database\'s snapshots.');
  }
  if (options.list) {
    const snapshots = listSnapshots(config.dataDir);
    if (snapshots.length === 0) {
      console.log(`No snapshots yet in ${snapshotsFolder(config.dataDir)}. The server takes one every ${config.snapshotMinutes || 60} minutes (ONLAND_SNAPSHOT_MINUTES) and when it stops.`);
      return;
    }
    console.log(`Snapshots in ${snapshotsFolder(config.dataDir)}, newest first:`);
    for (const snapshot of snapshots) console.log(`  ${snapshot.name}   ${describe(snapshot)}`);
    return;
  }
  const { snapshot, keptAside } = restoreSnapshot(config.dataDir, name, { now: new Date() });
  console.log(`Restored the snapshot ${snapshot.name} (${describe(snapshot)}).`);
  if (keptAside) console.log(`The database it replaced is kept in ${keptAside}; delete that folder once you are happy.`);
  console.log('Start Onland again with `onland start`.');
}

function describe(snapshot: SnapshotInfo): string {
  const when = snapshot.takenAt.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
  return `taken ${when}, ${(snapshot.bytes / 1024 / 1024).toFixed(1)} MB`;
}

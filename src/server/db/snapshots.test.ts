import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { onPostgres } from '../../../test/helpers.ts';
import { DataDirBusyError } from './data-dir-lock.ts';
import { openDatabase } from './index.ts';
import { listSnapshots, restoreSnapshot, SnapshotError, snapshotName, snapshotsFolder, takeSnapshot } from './snapshots.ts';

// Snapshots of a real PGlite folder (no migrations: a table of our own is enough here).
describe('embedded snapshots', { skip: onPostgres && 'the embedded mode\'s (PGlite); the PGlite run covers them' }, () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 11, 3, 6, minute, 0));

  // Each holds a database and its snapshots: hundreds of MB, removed when the tests end.
  const folders: string[] = [];
  after(() => { for (const folder of folders) rmSync(folder, { recursive: true, force: true }); });

  async function embedded() {
    const dataDir = mkdtempSync(join(tmpdir(), 'onland-snap-'));
    folders.push(dataDir);
    const database = await openDatabase({ dataDir });
    await database.exec('create table notes (id int primary key, body text not null)');
    return { dataDir, database };
  }
  const bodies = async (database: Awaited<ReturnType<typeof openDatabase>>) => (await database.query('select body from notes order by id')).rows.map((r) => r.body);

  test('keeps the last N, newest first, and a restore brings one back with the current folder kept aside', async () => {
    const { dataDir, database } = await embedded();
    try {
      for (let n = 1; n <= 3; n++) {
        await database.query('insert into notes values ($1, $2)', [n, `note ${n}`]);
        await takeSnapshot(database.pglite!, dataDir, { now: at(n), keep: 2 });
      }
      await database.query('insert into notes values (5, $1)', ['after the last snapshot']);
      const kept = listSnapshots(dataDir);
      assert.deepEqual(kept.map((s) => s.name), [snapshotName(at(3)), snapshotName(at(2))]);
      assert.deepEqual(readdirSync(snapshotsFolder(dataDir)).sort(), kept.map((s) => s.name).sort(), 'older ones are gone, nothing half-deleted left');
      assert.ok(kept[0]!.bytes > 1_000_000, `a whole database folder, not ${kept[0]!.bytes} bytes`);
      assert.equal(existsSync(join(kept[0]!.path, 'postmaster.pid')), false);

      // Refused while the folder is in use (here, by a process that is not the restoring one).
      writeFileSync(join(dataDir, 'onland.pid'), `${process.ppid}\n\n`);
      assert.throws(() => restoreSnapshot(dataDir, undefined, { now: at(10) }), DataDirBusyError);
    } finally {
      await database.close();
    }
    unlinkSync(join(dataDir, 'onland.pid'));

    assert.throws(() => restoreSnapshot(dataDir, 'yesterday', { now: at(10) }), (error: Error) => error instanceof SnapshotError && error.message.includes(snapshotName(at(3))));
    const restored = restoreSnapshot(dataDir, snapshotName(at(2)), { now: at(10) });
    assert.equal(restored.snapshot.name, snapshotName(at(2)));
    assert.equal(restored.keptAside, join(dataDir, `pgdata.before-restore-${snapshotName(at(10))}`));

    const reopened = await openDatabase({ dataDir });
    try {
      assert.deepEqual(await bodies(reopened), ['note 1', 'note 2']);
    } finally {
      await reopened.close();
    }
    // What was there before the restore is still there, under its new name.
    const aside = join(dataDir, 'aside');
    mkdirSync(aside);
    renameSync(restored.keptAside!, join(aside, 'pgdata'));
    const before = await openDatabase({ dataDir: aside });
    try {
      assert.deepEqual(await bodies(before), ['note 1', 'note 2', 'note 3', 'after the last snapshot']);
    } finally {
      await before.close();
    }
  });

  test('after a write-heavy stretch, a snapshot holds only the write-ahead log it needs, and every row', async () => {
    const { dataDir, database } = await embedded();
    try {
      await database.exec(`insert into notes select g, repeat('x', 200) from generate_series(1, 150000) g`);
      await database.exec(`update notes set body = 'changed' where id % 2 = 0`);
      assert.ok(readdirSync(join(dataDir, 'pgdata', 'pg_wal')).length > 4, 'several segments of write-ahead log');
      const snapshot = await takeSnapshot(database.pglite!, dataDir, { now: at(1), keep: 5 });
      await database.query('insert into notes values (0, $1)', ['after the snapshot']);
      assert.equal(readdirSync(join(snapshot.path, 'pg_wal')).filter((name) => /^[0-9A-F]{24}$/.test(name)).length, 1);
    } finally {
      await database.close();
    }
    restoreSnapshot(dataDir, undefined, { now: at(2) });
    const restored = await openDatabase({ dataDir });
    try {
      const { rows } = await restored.query(`select count(*)::int as n, count(*) filter (where body = 'changed')::int as changed, min(id) as first from notes`);
      assert.deepEqual(rows[0], { n: 150000, changed: 75000, first: 1 });
    } finally {
      await restored.close();
    }
  });

  test('a half-written snapshot is never listed and is cleaned up by the next one', async () => {
    const { dataDir, database } = await embedded();
    try {
      // What a crash in the middle of a snapshot, or of removing an old one, leaves behind.
      const root = snapshotsFolder(dataDir);
      mkdirSync(join(root, `.partial-${snapshotName(at(1))}`, 'base'), { recursive: true });
      writeFileSync(join(root, `.partial-${snapshotName(at(1))}`, 'PG_VERSION'), '17\n');
      mkdirSync(join(root, `.removing-${snapshotName(at(0))}`));
      assert.deepEqual(listSnapshots(dataDir), []);
      assert.throws(() => restoreSnapshot(dataDir, undefined, { now: at(2) }), /There are no snapshots/);

      await database.query('insert into notes values (1, $1)', ['kept']);
      await takeSnapshot(database.pglite!, dataDir, { now: at(2), keep: 5 });
      assert.deepEqual(readdirSync(root), [snapshotName(at(2))]);
    } finally {
      await database.close();
    }
  });
});

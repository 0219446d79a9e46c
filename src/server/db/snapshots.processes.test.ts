import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { freePort, repoRoot, startOnlandReady, stopOnland, type RunningOnland } from '../../../bench/lib/onland-process.ts';
import { onPostgres } from '../../../test/helpers.ts';
import { consistencyProblems, countRows, signUp, startBurst } from '../../../test/write-burst.ts';
import { openDatabase } from './index.ts';
import { listSnapshots, snapshotName, snapshotsFolder } from './snapshots.ts';

const onland = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, [join(repoRoot, 'bin', 'onland.js'), ...args], { env: { ...process.env, DATABASE_URL: '', ...env }, encoding: 'utf8', timeout: 60_000 });

describe('onland restore', () => {
  // The embedded server with a snapshot every 3 seconds, its real schedule, during a burst of
  // writes; then kill -9, `onland restore` of a snapshot taken mid-burst, and a restart on it.
  test('a snapshot taken mid-burst restores to a consistent, current database', { skip: onPostgres && 'snapshots are the embedded mode\'s', timeout: 180_000 }, async (t) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'onland-restore-'));
    const env = { ONLAND_SNAPSHOT_MINUTES: '0.05', ONLAND_SNAPSHOTS_KEEP: '10' };
    const port = await freePort();
    const start = () => startOnlandReady({ dataDir, port, env });
    let running: RunningOnland | undefined;
    try {
      running = await start();
      const session = await signUp(running.url);
      const burst = startBurst(running.url, session.bearer, { clients: 4 });
      await waitFor(() => burst.acks.interactions.length >= 20, running);
      const burstUnderWay = Date.now();
      const newer = () => existsSync(snapshotsFolder(dataDir)) && readdirSync(snapshotsFolder(dataDir)).some((name) => /^\d/.test(name) && name > snapshotName(new Date(burstUnderWay)));
      await waitFor(newer, running);
      const chosen = listSnapshots(dataDir).findLast((s) => s.takenAt.getTime() > burstUnderWay);
      assert.ok(chosen);
      const ackedThen = burst.acks.interactions.length;
      await waitFor(() => burst.acks.interactions.length >= ackedThen + 20, running);

      // Read-only listing works beside the running server; a restore is refused.
      const list = onland({ ONLAND_DATA_DIR: dataDir }, 'restore', '--list');
      assert.equal(list.status, 0, list.stderr);
      assert.match(list.stdout, new RegExp(`${chosen.name}\\s+taken .*, \\d+\\.\\d MB`));
      const refused = onland({ ONLAND_DATA_DIR: dataDir }, 'restore', chosen.name);
      assert.equal(refused.status, 1);
      assert.match(refused.stderr, new RegExp(`pid ${running.pid}`));

      const killed = new Promise((resolve) => running!.child.once('exit', resolve));
      process.kill(running.pid, 'SIGKILL');
      await killed;
      await burst.stop();
      t.diagnostic(`snapshot ${chosen.name}; ${burst.acks.people.size} people and ${burst.acks.interactions.length} interactions acknowledged before the kill`);

      const restored = onland({ ONLAND_DATA_DIR: dataDir }, 'restore', chosen.name);
      assert.equal(restored.status, 0, restored.stderr);
      assert.match(restored.stdout, new RegExp(`Restored the snapshot ${chosen.name}`));
      assert.equal(readdirSync(dataDir).filter((name) => name.startsWith('pgdata.before-restore-')).length, 1, 'the killed database is kept aside');

      // It opens, migrates (nothing to do) and serves the token made before the snapshot.
      running = await start();
      const people = await fetch(`${running.url}/api/v1/people?limit=5`, { headers: { authorization: `Bearer ${session.bearer}` } });
      assert.equal(people.status, 200);
      const before = listSnapshots(dataDir).length;
      await stopOnland(running);
      assert.ok(listSnapshots(dataDir).length > before, 'a clean stop takes a snapshot');

      const database = await openDatabase({ dataDir });
      try {
        const journal = JSON.parse(readFileSync(join(import.meta.dirname, 'migrations', 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
        assert.equal(Number((await database.query('select count(*) as n from drizzle.__drizzle_migrations')).rows[0]!.n), journal.entries.length);
        assert.deepEqual(await consistencyProblems(database), []);
        // Everything acknowledged before the snapshot began is in it; what came after is not.
        const ids = new Set((await database.query('select id from people')).rows.map((r) => r.id));
        const interactionIds = new Set((await database.query('select id from interactions')).rows.map((r) => r.id));
        const takenAt = chosen.takenAt.getTime();
        for (const person of burst.acks.people.values()) if (person.ackedAt < takenAt) assert.ok(ids.has(person.id), `${person.name} missing`);
        for (const interaction of burst.acks.interactions) if (interaction.ackedAt < takenAt) assert.ok(interactionIds.has(interaction.id), `${interaction.note} missing`);
        const stored = await countRows(database, 'interactions');
        assert.ok(stored >= 20 && stored < burst.acks.interactions.length, `${stored} interactions in a snapshot taken mid-burst`);
      } finally {
        await database.close();
      }
    } finally {
      if (running) await stopOnland(running);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('says what to do: no snapshots, a bad name, PostgreSQL', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'onland-restore-'));
    const none = onland({ ONLAND_DATA_DIR: dataDir }, 'restore');
    assert.equal(none.status, 1);
    assert.match(none.stderr, /There are no snapshots in .*snapshots/);
    const empty = onland({ ONLAND_DATA_DIR: dataDir }, 'restore', '--list');
    assert.equal(empty.status, 0);
    assert.match(empty.stdout, /No snapshots yet/);
    const postgres = onland({ ONLAND_DATA_DIR: dataDir, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres' }, 'restore', '--list');
    assert.equal(postgres.status, 1);
    assert.match(postgres.stderr, /pg_dump.*pg_restore/);
    const help = onland({}, 'restore', '--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: onland restore \[options\] \[snapshot\]/);
    assert.equal(existsSync(join(dataDir, 'pgdata')), false, 'nothing was opened');
    rmSync(dataDir, { recursive: true, force: true });
  });
});

async function waitFor(condition: () => boolean | Promise<boolean>, running: RunningOnland, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out; server said:\n${running.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { freePort, startOnlandReady, stopOnland, type RunningOnland } from '../../../bench/lib/onland-process.ts';
import { makeTestDatabase, onPostgres } from '../../../test/helpers.ts';
import { assertAcknowledgedPresent, consistencyProblems, countRows, signUp, startBurst } from '../../../test/write-burst.ts';
import { openDatabase } from './index.ts';

// `onland start` killed with SIGKILL in the middle of a burst of writes, on this run's database
// (a PGlite folder, or a fresh PostgreSQL database when DATABASE_URL is set): after a restart,
// every write that got a 2xx is there and the database is consistent.
test(`every acknowledged write survives kill -9 (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, { timeout: 150_000 }, async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'onland-crash-'));
  const postgres = onPostgres ? await makeTestDatabase() : undefined;
  const env: Record<string, string> = postgres ? { DATABASE_URL: postgres.url! } : {};
  const port = await freePort();
  const start = () => startOnlandReady({ dataDir, port, env });
  let running: RunningOnland | undefined;
  try {
    running = await start();
    const session = await signUp(running.url);
    const burst = startBurst(running.url, session.bearer, { clients: 6 });
    await waitFor(() => burst.acks.interactions.length >= 60, 60_000, () => running!.output());

    const killed = new Promise((resolve) => running!.child.once('exit', resolve));
    process.kill(running.pid, 'SIGKILL');
    await killed;
    const failures = await burst.stop();
    t.diagnostic(`killed after ${burst.acks.people.size} people and ${burst.acks.interactions.length} interactions acknowledged, ${burst.acks.attempts} writes sent`);
    // Every client was cut off by the kill, not refused by the server before it.
    assert.equal(failures.length, 6);
    for (const failure of failures) assert.match(failure, /fetch failed|terminated|other side closed|ECONNRESET|ECONNREFUSED/);

    running = await start();
    await assertAcknowledgedPresent(running.url, session.bearer, burst.acks);
    await stopOnland(running);

    const database = postgres ?? (await openDatabase({ dataDir }));
    try {
      assert.deepEqual(await consistencyProblems(database), []);
      const people = await countRows(database, 'people');
      assert.ok(people >= burst.acks.people.size, `${people} people stored, ${burst.acks.people.size} acknowledged`);
      assert.ok(await countRows(database, 'interactions') >= burst.acks.interactions.length);
    } finally {
      if (!postgres) await database.close();
    }
  } finally {
    if (running) await stopOnland(running);
    await postgres?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

async function waitFor(condition: () => boolean, timeoutMs: number, output: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out; server said:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

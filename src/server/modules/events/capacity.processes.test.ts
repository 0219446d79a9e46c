import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildApp } from '../../app.ts';
import { makeTestDatabase, onPostgres, testConfig } from '../../../../test/helpers.ts';

const root = join(import.meta.dirname, '..', '..', '..', '..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

// `onland serve` as an operator runs it, on the test's own PostgreSQL database.
async function serve(databaseUrl: string): Promise<{ url: string; child: ChildProcess; dataDir: string }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'onland-serve-'));
  const child = spawn(process.execPath, [join(root, 'bin', 'onland.js'), 'serve'], {
    cwd: root,
    // Behind a proxy, each visitor is their own address: the per-address form limit stays as shipped.
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', ONLAND_DATA_DIR: dataDir, ONLAND_SECRET: 'test-secret-test-secret-test-secret', PUBLIC_URL: '', TRUST_PROXY: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, child, dataDir };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`onland serve did not start:\n${output}`);
}

test('2,000 simultaneous RSVPs through 4 server processes on one PostgreSQL give exactly 60 confirmed', { skip: !onPostgres && 'needs DATABASE_URL' }, async () => {
  const database = await makeTestDatabase();
  const servers: Awaited<ReturnType<typeof serve>>[] = [];
  try {
    const { app, services } = await buildApp({ config: testConfig(), database });
    await services.auth.setup({ workspaceName: 'Green Door', name: 'O', email: 'owner@example.org', password: 'long enough password' });
    const auth = await services.auth.ownerAuth();
    const event = await services.events.createSeries(auth, {
      title: 'Sold out meetup', description: '', rrule: null, timezone: 'Europe/Berlin', localStart: '2030-03-14T19:00', durationMinutes: 120,
      capacity: 60, venue: null, address: null, onlineUrl: null, isPublic: true,
    });
    const { slug, id } = event.occurrences[0]!;
    await app.close();

    // Each one kept as soon as it runs, so a failed start still stops the others.
    await Promise.all(Array.from({ length: 4 }, async () => servers.push(await serve(database.url!))));
    let next = 0;
    const statuses: number[] = [];
    const post = async (i: number) => {
      const response = await fetch(`${servers[i % 4]!.url}/e/${slug}/register`, {
        method: 'POST', redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
        body: `name=Guest+${i}&email=guest${i}%40example.org`,
      });
      await response.arrayBuffer();
      statuses.push(response.status);
    };
    // All 2,000 in flight, spread over the four processes.
    await Promise.all(Array.from({ length: 200 }, async () => { while (next < 2000) await post(next++); }));
    assert.deepEqual([...new Set(statuses)], [303]);
    const counts = Object.fromEntries((await database.query(`select status, count(*)::int as n from event_registrations where occurrence_id = $1 group by status`, [id])).rows.map((r) => [r.status, r.n]));
    assert.deepEqual(counts, { confirmed: 60, waitlisted: 1940 });
    const mails = (await database.query(`select count(*)::int as n from mail_queue where message->>'subject' like 'You''re in%'`)).rows[0]!.n;
    assert.equal(mails, 60);
  } finally {
    for (const server of servers) {
      server.child.kill('SIGTERM');
      await new Promise((r) => (server.child.exitCode !== null ? r(null) : server.child.once('exit', r)));
      rmSync(server.dataDir, { recursive: true, force: true });
    }
    await database.dispose();
  }
});

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createServices } from '../server/app.ts';
import { openDatabase } from '../server/db/index.ts';
import { scaledPlan } from '../server/modules/focus/index.ts';
import { makeTestDatabase, onPostgres, testConfig } from '../../test/helpers.ts';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'onland.js');

// `onland focus` as a user runs it, with the hidden --seconds for a session of a few seconds.
describe('onland focus', () => {
  let env: NodeJS.ProcessEnv;
  let dispose = async () => {};
  before(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'onland-focus-'));
    env = { ...process.env, ONLAND_DATA_DIR: dataDir, DATABASE_URL: '' };
    if (onPostgres) {
      const database = await makeTestDatabase();
      env.DATABASE_URL = database.url;
      dispose = database.dispose;
    }
    const setup = onland('setup', '--workspace', 'Green Door', '--email', 'olivia@example.com', '--password', 'a strong password');
    assert.equal(setup.status, 0, setup.stderr);
  });
  after(() => dispose());

  const onland = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', timeout: 90_000 });

  // The sessions as the server records them (the CLI has closed the database by now).
  async function withServices<T>(run: (services: ReturnType<typeof createServices>) => Promise<T>): Promise<T> {
    const database = env.DATABASE_URL ? await openDatabase({ databaseUrl: env.DATABASE_URL }) : await openDatabase({ dataDir: env.ONLAND_DATA_DIR! });
    try {
      return await run(createServices({ config: testConfig({ dataDir: env.ONLAND_DATA_DIR! }), database }));
    } finally {
      await database.close();
    }
  }
  const sessions = () => withServices(async (services) => services.focus.list(await services.auth.ownerAuth(), 10));

  test('runs every phase with its bar and records the session as ended on time', async () => {
    const run = onland('focus', '--seconds', '4', '--channel', 'mastodon', '--channel', 'linkedin');
    assert.equal(run.status, 0, run.stderr);
    const phases = run.stdout.split('\n').filter((line) => /\[#+\] done/.test(line)).map((line) => line.split(' ')[0]);
    assert.deepEqual(phases, ['Read', 'Write', 'Reply', 'Leave']);
    assert.match(run.stdout, /Ended on time/);
    const [session] = await sessions();
    assert.deepEqual(session?.channels, ['mastodon', 'linkedin']);
    assert.equal(session?.endedEarly, false);
    assert.deepEqual(session?.actualSeconds, scaledPlan(4));
  });

  test('Ctrl-C ends the session early and records what was spent', async () => {
    const child = spawn(process.execPath, [bin, 'focus', '--seconds', '600', '--channel', 'bluesky'], { env });
    let stdout = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stdout += chunk; });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const deadline = Date.now() + 30_000;
    while (!stdout.includes('Focus on') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.match(stdout, /Focus on bluesky/);
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGINT');
    assert.equal(await exited, 0, stdout);
    assert.match(stdout, /Ended early/);
    const [session] = await sessions();
    assert.deepEqual(session?.channels, ['bluesky']);
    assert.equal(session?.endedEarly, true);
    assert.ok(session!.actualSeconds.read >= 1 && session!.actualSeconds.read < 120, `read ${session!.actualSeconds.read}s`);
    assert.equal(session?.actualSeconds.write, 0);
  });

  test('a session already running (started in the browser) is followed, not doubled', async () => {
    // Long enough to outlast the CLI's start on a busy machine; a fresh session would be 2 seconds on mastodon.
    const started = await withServices(async (services) => services.focus.start(await services.auth.ownerAuth(), { channels: ['x'], phaseSeconds: scaledPlan(40) }));
    const run = onland('focus', '--seconds', '2', '--channel', 'mastodon');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Following the session started at .* on x/);
    const [session] = await sessions();
    assert.equal(session?.id, started.id);
    assert.equal(session?.endedEarly, false);
  });

  test('without a channel or budget it says what to type', () => {
    const run = onland('focus', '--seconds', '2');
    assert.equal(run.status, 1);
    assert.match(run.stderr, /Name a channel with --channel/);
    const bad = onland('focus', '--channel', 'myspace');
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, /use one of mastodon/);
  });
});

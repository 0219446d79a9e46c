import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildApp } from '../server/app.ts';
import { openDatabase } from '../server/db/index.ts';
import { makeTestDatabase, onPostgres, testConfig } from '../../test/helpers.ts';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'onland.js');

// The CLI as a user runs it: a child process on this run's database (a temp data folder, or a fresh PostgreSQL database).
describe('onland CLI', () => {
  let env: NodeJS.ProcessEnv;
  let dispose = async () => {};
  before(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'onland-cli-'));
    env = { ...process.env, ONLAND_DATA_DIR: dataDir, DATABASE_URL: '' };
    if (onPostgres) {
      const database = await makeTestDatabase();
      env.DATABASE_URL = database.url;
      dispose = database.dispose;
    }
  });
  after(() => dispose());

  const onland = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', timeout: 60_000 });

  test('bad arguments exit non-zero and say what to type', () => {
    const unknown = onland('frobnicate');
    assert.notEqual(unknown.status, 0);
    assert.match(unknown.stderr, /unknown command 'frobnicate'/);
    assert.match(unknown.stderr, /--help/);

    const missing = onland('setup', '--workspace', 'Acme');
    assert.notEqual(missing.status, 0);
    assert.match(missing.stderr, /--email/);

    const invalid = onland('setup', '--workspace', 'Acme', '--email', 'not-an-email', '--password', 'short');
    assert.notEqual(invalid.status, 0);
    assert.match(invalid.stderr, /email: Invalid email/);
    assert.match(invalid.stderr, /password: At least 10 characters/);
  });

  test('--help works on every command', () => {
    for (const args of [['--help'], ['start', '--help'], ['setup', '--help'], ['token', 'create', '--help'], ['user', 'reset-password', '--help'], ['demo', '--help']]) {
      const result = onland(...args);
      assert.equal(result.status, 0, args.join(' '));
      assert.match(result.stdout, /Usage: onland/);
    }
  });

  test('setup, then a token that the API accepts, then a password reset', async () => {
    const setup = onland('setup', '--workspace', 'Green Door', '--email', 'Olivia@Example.com', '--password', 'a strong password');
    assert.equal(setup.status, 0, setup.stderr);
    assert.equal(onland('setup', '--workspace', 'Again', '--email', 'x@example.com', '--password', 'a strong password').status, 1);

    const created = onland('token', 'create', '--email', 'olivia@example.com', '--name', 'backup');
    assert.equal(created.status, 0, created.stderr);
    const token = created.stdout.trim();
    assert.match(token, /^onl_/);
    assert.equal(onland('token', 'create', '--email', 'nobody@example.com', '--name', 'x').status, 1);

    const reset = onland('user', 'reset-password', '--email', 'olivia@example.com');
    assert.equal(reset.status, 0, reset.stderr);
    const newPassword = reset.stdout.trim().split(': ').at(-1)!;

    // The same database, opened the way the server opens it.
    const database = env.DATABASE_URL ? await openDatabase({ databaseUrl: env.DATABASE_URL }) : await openDatabase({ dataDir: env.ONLAND_DATA_DIR! });
    const { app } = await buildApp({ config: testConfig({ dataDir: env.ONLAND_DATA_DIR! }), database });
    try {
      const people = await app.inject({ url: '/api/v1/people', headers: { authorization: `Bearer ${token}` } });
      assert.equal(people.statusCode, 200);
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'olivia@example.com', password: newPassword } });
      assert.equal(login.statusCode, 200);
      const oldLogin = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'olivia@example.com', password: 'a strong password' } });
      assert.equal(oldLogin.statusCode, 401);
    } finally {
      await app.close();
      await database.close();
    }
  });

  test('import prints a report, then the same file again creates nothing; today prints the list', () => {
    const file = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'imports', 'linkedin', 'Connections.csv');
    const first = onland('import', 'linkedin', file);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /people: 5 created, 0 updated/);
    assert.match(first.stdout, /line 10: No name and no profile URL/);
    assert.match(first.stderr, /\[#+\] done/);

    const again = onland('import', 'linkedin', file, '--json');
    assert.equal(again.status, 0, again.stderr);
    const report = JSON.parse(again.stdout).report;
    assert.equal(report.peopleCreated, 0);
    assert.equal(report.peopleUnchanged, 5);

    const wrong = onland('import', 'vcard', file);
    assert.equal(wrong.status, 1);
    assert.match(wrong.stderr, /\nerror: This is not a vCard file/);
    assert.notEqual(onland('import', 'nope', file).status, 0);
    assert.match(onland('import', 'linkedin', '/no/such/file.csv').stderr, /There is no file or folder/);

    const backupFile = join(env.ONLAND_DATA_DIR!, 'backup.json');
    const exported = onland('export', 'backup', '--output', backupFile);
    assert.equal(exported.status, 0, exported.stderr);
    assert.equal(JSON.parse(readFileSync(backupFile, 'utf8')).people.people.length, 5);
    const restoreHere = onland('import', 'backup', backupFile);
    assert.equal(restoreHere.status, 1);
    assert.match(restoreHere.stderr, /fresh instance/);
    const csv = onland('export', 'people-csv');
    assert.match(csv.stdout, /^id,name,given_name/);
    assert.match(onland('export', 'vcard').stdout, /BEGIN:VCARD/);
    assert.notEqual(onland('export', 'everything').status, 0);

    const today = onland('today', '--json');
    assert.equal(today.status, 0, today.stderr);
    assert.deepEqual(JSON.parse(today.stdout).sections.map((s: { key: string }) => s.key), ['call_or_meet', 'owed', 'keep_in_touch']);
    assert.equal(onland('today').status, 0);
  });
});

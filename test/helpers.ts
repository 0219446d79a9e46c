import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import type { Config } from '../src/server/config.ts';
import type { Clock } from '../src/server/core/clock.ts';
import { openDatabase, type Database } from '../src/server/db/index.ts';

const migrationsFolder = join(import.meta.dirname, '..', 'src', 'server', 'db', 'migrations');
const pgliteVersion = (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')) as { version: string }).version;

// Integration tests run on PGlite, or on a fresh PostgreSQL database when DATABASE_URL is set.
export const onPostgres = Boolean(process.env.DATABASE_URL);

export async function makeTestDatabase(): Promise<Database & { dispose: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ dataDir: 'memory', loadDataDir: await migratedSnapshot() });
    // Applies nothing when the snapshot is current; it is taken from these same migrations.
    await database.migrate();
    return Object.assign(database, { dispose: () => database.close() });
  }
  const name = `onland_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  await database.migrate();
  return Object.assign(database, {
    dispose: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  });
}

// An empty PGlite cluster takes seconds to create (initdb) and more to migrate, in every test file.
// So the first test process to need one migrates a fresh in-memory database and keeps its files as
// a snapshot in the temp folder, named by the migrations and the PGlite version; every test database
// after that starts from it. A changed migration is a new name, so a new snapshot.
let snapshot: Promise<Blob> | undefined;
function migratedSnapshot(): Promise<Blob> {
  return (snapshot ??= (async () => {
    const hash = createHash('sha256').update(pgliteVersion);
    for (const file of readdirSync(migrationsFolder, { recursive: true, encoding: 'utf8' }).sort()) {
      const path = join(migrationsFolder, file);
      if (statSync(path).isFile()) hash.update(file).update(readFileSync(path));
    }
    const file = join(tmpdir(), `onland-test-pglite-${hash.digest('hex').slice(0, 16)}.tar`);
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    const database = await openDatabase({ dataDir: 'memory' });
    try {
      await database.migrate();
      const dump = await database.pglite!.dumpDataDir('none');
      // Written whole, then renamed: a test process reading it never sees half a file.
      const partial = `${file}.${process.pid}.partial`;
      writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      renameSync(partial, file);
      return dump;
    } finally {
      await database.close();
    }
  })());
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    databaseUrl: undefined,
    dataDir: mkdtempSync(join(tmpdir(), 'onland-test-')),
    port: 0,
    host: '127.0.0.1',
    publicUrl: 'http://localhost:3000',
    smtpUrl: undefined,
    mailFrom: 'Onland <onland@localhost.localdomain>',
    secret: 'test-secret-test-secret-test-secret',
    sessionDays: 30,
    trustProxy: false,
    formRateLimit: 10,
    snapshotMinutes: 0,
    snapshotsKeep: 5,
    ...overrides,
  };
}

// Event pages are not cached unless a test asks (pageCacheMs): tests look at a page right after changing its event.
export async function makeTestApp(options: { clock?: Clock; loginRateLimit?: number; formRateLimit?: number; pageCacheMs?: number; config?: Partial<Config> } = {}) {
  const database = await makeTestDatabase();
  const config = testConfig(options.config);
  const { app, services, routes } = await buildApp({ config, database, clock: options.clock, loginRateLimit: options.loginRateLimit ?? 1000, formRateLimit: options.formRateLimit ?? 1000, pageCacheMs: options.pageCacheMs ?? 0 });
  await app.ready();
  return {
    app, services, routes, database, config,
    close: async () => {
      await app.close();
      await database.dispose();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

export const owner = { workspaceName: 'Green Door Coaching', name: 'Olivia Owner', email: 'olivia@example.com', password: 'correct horse battery' };

// A signed-in browser: the session cookie plus the CSRF header every write needs.
export type Browser = { headers: Record<string, string>; cookie: string; csrf: string };

export async function setupOwner(app: TestApp['app']): Promise<Browser> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/setup', payload: owner });
  if (response.statusCode !== 201) throw new Error(`setup failed: ${response.statusCode} ${response.body}`);
  return browserFrom(response);
}

export function browserFrom(response: { cookies: { name: string; value: string }[]; json: () => { csrfToken: string } }): Browser {
  const cookie = response.cookies.find((c) => c.name === 'onland_session');
  if (!cookie) throw new Error('no session cookie');
  const csrf = response.json().csrfToken;
  return { cookie: cookie.value, csrf, headers: { cookie: `onland_session=${cookie.value}`, 'x-csrf-token': csrf } };
}

export async function bearer(app: TestApp['app'], browser: Browser, name = 'script'): Promise<Record<string, string>> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: browser.headers, payload: { name } });
  if (response.statusCode !== 201) throw new Error(`token failed: ${response.body}`);
  return { authorization: `Bearer ${response.json().token}` };
}

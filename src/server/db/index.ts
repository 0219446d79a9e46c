import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { shareEventLoop } from './pglite-turns.ts';

// Drizzle over either driver; both speak the same PostgreSQL.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = PgDatabase<any>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type SqlResult = { rows: Record<string, unknown>[]; rowCount?: number | null };

export type Database = {
  kind: 'pglite' | 'postgres';
  db: Db;
  // Raw SQL for infrastructure (job queue, health), never for domain rules.
  query: (text: string, values?: unknown[]) => Promise<SqlResult>;
  exec: (text: string) => Promise<SqlResult[]>;
  migrate: () => Promise<void>;
  close: () => Promise<void>;
  // PGlite only: the handle for snapshots and the job queue adapter.
  pglite?: PGlite;
  // PostgreSQL only: the connection string, for the job queue's own pool.
  url?: string;
};

export type DatabaseOptions =
  | { databaseUrl: string; poolSize?: number }
  // loadDataDir: start from a PGlite snapshot (dumpDataDir) instead of an empty cluster; tests use a migrated one.
  | { databaseUrl?: undefined; dataDir: string | 'memory'; loadDataDir?: Blob };

const migrationsFolder = join(import.meta.dirname, 'migrations');
const migrationLockKey = 7_001_001;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  const { dataDir, loadDataDir } = options as { dataDir: string; loadDataDir?: Blob };
  return openPglite(dataDir, loadDataDir);
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Database> {
  let path: string | undefined;
  let unlock = () => {};
  if (dataDir !== 'memory') {
    path = join(dataDir, 'pgdata');
    mkdirSync(path, { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  // A small buffer cache keeps the embedded database's memory modest; the OS page cache still holds the files.
  const client = await PGlite.create(path, { extensions: { pg_trgm }, postgresqlconf: 'shared_buffers = 16MB', loadDataDir }).catch((error: unknown) => {
    unlock();
    throw error;
  });
  shareEventLoop(client);
  const db = drizzlePglite({ client }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite: client,
    query: async (text, values) => {
      const result = await client.query(text, values as unknown[]);
      return { rows: result.rows as Record<string, unknown>[], rowCount: result.affectedRows ?? null };
    },
    exec: async (text) => (await client.exec(text)).map((r) => ({ rows: r.rows as Record<string, unknown>[], rowCount: r.affectedRows ?? null })),
    // One process owns a PGlite folder (data-dir-lock.ts), so migrations need no lock of their own.
    migrate: () => migratePglite(drizzlePglite({ client }), { migrationsFolder }),
    close: async () => {
      await client.close();
      unlock();
    },
  };
}

// A connection of Onland's pool, set up before its first use. No JIT compilation: Onland's statements
// run in milliseconds, and PostgreSQL's JIT, which starts when a plan's estimated cost is high (an
// aggregate over a year of interactions), spent over a second compiling for a statement that then ran
// in 200 ms. (A session setting, not a startup option, which poolers such as PgBouncer may refuse.)
class SessionClient extends pg.Client {
  override connect(): Promise<pg.Client>;
  override connect(callback: ((err: Error) => void) | ((err: null, client: pg.Client) => void)): void;
  override connect(callback?: ((err: Error) => void) | ((err: null, client: pg.Client) => void)): Promise<pg.Client> | void {
    const ready = super.connect().then(() => this.query('set jit = off')).then(() => this);
    if (!callback) return ready;
    // pg-pool connects with a callback: (null, client) for success, (error) for failure.
    const done = callback as (err: Error | null, client?: pg.Client) => void;
    ready.then((client) => done(null, client), (err: Error) => done(err));
  }
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, Client: SessionClient });
  // An idle client that dies (server restart) must not crash the process.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    url,
    query: async (text, values) => {
      const result = await pool.query(text, values);
      return { rows: result.rows, rowCount: result.rowCount };
    },
    exec: async (text) => {
      const result = (await pool.query(text)) as pg.QueryResult | pg.QueryResult[];
      return (Array.isArray(result) ? result : [result]).map((r) => ({ rows: r.rows, rowCount: r.rowCount }));
    },
    // Many serve and worker processes may start together: one migrates, the others wait.
    migrate: async () => {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [migrationLockKey]);
        await migratePg(drizzlePg({ client }), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [migrationLockKey]).catch(() => {});
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

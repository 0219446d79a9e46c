import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { createServices, type Services } from '../../src/server/app.ts';
import type { Config } from '../../src/server/config.ts';
import type { Database, Db } from '../../src/server/db/index.ts';

export type CapturedQuery = { sql: string; params: unknown[] };

// The SQL a service call sends, captured by a logging Drizzle on the same database, so the
// plan we print is of the query the service really runs (timed calls run without the logger).
export async function captureQueries(database: Database, config: Config, call: (services: Services) => Promise<unknown>): Promise<CapturedQuery[]> {
  const queries: CapturedQuery[] = [];
  const logger = { logQuery: (sql: string, params: unknown[]) => void queries.push({ sql, params }) };
  const pool = database.pglite ? undefined : loggingPool(database.url!);
  const db = pool ? drizzlePg({ client: pool, logger }) : drizzlePglite({ client: database.pglite!, logger });
  try {
    await call(createServices({ config, database: { ...database, db: db as unknown as Db } }));
  } finally {
    await pool?.end();
  }
  return queries;
}

// The queries a service call sends, up to and including the first that `stop` picks; the call is
// abandoned there (its transaction rolls back), so one batch of a long job can be explained alone.
export async function captureQueriesUntil(database: Database, config: Config, call: (services: Services) => Promise<unknown>, stop: (query: CapturedQuery) => boolean): Promise<CapturedQuery[]> {
  const queries: CapturedQuery[] = [];
  const enough = new Error('enough queries captured');
  const logger = {
    logQuery: (sql: string, params: unknown[]) => {
      queries.push({ sql, params });
      if (stop({ sql, params })) throw enough;
    },
  };
  const pool = database.pglite ? undefined : loggingPool(database.url!);
  const db = pool ? drizzlePg({ client: pool, logger }) : drizzlePglite({ client: database.pglite!, logger });
  try {
    await call(createServices({ config, database: { ...database, db: db as unknown as Db } }));
  } catch (error) {
    if (error !== enough) throw error;
  } finally {
    await pool?.end();
  }
  return queries;
}

// pool.end() resolves before the server has closed the sessions; when the scratch database is then
// dropped WITH (FORCE), a late "terminating connection" must not crash the bench (as in db/index.ts).
function loggingPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  pool.on('error', () => {});
  return pool;
}

export async function explainAnalyze(database: Database, query: CapturedQuery): Promise<string> {
  const result = await database.query(`explain (analyze, buffers) ${query.sql}`, query.params);
  return result.rows.map((row) => String(row['QUERY PLAN'])).join('\n');
}

// EXPLAIN ANALYZE runs the statement: a write is explained inside a transaction that rolls back.
// `settings` are the `set local` statements the service ran before it in its own transaction.
export async function explainAnalyzeRolledBack(database: Database, query: CapturedQuery, settings: string[] = []): Promise<string> {
  const text = `explain (analyze, buffers) ${query.sql}`;
  let rows: Record<string, unknown>[] = [];
  if (database.pglite) {
    await database.pglite.transaction(async (tx) => {
      for (const setting of settings) await tx.query(setting);
      rows = (await tx.query<Record<string, unknown>>(text, query.params)).rows;
      await tx.rollback();
    });
  } else {
    const client = new pg.Client({ connectionString: database.url });
    client.on('error', () => {});
    await client.connect();
    try {
      // As Onland's own connections run (db/index.ts): no JIT, whose compile time the plans would show otherwise.
      await client.query('set jit = off');
      await client.query('begin');
      for (const setting of settings) await client.query(setting);
      rows = (await client.query(text, query.params)).rows;
    } finally {
      await client.query('rollback').catch(() => {});
      await client.end();
    }
  }
  return rows.map((row) => String(row['QUERY PLAN'])).join('\n');
}

// Plans of queries with thousands of inline values print them all; keep each line readable.
export function clipLines(text: string, width = 240): string {
  return text.split('\n').map((line) => (line.length > width ? `${line.slice(0, width)}…` : line)).join('\n');
}

// One line per plan: which scans it used, how many rows it read and threw away, how long it took.
// A plan that reads most of the table to return one page is flagged as a full scan.
// Given bigTables, only a sequential scan of one of those counts (a few rows of settings do not).
export function summarisePlan(plan: string, tableRows: number, bigTables?: string[]): { line: string; fullScan: boolean } {
  const scans = [...plan.matchAll(/((?:Parallel )?(?:Seq Scan|Index Only Scan|Index Scan|Bitmap Heap Scan|Bitmap Index Scan)(?: Backward)?(?: using \S+)?(?: on \S+)?).*?actual time=\S+ rows=(\d+)/g)]
    .map((m) => ({ node: m[1]!, rows: Number(m[2]) }));
  const removed = [...plan.matchAll(/Rows Removed by (?:Filter|Index Recheck): (\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
  const read = Math.max(0, ...scans.map((s) => s.rows)) + removed;
  const seqScan = scans.some((s) => /^(Parallel )?Seq Scan/.test(s.node) && (!bigTables || bigTables.includes(/ on (\S+)/.exec(s.node)?.[1] ?? '')));
  const fullScan = seqScan || read >= tableRows / 2;
  const time = /Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? '?';
  const line = `${scans.map((s) => `${s.node} (${s.rows} rows)`).join(', ')}; removed by filter/recheck ${removed}; execution ${time} ms${fullScan ? '; FULL SCAN' : ''}`;
  return { line, fullScan };
}

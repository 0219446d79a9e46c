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
  let pool: pg.Pool | undefined;
  const db = database.pglite
    ? drizzlePglite({ client: database.pglite, logger })
    : drizzlePg({ client: (pool = new pg.Pool({ connectionString: database.url, max: 1 })), logger });
  try {
    await call(createServices({ config, database: { ...database, db: db as unknown as Db } }));
  } finally {
    await pool?.end();
  }
  return queries;
}

export async function explainAnalyze(database: Database, query: CapturedQuery): Promise<string> {
  const result = await database.query(`explain (analyze, buffers) ${query.sql}`, query.params);
  return result.rows.map((row) => String(row['QUERY PLAN'])).join('\n');
}

// One line per plan: which scans it used, how many rows it read and threw away, how long it took.
// A plan that reads most of the table to return one page is flagged as a full scan.
export function summarisePlan(plan: string, tableRows: number): { line: string; fullScan: boolean } {
  const scans = [...plan.matchAll(/((?:Parallel )?(?:Seq Scan|Index Only Scan|Index Scan|Bitmap Heap Scan|Bitmap Index Scan)(?: Backward)?(?: using \S+)?(?: on \S+)?).*?actual time=\S+ rows=(\d+)/g)]
    .map((m) => ({ node: m[1]!, rows: Number(m[2]) }));
  const removed = [...plan.matchAll(/Rows Removed by (?:Filter|Index Recheck): (\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
  const read = Math.max(0, ...scans.map((s) => s.rows)) + removed;
  const fullScan = scans.some((s) => s.node.startsWith('Seq Scan')) || read >= tableRows / 2;
  const time = /Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? '?';
  const line = `${scans.map((s) => `${s.node} (${s.rows} rows)`).join(', ')}; removed by filter/recheck ${removed}; execution ${time} ms${fullScan ? '; FULL SCAN' : ''}`;
  return { line, fullScan };
}

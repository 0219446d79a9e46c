import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Tx } from './index.ts';
import { columnList, columnsOf, type Keys } from './records.ts';

// Many rows written with COPY … FROM as CSV: PostgreSQL reads each value with its type's input
// function and evaluates no expression and no JSON per row. An import's 95,000 new people took
// 18.9 s on PGlite as one JSON parameter and 12.6 s as COPY (most of what remains is their indexes).

// `rows` (objects keyed as the table's fields) into `target`: the table itself, or a temp table
// with the same names and types for those columns. The rows are read as PostgreSQL asks for them,
// so a generator's work on the next ones overlaps the server's on those before.
export async function copyRows<T extends PgTable>(tx: Tx, table: T, keys: Keys<T>, rows: Iterable<Record<string, unknown>>, target: string = getTableName(table)): Promise<void> {
  const columns = columnsOf(table, keys);
  const encoders = columns.map((c) => encoderFor(c.getSQLType()));
  const statement = `copy ${pg.escapeIdentifier(target)} (${columns.map((c) => pg.escapeIdentifier(c.name)).join(', ')}) from %SOURCE% with (format csv)`;
  // The CSV in parts of a thousand rows: no one string of the whole file.
  function* parts(): Generator<string> {
    let part = '';
    let count = 0;
    for (const row of rows) {
      part += keys.map((key, i) => csvField(row[key], encoders[i]!)).join(',') + '\n';
      if (++count % 1000 === 0) {
        yield part;
        part = '';
      }
    }
    if (part) yield part;
  }
  const client = (tx as unknown as { session: { client: unknown } }).session.client;
  if (client instanceof pg.Client) {
    await pipeline(Readable.from(parts()), client.query(copyFrom(statement.replace('%SOURCE%', 'stdin'))));
  } else {
    // PGlite reads COPY input from a blob under the name /dev/blob.
    const pglite = client as { query: (text: string, params: unknown[], options: { blob: Blob }) => Promise<unknown> };
    await pglite.query(statement.replace('%SOURCE%', `'/dev/blob'`), [], { blob: new Blob([...parts()]) });
  }
}

// `rows` copied into the temp table `name`, with those columns of `table` (gone at commit), for a
// statement to read them from: returns the name to select from.
export async function copyToTemp<T extends PgTable>(tx: Tx, table: T, keys: Keys<T>, rows: Iterable<Record<string, unknown>>, name: string): Promise<SQL> {
  const temp = sql.identifier(name);
  // A transaction may stage into the same name again.
  await tx.execute(sql`drop table if exists pg_temp.${temp}`);
  await tx.execute(sql`create temp table ${temp} on commit drop as select ${columnList(table, keys)} from ${table} with no data`);
  await copyRows(tx, table, keys, rows, name);
  return sql`${temp}`;
}

type Encoder = (value: unknown) => string;

function encoderFor(sqlType: string): Encoder {
  if (sqlType.endsWith('[]')) return (value) => `{${(value as unknown[]).map(arrayElement).join(',')}}`;
  if (sqlType === 'jsonb' || sqlType === 'json') return (value) => JSON.stringify(value);
  return (value) => (value instanceof Date ? value.toISOString() : typeof value === 'boolean' ? (value ? 't' : 'f') : String(value));
}

function arrayElement(value: unknown): string {
  return value === null || value === undefined ? 'NULL' : `"${String(value).replace(/[\\"]/g, '\\$&')}"`;
}

// NULL is an unquoted empty field; every value is quoted, so an empty text stays an empty text.
function csvField(value: unknown, encode: Encoder): string {
  if (value === null || value === undefined) return '';
  return `"${encode(value).replaceAll('"', '""')}"`;
}

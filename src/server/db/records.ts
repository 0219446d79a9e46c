import { getTableColumns, sql, type Column, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

// Many rows written in one statement: sent as one JSON parameter and read back as a record set,
// typed by the table's own columns (a parameter per column and row costs more to build than the write).

export type Keys<T extends PgTable> = readonly (keyof T['$inferInsert'] & string)[];

// The table's columns for these fields, in their order.
export const columnsOf = <T extends PgTable>(table: T, keys: Keys<T>) => {
  const columns = getTableColumns(table) as Record<string, Column>;
  return keys.map((key) => columns[key]!);
};

// The columns' names, as an insert's column list or (with an alias) a select's.
export function columnList<T extends PgTable>(table: T, keys: Keys<T>, alias?: string): SQL {
  return sql.join(columnsOf(table, keys).map((c) => (alias ? sql`${sql.identifier(alias)}.${sql.identifier(c.name)}` : sql.identifier(c.name))), sql`, `);
}

// `rows` (objects keyed as the table's fields) as the record set `alias` with those columns. Its rows come in
// the array's order (a function scan), which an insert of it keeps.
export function recordSet<T extends PgTable>(table: T, keys: Keys<T>, rows: Record<string, unknown>[], alias = 'r'): SQL {
  const columns = columnsOf(table, keys);
  const json = JSON.stringify(rows.map((row) => Object.fromEntries(keys.map((key, i) => [columns[i]!.name, row[key] ?? null]))));
  const types = sql.join(columns.map((c) => sql`${sql.identifier(c.name)} ${sql.raw(c.getSQLType())}`), sql`, `);
  return sql`json_to_recordset(${json}::json) as ${sql.identifier(alias)}(${types})`;
}

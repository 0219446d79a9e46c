import { asc, eq, getTableColumns, type Column } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from './index.ts';

// Whole-table copies for backups: a module exports and restores its own tables with these.

type Row = Record<string, unknown>;

// Every row of a workspace, in a stable order, with times as ISO text (JSON as it will be written).
export async function exportRows(db: Db, table: PgTable, workspaceId: string, orderBy: Column[]): Promise<Row[]> {
  const columns = getTableColumns(table) as Record<string, Column>;
  const rows = await db.select().from(table).where(eq(columns.workspaceId!, workspaceId)).orderBy(...orderBy.map((c) => asc(c)));
  return JSON.parse(JSON.stringify(rows)) as Row[];
}

// Writes exported rows back, turning ISO text into Dates for timestamp columns.
export async function restoreRows(tx: Tx, table: PgTable, rows: Row[], workspaceId: string): Promise<void> {
  const columns = getTableColumns(table) as Record<string, Column>;
  const times = Object.entries(columns).filter(([, c]) => c.columnType === 'PgTimestamp').map(([name]) => name);
  const known = new Set(Object.keys(columns));
  const revived = rows.map((row) => {
    const out: Row = {};
    for (const [key, value] of Object.entries(row)) if (known.has(key)) out[key] = times.includes(key) && typeof value === 'string' ? new Date(value) : value;
    out.workspaceId = workspaceId;
    return out;
  });
  for (let i = 0; i < revived.length; i += 1000) await tx.insert(table).values(revived.slice(i, i + 1000) as never);
}

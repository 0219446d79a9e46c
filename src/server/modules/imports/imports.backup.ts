import type { Db, Tx } from '../../db/index.ts';
import { exportRows, restoreRows } from '../../db/rows.ts';
import { imports } from './imports.table.ts';

export function createImportsBackup(db: Db) {
  return {
    export: (workspaceId: string) => exportRows(db, imports, workspaceId, [imports.id]),
    restore: (tx: Tx, workspaceId: string, rows: Record<string, unknown>[]) => restoreRows(tx, imports, rows, workspaceId),
  };
}

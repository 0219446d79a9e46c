import type { Db, Tx } from '../../db/index.ts';
import { exportRows, restoreRows } from '../../db/rows.ts';
import { users } from './auth.table.ts';

// Members with their password hashes, so a restored instance signs in as before. Sessions,
// API tokens and invitations are not kept: they are for this machine only.
export function createAuthBackup(db: Db) {
  return {
    export: (workspaceId: string) => exportRows(db, users, workspaceId, [users.id]),
    restore: (tx: Tx, workspaceId: string, rows: Record<string, unknown>[]) => restoreRows(tx, users, rows, workspaceId),
  };
}

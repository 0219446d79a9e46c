import type { Db, Tx } from '../../db/index.ts';
import { exportRows, restoreRows } from '../../db/rows.ts';
import { focusBudgets, focusReflections, focusSessions } from './focus.table.ts';

type Rows = Record<string, unknown>[];
export type FocusBackup = { sessions: Rows; budgets: Rows; reflections: Rows };

// Sessions, budgets and reflections travel with the workspace backup.
export function createFocusBackup(db: Db) {
  return {
    async export(workspaceId: string): Promise<FocusBackup> {
      return {
        sessions: await exportRows(db, focusSessions, workspaceId, [focusSessions.startedAt, focusSessions.id]),
        budgets: await exportRows(db, focusBudgets, workspaceId, [focusBudgets.subject]),
        reflections: await exportRows(db, focusReflections, workspaceId, [focusReflections.userId, focusReflections.week]),
      };
    },
    async restore(tx: Tx, workspaceId: string, backup: FocusBackup): Promise<void> {
      await restoreRows(tx, focusSessions, backup.sessions, workspaceId);
      await restoreRows(tx, focusBudgets, backup.budgets, workspaceId);
      await restoreRows(tx, focusReflections, backup.reflections, workspaceId);
    },
  };
}

import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/index.ts';
import { exportRows, restoreRows } from '../../db/rows.ts';
import { nudgeStates, plans, relationshipSettings } from './nudges.table.ts';
import { duplicateDismissals, interactions, people, personKeys } from './people.table.ts';

type Row = Record<string, unknown>;
export type PeopleBackup = Record<'people' | 'interactions' | 'personKeys' | 'plans' | 'nudgeStates' | 'relationshipSettings' | 'duplicateDismissals', Row[]>;

// This module's tables in a backup, and back.
export function createPeopleBackup(db: Db) {
  return {
    async export(workspaceId: string): Promise<PeopleBackup> {
      return {
        people: await exportRows(db, people, workspaceId, [people.id]),
        interactions: await exportRows(db, interactions, workspaceId, [interactions.id]),
        personKeys: await exportRows(db, personKeys, workspaceId, [personKeys.key]),
        plans: await exportRows(db, plans, workspaceId, [plans.id]),
        nudgeStates: await exportRows(db, nudgeStates, workspaceId, [nudgeStates.key]),
        relationshipSettings: await exportRows(db, relationshipSettings, workspaceId, [relationshipSettings.workspaceId]),
        duplicateDismissals: await exportRows(db, duplicateDismissals, workspaceId, [duplicateDismissals.personA, duplicateDismissals.personB]),
      };
    },

    async restore(tx: Tx, workspaceId: string, data: PeopleBackup): Promise<void> {
      // People first without their introducers (who may come later in the file), then the links.
      await restoreRows(tx, people, data.people.map((p) => ({ ...p, introducedById: null })), workspaceId);
      for (const person of data.people.filter((p) => p.introducedById)) {
        await tx.execute(sql`update people set introduced_by_id = ${person.introducedById as string} where workspace_id = ${workspaceId} and id = ${person.id as string}`);
      }
      await restoreRows(tx, personKeys, data.personKeys, workspaceId);
      await restoreRows(tx, interactions, data.interactions, workspaceId);
      await restoreRows(tx, plans, data.plans, workspaceId);
      await restoreRows(tx, nudgeStates, data.nudgeStates, workspaceId);
      await restoreRows(tx, relationshipSettings, data.relationshipSettings, workspaceId);
      await restoreRows(tx, duplicateDismissals, data.duplicateDismissals, workspaceId);
    },
  };
}

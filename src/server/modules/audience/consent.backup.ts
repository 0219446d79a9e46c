import type { Db, Tx } from '../../db/index.ts';
import { exportRows, restoreRows } from '../../db/rows.ts';
import { consentRecords, consentSubjects, suppressions } from './consent.table.ts';

type Row = Record<string, unknown>;
export type AudienceBackup = Record<'consentRecords' | 'consentSubjects' | 'suppressions', Row[]>;

export function createAudienceBackup(db: Db) {
  return {
    async export(workspaceId: string): Promise<AudienceBackup> {
      return {
        consentRecords: await exportRows(db, consentRecords, workspaceId, [consentRecords.id]),
        consentSubjects: await exportRows(db, consentSubjects, workspaceId, [consentSubjects.emailHash]),
        suppressions: await exportRows(db, suppressions, workspaceId, [suppressions.emailHash]),
      };
    },
    async restore(tx: Tx, workspaceId: string, data: AudienceBackup): Promise<void> {
      await restoreRows(tx, consentSubjects, data.consentSubjects, workspaceId);
      await restoreRows(tx, consentRecords, data.consentRecords, workspaceId);
      await restoreRows(tx, suppressions, data.suppressions, workspaceId);
    },
  };
}

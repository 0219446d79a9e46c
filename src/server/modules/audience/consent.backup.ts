import type { Db, Tx } from '../../db/index.ts';
import { exportRows, restoreRows } from '../../db/rows.ts';
import { audienceSettings, broadcastDeliveries, broadcasts } from './broadcasts.table.ts';
import { consentRecords, consentSubjects, suppressions } from './consent.table.ts';
import { questions } from './questions.table.ts';

type Row = Record<string, unknown>;
type Later = 'questions' | 'broadcasts' | 'broadcastDeliveries' | 'settings';
// The parts added after the first backups are optional, so those backups still restore.
export type AudienceBackup = Record<'consentRecords' | 'consentSubjects' | 'suppressions', Row[]> & Partial<Record<Later, Row[]>>;

// The consent ledger, the suppression list, the questions inbox and the broadcasts with their deliveries
// (so a restored workspace still knows who was mailed, and never mails them the same broadcast again).
export function createAudienceBackup(db: Db) {
  return {
    async export(workspaceId: string): Promise<AudienceBackup> {
      return {
        consentRecords: await exportRows(db, consentRecords, workspaceId, [consentRecords.id]),
        consentSubjects: await exportRows(db, consentSubjects, workspaceId, [consentSubjects.emailHash]),
        suppressions: await exportRows(db, suppressions, workspaceId, [suppressions.emailHash]),
        questions: await exportRows(db, questions, workspaceId, [questions.createdAt, questions.id]),
        broadcasts: await exportRows(db, broadcasts, workspaceId, [broadcasts.createdAt, broadcasts.id]),
        broadcastDeliveries: await exportRows(db, broadcastDeliveries, workspaceId, [broadcastDeliveries.broadcastId, broadcastDeliveries.emailHash]),
        settings: await exportRows(db, audienceSettings, workspaceId, [audienceSettings.workspaceId]),
      };
    },
    async restore(tx: Tx, workspaceId: string, data: AudienceBackup): Promise<void> {
      await restoreRows(tx, consentSubjects, data.consentSubjects, workspaceId);
      await restoreRows(tx, consentRecords, data.consentRecords, workspaceId);
      await restoreRows(tx, suppressions, data.suppressions, workspaceId);
      await restoreRows(tx, questions, data.questions ?? [], workspaceId);
      await restoreRows(tx, broadcasts, data.broadcasts ?? [], workspaceId);
      await restoreRows(tx, broadcastDeliveries, data.broadcastDeliveries ?? [], workspaceId);
      await restoreRows(tx, audienceSettings, data.settings ?? [], workspaceId);
    },
  };
}

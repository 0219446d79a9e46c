import { z } from 'zod';

const Rows = z.array(z.record(z.string(), z.unknown()));

// A whole workspace as one JSON file: `onland export backup`, and `onland import backup FILE` into a fresh instance.
export const BackupFile = z.object({
  format: z.literal('onland-backup'),
  version: z.literal(1),
  exportedAt: z.string(),
  workspace: z.object({ id: z.uuid(), name: z.string(), slug: z.string(), timezone: z.string(), locale: z.string(), createdAt: z.string() }),
  members: Rows.describe('Members with their password hashes'),
  people: z.object({
    people: Rows, interactions: Rows, personKeys: Rows, plans: Rows, nudgeStates: Rows, relationshipSettings: Rows, duplicateDismissals: Rows,
  }),
  imports: Rows,
  // Questions, broadcasts and their settings are absent in backups made before they were backed up.
  audience: z.object({
    consentRecords: Rows, consentSubjects: Rows, suppressions: Rows,
    questions: Rows.optional(), broadcasts: Rows.optional(), broadcastDeliveries: Rows.optional(), settings: Rows.optional(),
  }),
  // Absent in backups made before focus sessions existed.
  focus: z.object({ sessions: Rows, budgets: Rows, reflections: Rows }).optional(),
  // Absent in backups made before events existed.
  events: z.object({ series: Rows, occurrences: Rows, registrations: Rows }).optional(),
  // Absent in backups made before posts were backed up. Channel credentials are never in a backup.
  posts: z.object({ channels: Rows, posts: Rows, targets: Rows, settings: Rows }).optional(),
});
export type BackupFile = z.output<typeof BackupFile>;

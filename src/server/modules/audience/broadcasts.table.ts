import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestampColumn, workspaceIdColumn } from '../../db/columns.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';
import type { Segment } from './broadcasts.contract.ts';

// A broadcast: markdown to a segment of the people who consented to its purpose.
// draft → scheduled (send now is "scheduled for now") → sending (deliveries written) → sent.
export const broadcasts = pgTable('broadcasts', {
  workspaceId: workspaceIdColumn().references(() => workspaces.id, { onDelete: 'cascade' }),
  id: idColumn(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  segment: jsonb('segment').$type<Segment>().notNull(),
  status: text('status', { enum: ['draft', 'scheduled', 'sending', 'sent'] }).notNull().default('draft'),
  scheduledAt: timestampColumn('scheduled_at'),
  startedAt: timestampColumn('started_at'),
  finishedAt: timestampColumn('finished_at'),
  // The next free sending slot under the workspace's rate, shared by every worker.
  paceAt: timestampColumn('pace_at'),
  createdBy: uuid('created_by'),
  createdAt: timestampColumn('created_at').notNull(),
  updatedAt: timestampColumn('updated_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  index('broadcasts_list_idx').on(t.workspaceId, t.createdAt),
  index('broadcasts_due_idx').on(t.scheduledAt).where(sql`status = 'scheduled'`),
]);

// One row per recipient address, written when the send starts: a send that stops resumes from the
// pending rows, and an address is a key, so nobody is mailed twice.
export const broadcastDeliveries = pgTable('broadcast_deliveries', {
  workspaceId: workspaceIdColumn(),
  broadcastId: uuid('broadcast_id').notNull(),
  emailHash: text('email_hash').notNull(),
  // Null once the address is erased.
  email: text('email'),
  // pending → sent | failed (the server refused it) | skipped (no consent or suppressed when its turn came)
  status: text('status', { enum: ['pending', 'sent', 'failed', 'skipped'] }).notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  sentAt: timestampColumn('sent_at'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.broadcastId, t.emailHash] }),
  foreignKey({ columns: [t.workspaceId, t.broadcastId], foreignColumns: [broadcasts.workspaceId, broadcasts.id] }).onDelete('cascade'),
  index('broadcast_deliveries_pending_idx').on(t.workspaceId, t.broadcastId).where(sql`status = 'pending'`),
  index('broadcast_deliveries_hash_idx').on(t.workspaceId, t.emailHash),
]);

// The audience's settings per workspace.
export const audienceSettings = pgTable('audience_settings', {
  workspaceId: uuid('workspace_id').primaryKey().references(() => workspaces.id, { onDelete: 'cascade' }),
  // Keep the IP and user agent of sign-ups and withdrawals as evidence (GDPR Art. 7), or not at all.
  recordIpAndUserAgent: boolean('record_ip_and_user_agent').notNull().default(true),
  // Broadcast messages per minute across all workers; null: as fast as the mail server takes them.
  sendRatePerMinute: integer('send_rate_per_minute'),
});

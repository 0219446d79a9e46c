import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, timestampColumn, workspaceIdColumn } from '../db/columns.ts';
import type { MailMessage } from './index.ts';

// Mail waits here, written in the same transaction as what caused it, until the worker sends it.
// A dedupe key makes a second request for the same mail a no-op.
export const mailQueue = pgTable('mail_queue', {
  workspaceId: workspaceIdColumn(),
  id: idColumn(),
  message: jsonb('message').$type<MailMessage>().notNull(),
  dedupeKey: text('dedupe_key'),
  status: text('status', { enum: ['queued', 'sent', 'failed'] }).notNull().default('queued'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  createdAt: timestampColumn('created_at').notNull(),
  sentAt: timestampColumn('sent_at'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  uniqueIndex('mail_queue_dedupe_key').on(t.workspaceId, t.dedupeKey).where(sql`dedupe_key is not null`),
  index('mail_queue_queued_idx').on(t.createdAt).where(sql`status = 'queued'`),
]);

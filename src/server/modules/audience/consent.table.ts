import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestampColumn, workspaceIdColumn } from '../../db/columns.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

// The consent ledger (GDPR Art. 7, CASL): append-only. A database trigger (migration 0010)
// refuses every UPDATE and DELETE; a change of mind is a new record. Records name the
// address only by its hash, so erasing a person (their row in consent_subjects) leaves the
// proof intact but anonymous.
export const consentRecords = pgTable('consent_records', {
  workspaceId: workspaceIdColumn().references(() => workspaces.id),
  id: idColumn(),
  emailHash: text('email_hash').notNull(),
  personId: uuid('person_id'),
  purpose: text('purpose', { enum: ['newsletter', 'event_updates'] }).notNull(),
  // request: asked by a form, waiting for the double opt-in; confirm: they clicked; grant: consent
  // given at once (in person, or implied by an inquiry); withdraw: they left.
  action: text('action', { enum: ['request', 'confirm', 'grant', 'withdraw'] }).notNull(),
  basis: text('basis', { enum: ['express', 'implied'] }).notNull(),
  expiresAt: timestampColumn('expires_at'),
  method: text('method', { enum: ['form', 'import', 'in_person', 'email', 'admin'] }).notNull(),
  form: text('form'),
  wording: text('wording'),
  wordingVersion: text('wording_version'),
  ip: text('ip'),
  userAgent: text('user_agent'),
  occurredAt: timestampColumn('occurred_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  index('consent_records_subject_idx').on(t.workspaceId, t.emailHash, t.purpose, t.occurredAt),
]);

// Who a hash belongs to; the one row erasure removes.
export const consentSubjects = pgTable('consent_subjects', {
  workspaceId: workspaceIdColumn().references(() => workspaces.id, { onDelete: 'cascade' }),
  emailHash: text('email_hash').notNull(),
  email: text('email').notNull(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.emailHash] })]);

// Nobody on this list is mailed again, by any path.
export const suppressions = pgTable('suppressions', {
  workspaceId: workspaceIdColumn().references(() => workspaces.id, { onDelete: 'cascade' }),
  emailHash: text('email_hash').notNull(),
  reason: text('reason', { enum: ['unsubscribed', 'bounced', 'complained', 'erased', 'manual'] }).notNull(),
  createdAt: timestampColumn('created_at').notNull(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.emailHash] })]);

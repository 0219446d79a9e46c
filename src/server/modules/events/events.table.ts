import { sql } from 'drizzle-orm';
import { bigserial, boolean, foreignKey, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestampColumn, workspaceIdColumn } from '../../db/columns.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';
import { registrationStatuses } from './events.statuses.ts';

// A series is a rule (RRULE in an IANA zone) or, without one, a single event.
export const eventSeries = pgTable('event_series', {
  workspaceId: workspaceIdColumn().references(() => workspaces.id, { onDelete: 'cascade' }),
  id: idColumn(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  rrule: text('rrule'),
  timezone: text('timezone').notNull(),
  // The first start (DTSTART), as a wall-clock time in `timezone`, e.g. 2026-03-12T19:00.
  localStart: text('local_start').notNull(),
  durationMinutes: integer('duration_minutes').notNull(),
  capacity: integer('capacity').notNull(),
  venue: text('venue'),
  address: text('address'),
  onlineUrl: text('online_url'),
  isPublic: boolean('is_public').notNull().default(true),
  // Occurrences exist up to here; the materialise job moves it ahead.
  materialisedUntil: timestampColumn('materialised_until'),
  createdAt: timestampColumn('created_at').notNull(),
  updatedAt: timestampColumn('updated_at').notNull(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.id] })]);

export const eventOccurrences = pgTable('event_occurrences', {
  workspaceId: workspaceIdColumn(),
  id: idColumn(),
  seriesId: uuid('series_id').notNull(),
  // The start the rule gave it (RECURRENCE-ID): materialising twice makes one occurrence.
  ruleStart: timestampColumn('rule_start').notNull(),
  slug: text('slug').notNull(),
  title: text('title').notNull(),
  startsAt: timestampColumn('starts_at').notNull(),
  endsAt: timestampColumn('ends_at').notNull(),
  capacity: integer('capacity').notNull(),
  venue: text('venue'),
  address: text('address'),
  onlineUrl: text('online_url'),
  status: text('status', { enum: ['scheduled', 'cancelled'] }).notNull().default('scheduled'),
  // Edited on its own: series edits leave it alone.
  detached: boolean('detached').notNull().default(false),
  // iCalendar SEQUENCE: up by one whenever time, place or status changes.
  sequence: integer('sequence').notNull().default(0),
  noShowsMarkedAt: timestampColumn('no_shows_marked_at'),
  createdAt: timestampColumn('created_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.seriesId], foreignColumns: [eventSeries.workspaceId, eventSeries.id] }).onDelete('cascade'),
  uniqueIndex('event_occurrences_rule_start_key').on(t.workspaceId, t.seriesId, t.ruleStart),
  // Public links carry no workspace, so a slug is unique across them all.
  uniqueIndex('event_occurrences_slug_key').on(t.slug),
  index('event_occurrences_starts_idx').on(t.workspaceId, t.startsAt),
]);

export { registrationStatuses };

export const eventRegistrations = pgTable('event_registrations', {
  workspaceId: workspaceIdColumn(),
  id: idColumn(),
  occurrenceId: uuid('occurrence_id').notNull(),
  personId: uuid('person_id'),
  name: text('name').notNull(),
  email: text('email').notNull(),
  source: text('source'),
  locale: text('locale', { enum: ['en', 'de'] }).notNull().default('en'),
  status: text('status', { enum: registrationStatuses }).notNull(),
  // Arrival order: the waitlist is served by it. Taken while the occurrence is locked, so it is commit order too.
  arrival: bigserial('arrival', { mode: 'number' }).notNull(),
  manageToken: text('manage_token').notNull(),
  checkInCode: text('check_in_code').notNull(),
  checkedInAt: timestampColumn('checked_in_at'),
  // iCalendar SEQUENCE of this registration's own calendar entry.
  sequence: integer('sequence').notNull().default(0),
  createdAt: timestampColumn('created_at').notNull(),
  updatedAt: timestampColumn('updated_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.occurrenceId], foreignColumns: [eventOccurrences.workspaceId, eventOccurrences.id] }).onDelete('cascade'),
  // The same email twice is one registration.
  uniqueIndex('event_registrations_email_key').on(t.workspaceId, t.occurrenceId, t.email),
  uniqueIndex('event_registrations_code_key').on(t.workspaceId, t.occurrenceId, t.checkInCode),
  uniqueIndex('event_registrations_token_key').on(t.manageToken),
  index('event_registrations_queue_idx').on(t.workspaceId, t.occurrenceId, t.status, t.arrival),
  index('event_registrations_person_idx').on(t.workspaceId, t.personId).where(sql`person_id is not null`),
]);

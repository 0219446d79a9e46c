import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestampColumn, workspaceIdColumn } from '../../db/columns.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';
import { interactions, people } from './people.table.ts';

// The thresholds of the nudge rules, per workspace (absent: the defaults in nudges.rules.ts).
export const relationshipSettings = pgTable('relationship_settings', {
  workspaceId: workspaceIdColumn().primaryKey().references(() => workspaces.id, { onDelete: 'cascade' }),
  callMinExchanges: integer('call_min_exchanges').notNull(),
  callMinDays: integer('call_min_days').notNull(),
  replyAfterHours: integer('reply_after_hours').notNull(),
  // Older messages (an imported archive) are history, not replies owed.
  replyWithinDays: integer('reply_within_days').notNull().default(30),
  followUpDays: integer('follow_up_days').notNull(),
  // Keep-in-touch cadence per tag, in days: { "family": 14, "client": 30 }.
  tagCadences: jsonb('tag_cadences').$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
});

// What the user did with a nudge. A nudge's key names its occasion, so a new occasion is a new nudge.
export const nudgeStates = pgTable('nudge_states', {
  workspaceId: workspaceIdColumn(),
  key: text('key').notNull(),
  personId: uuid('person_id').notNull(),
  state: text('state', { enum: ['snoozed', 'dismissed', 'done'] }).notNull(),
  until: timestampColumn('until'),
  createdAt: timestampColumn('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.key] }),
  foreignKey({ columns: [t.workspaceId, t.personId], foreignColumns: [people.workspaceId, people.id] }).onDelete('cascade'),
]);

// A call or meeting planned with a person; marked done, it becomes a logged interaction.
export const plans = pgTable('plans', {
  workspaceId: workspaceIdColumn(),
  id: idColumn(),
  personId: uuid('person_id').notNull(),
  kind: text('kind', { enum: ['call', 'meeting', 'coffee'] }).notNull(),
  startsAt: timestampColumn('starts_at').notNull(),
  durationMinutes: integer('duration_minutes').notNull(),
  place: text('place'),
  note: text('note'),
  status: text('status', { enum: ['planned', 'done', 'cancelled'] }).notNull().default('planned'),
  interactionId: uuid('interaction_id'),
  createdBy: uuid('created_by'),
  createdAt: timestampColumn('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.personId], foreignColumns: [people.workspaceId, people.id] }).onDelete('cascade'),
  // The migration narrows this to SET NULL (interaction_id): workspace_id stays.
  foreignKey({ columns: [t.workspaceId, t.interactionId], foreignColumns: [interactions.workspaceId, interactions.id] }).onDelete('set null'),
  index('plans_starts_idx').on(t.workspaceId, t.status, t.startsAt),
]);

import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, jsonb, pgTable, primaryKey, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestampColumn, workspaceIdColumn } from '../../db/columns.ts';
import { users } from '../auth/auth.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';
import type { ChannelBudget, FocusChannel, PhasePlan } from './focus.rules.ts';

// A time-boxed session on one or more channels. The timer is its start and plan: phase and time
// left are computed from the clock, so every device shows the same session.
export const focusSessions = pgTable('focus_sessions', {
  workspaceId: workspaceIdColumn().references(() => workspaces.id, { onDelete: 'cascade' }),
  id: idColumn(),
  userId: uuid('user_id').notNull(),
  channels: jsonb('channels').$type<FocusChannel[]>().notNull(),
  // Seconds per phase: { read, write, reply, leave }.
  plan: jsonb('plan').$type<PhasePlan>().notNull(),
  startedAt: timestampColumn('started_at').notNull(),
  endsAt: timestampColumn('ends_at').notNull(),
  // Null while open; a session found past its end is closed as ended on time at ends_at.
  endedAt: timestampColumn('ended_at'),
  endedEarly: boolean('ended_early').notNull().default(false),
  // Seconds actually spent per phase, written when the session closes.
  actual: jsonb('actual').$type<PhasePlan>(),
  // The calls planned in its leave phase (plan ids of the people module).
  plannedCalls: jsonb('planned_calls').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [users.workspaceId, users.id] }).onDelete('cascade'),
  // One open session per member: a second start from another device is refused.
  uniqueIndex('focus_sessions_open_key').on(t.workspaceId, t.userId).where(sql`ended_at is null`),
  index('focus_sessions_started_idx').on(t.workspaceId, t.userId, t.startedAt),
]);

// Minutes per week per channel, with the posting goals that need them. subject: 'workspace'
// (the default for everyone, set by an owner) or a member's user id (their own).
export const focusBudgets = pgTable('focus_budgets', {
  workspaceId: workspaceIdColumn().references(() => workspaces.id, { onDelete: 'cascade' }),
  subject: text('subject').notNull(),
  channels: jsonb('channels').$type<ChannelBudget[]>().notNull(),
  updatedAt: timestampColumn('updated_at').notNull(),
}, (t) => [primaryKey({ columns: [t.workspaceId, t.subject] })]);

// The weekly four questions, answered 1–5, beside what was measured when they were answered.
export const focusReflections = pgTable('focus_reflections', {
  workspaceId: workspaceIdColumn(),
  userId: uuid('user_id').notNull(),
  // The week's Monday in the workspace's time zone, YYYY-MM-DD.
  week: text('week').notNull(),
  timeSpent: smallint('time_spent').notNull(),
  pressure: smallint('pressure').notNull(),
  overCommitment: smallint('over_commitment').notNull(),
  phoneDown: smallint('phone_down').notNull(),
  measured: jsonb('measured').$type<{ minutesPerChannel: Partial<Record<FocusChannel, number>>; minutes: number; sessions: number; sessionsOnTime: number }>().notNull(),
  answeredAt: timestampColumn('answered_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.userId, t.week] }),
  foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [users.workspaceId, users.id] }).onDelete('cascade'),
  check('focus_reflections_scale', sql`${t.timeSpent} between 1 and 5 and ${t.pressure} between 1 and 5 and ${t.overCommitment} between 1 and 5 and ${t.phoneDown} between 1 and 5`),
]);

import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestampColumn, workspaceIdColumn } from '../../db/columns.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';
import type { Platform } from './lengths.ts';
import type { pillars, postStatuses, targetStates } from './posts.contract.ts';

export type Slot = { weekday: number; time: string };
export type PillarTargets = Partial<Record<'value' | 'personality' | 'community' | 'offer' | 'event', { min?: number; max?: number }>>;

// A place the workspace posts to: an account reached through its API, or a manual channel (copy-ready text).
export const channels = pgTable('channels', {
  workspaceId: workspaceIdColumn().references(() => workspaces.id, { onDelete: 'cascade' }),
  id: idColumn(),
  platform: text('platform').$type<Platform>().notNull(),
  name: text('name').notNull(),
  mode: text('mode').$type<'api' | 'manual'>().notNull(),
  // Slots are wall-clock times in this named zone, so 9:00 stays 9:00 across daylight saving.
  timezone: text('timezone').notNull(),
  slots: jsonb('slots').$type<Slot[]>().notNull().default([]),
  cadencePerWeek: integer('cadence_per_week').notNull().default(0),
  // The account's address (instance URL, handle); the secret part lives encrypted in credentials.
  account: text('account'),
  credentials: text('credentials'),
  // Where reading replies and mentions stopped (the platform's own bookmark), when it last ran, and why it failed.
  mentionsCursor: text('mentions_cursor'),
  mentionsCheckedAt: timestampColumn('mentions_checked_at'),
  mentionsError: text('mentions_error'),
  createdAt: timestampColumn('created_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  check('channels_mode_check', sql`${t.mode} in ('api', 'manual')`),
]);

export const posts = pgTable('posts', {
  workspaceId: workspaceIdColumn().references(() => workspaces.id, { onDelete: 'cascade' }),
  id: idColumn(),
  pillar: text('pillar').$type<(typeof pillars)[number]>().notNull(),
  body: text('body').notNull(),
  status: text('status').$type<(typeof postStatuses)[number]>().notNull(),
  scheduledAt: timestampColumn('scheduled_at'),
  publishedAt: timestampColumn('published_at'),
  createdBy: uuid('created_by'),
  createdAt: timestampColumn('created_at').notNull(),
  updatedAt: timestampColumn('updated_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  index('posts_scheduled_idx').on(t.workspaceId, t.scheduledAt),
  index('posts_status_idx').on(t.workspaceId, t.status, t.updatedAt),
  // The publisher's sweep across workspaces: scheduled posts by time.
  index('posts_due_idx').on(t.scheduledAt).where(sql`${t.status} = 'scheduled'`),
  check('posts_status_check', sql`${t.status} in ('idea', 'draft', 'scheduled', 'publishing', 'published', 'failed', 'unknown')`),
]);

// One row per channel a post goes to: its variant text and what the platform said.
export const postTargets = pgTable('post_targets', {
  workspaceId: workspaceIdColumn(),
  postId: uuid('post_id').notNull(),
  channelId: uuid('channel_id').notNull(),
  body: text('body'),
  state: text('state').$type<(typeof targetStates)[number]>().notNull().default('pending'),
  externalId: text('external_id'),
  url: text('url'),
  error: text('error'),
  publishedAt: timestampColumn('published_at'),
  // Set in the same locked transaction that moves the target to publishing, before the platform call:
  // when the call started (a stale one becomes unknown) and the key that makes a retry harmless.
  attemptedAt: timestampColumn('attempted_at'),
  requestKey: text('request_key'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.postId, t.channelId] }),
  index('post_targets_publishing_idx').on(t.attemptedAt).where(sql`${t.state} = 'publishing'`),
  index('post_targets_channel_idx').on(t.workspaceId, t.channelId),
  foreignKey({ columns: [t.workspaceId, t.postId], foreignColumns: [posts.workspaceId, posts.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.workspaceId, t.channelId], foreignColumns: [channels.workspaceId, channels.id] }).onDelete('cascade'),
  check('post_targets_state_check', sql`${t.state} in ('pending', 'publishing', 'published', 'failed', 'unknown')`),
]);

// The planner's settings: where holidays come from and the pillar mix the week aims for.
export const plannerSettings = pgTable('planner_settings', {
  workspaceId: workspaceIdColumn().primaryKey().references(() => workspaces.id, { onDelete: 'cascade' }),
  country: text('country'),
  region: text('region'),
  pillarTargets: jsonb('pillar_targets').$type<PillarTargets>().notNull(),
  updatedAt: timestampColumn('updated_at').notNull(),
});

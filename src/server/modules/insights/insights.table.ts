import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { timestampColumn, workspaceIdColumn } from '../../db/columns.ts';
import { people } from '../people/people.table.ts';
import { posts } from '../posts/posts.table.ts';

export type ChannelTally = { channel: string; conversations: number; calls: number; meetings: number };

// What followed each published post, counted once and kept (what works reads a year of posts in
// one index range instead of aggregating every outcome each time). Triggers (migration 0025) raise
// `generation` and clear `counted` whenever an interaction linked to the post, or one of the post's
// published targets, is written; the next reading counts that post again, and stores its count only
// if the generation is still the one it read (a write during the count leaves it to the next reader).
export const postTallies = pgTable('post_tallies', {
  workspaceId: workspaceIdColumn(),
  postId: uuid('post_id').notNull(),
  generation: integer('generation').notNull().default(0),
  counted: boolean('counted').notNull().default(false),
  // The platforms the post went to, and per platform what followed it there.
  channels: text('channels').array().notNull().default([]),
  conversations: integer('conversations').notNull().default(0),
  calls: integer('calls').notNull().default(0),
  meetings: integer('meetings').notNull().default(0),
  perChannel: jsonb('per_channel').$type<ChannelTally[]>().notNull().default([]),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.postId] }),
  foreignKey({ columns: [t.workspaceId, t.postId], foreignColumns: [posts.workspaceId, posts.id] }).onDelete('cascade'),
]);

// When each person last wrote or was written to privately (a message, an email, a question) on each
// channel, so channel return counts the people in conversation there since a date by one index range
// instead of finding the distinct people among every message of the period. Kept by triggers on
// interactions (migration 0026) through every way one is logged, changed, moved, merged or removed.
export const privateTalks = pgTable('private_talks', {
  workspaceId: workspaceIdColumn(),
  personId: uuid('person_id').notNull(),
  channel: text('channel').notNull(),
  lastAt: timestampColumn('last_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.personId, t.channel] }),
  foreignKey({ columns: [t.workspaceId, t.personId], foreignColumns: [people.workspaceId, people.id] }).onDelete('cascade'),
  index('private_talks_last_idx').on(t.workspaceId, t.lastAt, t.channel),
]);

import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestampColumn, workspaceIdColumn } from '../../db/columns.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';
import { channels, interactionKinds, platforms } from './people.contract.ts';

export type HandleRow = { platform: (typeof platforms)[number]; handle: string; url?: string | null };

export const people = pgTable('people', {
  workspaceId: workspaceIdColumn().references(() => workspaces.id, { onDelete: 'cascade' }),
  id: idColumn(),
  name: text('name').notNull(),
  givenName: text('given_name'),
  familyName: text('family_name'),
  emails: text('emails').array().notNull().default(sql`'{}'::text[]`),
  phones: text('phones').array().notNull().default(sql`'{}'::text[]`),
  handles: jsonb('handles').$type<HandleRow[]>().notNull().default(sql`'[]'::jsonb`),
  organisation: text('organisation'),
  tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
  notes: text('notes'),
  source: text('source'),
  introducedById: uuid('introduced_by_id'),
  timezone: text('timezone'),
  locale: text('locale'),
  cadenceDays: integer('cadence_days'),
  isClient: boolean('is_client').notNull().default(false),
  isFriend: boolean('is_friend').notNull().default(false),
  // Derived on every write by the repository: the sort key and the text search looks in.
  sortName: text('sort_name').notNull(),
  searchText: text('search_text').notNull(),
  // Blocking keys for fuzzy duplicate candidates (duplicates.ts).
  dedupeBlocks: text('dedupe_blocks').array().notNull().default(sql`'{}'::text[]`),
  // Derived from interactions whenever they change (see people.service.ts refreshTouches):
  // the ladder step (0 aware … 4 met) and the facts the nudges read.
  ladderStep: smallint('ladder_step').notNull().default(0),
  isReferrer: boolean('is_referrer').notNull().default(false),
  interactionCount: integer('interaction_count').notNull().default(0),
  firstInteractionAt: timestampColumn('first_interaction_at'),
  lastInteractionAt: timestampColumn('last_interaction_at'),
  lastInboundAt: timestampColumn('last_inbound_at'),
  lastOutboundAt: timestampColumn('last_outbound_at'),
  onlineExchanges: integer('online_exchanges').notNull().default(0),
  firstExchangeAt: timestampColumn('first_exchange_at'),
  lastExchangeAt: timestampColumn('last_exchange_at'),
  lastEventAt: timestampColumn('last_event_at'),
  // When each ladder step was first reached (a higher step reached first counts for the ones below
  // it) and the first call: the insights' funnel reads them instead of every interaction.
  engagedAt: timestampColumn('engaged_at'),
  conversingAt: timestampColumn('conversing_at'),
  talkedAt: timestampColumn('talked_at'),
  metAt: timestampColumn('met_at'),
  firstCallAt: timestampColumn('first_call_at'),
  // The channel of the first recorded interaction (the earliest; on a tie, the first channel by
  // name): where a relationship began, for the insights' channel return and client sources.
  firstTouchChannel: text('first_touch_channel', { enum: channels }),
  // The one platform someone can be reached on when there is no other way (no email, no phone, every
  // handle on that platform); null otherwise. Computed by PostgreSQL (migration 0020) for the
  // insights' platform risk, so it is counted from an index rather than by reading every handle.
  onlyPlatform: text('only_platform').generatedAlwaysAs(sql`people_only_platform(emails, phones, handles)`),
  // When the keep-in-touch cadence (the person's own, else their tags') is due: the latest
  // interaction's date (or when they were added) plus the cadence; null without a cadence. Kept by
  // triggers on people and relationship_settings (migration 0014_reconnect_due), for the reconnect nudge.
  reconnectDueAt: timestampColumn('reconnect_due_at'),
  createdAt: timestampColumn('created_at').notNull().defaultNow(),
  updatedAt: timestampColumn('updated_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.introducedById], foreignColumns: [t.workspaceId, t.id] }),
  index('people_sort_idx').on(t.workspaceId, t.sortName, t.id),
  index('people_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  // Untagged people (most of an import) are left out; queries by tag say cardinality(tags) > 0 to match.
  // Emails have no index here: people are found by email through person_keys.
  index('people_tags_idx').using('gin', t.tags).where(sql`cardinality(tags) > 0`),
  index('people_ladder_idx').on(t.workspaceId, t.ladderStep, t.sortName, t.id),
  // Partial where most people have nothing to index (someone imported from a contact list has no
  // introducer, no exchange, no event and no step above aware): each new person is then one
  // index entry less to write in each, and every query here names a value, so it matches the predicate.
  index('people_introduced_by_idx').on(t.workspaceId, t.introducedById).where(sql`introduced_by_id is not null`),
  // The call nudge: people not yet talked to, most exchanges first.
  index('people_call_idx').on(t.workspaceId, t.onlineExchanges.desc().nullsFirst(), t.id).where(sql`ladder_step < 3 and online_exchanges > 0`),
  index('people_event_idx').on(t.workspaceId, t.lastEventAt).where(sql`last_event_at is not null`),
  // Replies owed: they wrote last. A partial index, because the condition compares two columns.
  index('people_reply_owed_idx').on(t.workspaceId, t.lastInboundAt)
    .where(sql`last_inbound_at is not null and (last_outbound_at is null or last_outbound_at < last_inbound_at)`),
  index('people_reconnect_due_idx').on(t.workspaceId, t.reconnectDueAt, t.id).where(sql`reconnect_due_at is not null`),
  // The thank nudge: the latest introductions first.
  index('people_introduced_idx').on(t.workspaceId, t.createdAt.desc().nullsFirst()).where(sql`introduced_by_id is not null`),
  // Insights: platform risk, this month's moves up the ladder, days to the first call and meeting, clients.
  // Counted per platform by its leading columns; the list of those at risk reads it in its own order.
  index('people_only_platform_idx').on(t.workspaceId, t.onlyPlatform, t.ladderStep.desc().nullsFirst(), t.lastInteractionAt.desc().nullsLast(), t.sortName, t.id)
    .where(sql`only_platform is not null`),
  index('people_latest_step_idx').on(t.workspaceId, sql`greatest(engaged_at, conversing_at, talked_at, met_at)`)
    .where(sql`greatest(engaged_at, conversing_at, talked_at, met_at) is not null`),
  // Also the channel where each person met was first touched (channel return), read by index alone.
  index('people_milestones_idx').on(t.workspaceId, t.firstInteractionAt, t.firstCallAt, t.metAt, t.id, t.firstTouchChannel)
    .where(sql`first_call_at is not null or met_at is not null`),
  index('people_clients_idx').on(t.workspaceId, t.sortName, t.id).where(sql`is_client`),
]);

export const interactions = pgTable('interactions', {
  workspaceId: workspaceIdColumn(),
  id: idColumn(),
  personId: uuid('person_id').notNull(),
  channel: text('channel', { enum: channels }).notNull(),
  kind: text('kind', { enum: interactionKinds }).notNull(),
  direction: text('direction', { enum: ['in', 'out'] }).notNull(),
  occurredAt: timestampColumn('occurred_at').notNull(),
  durationMinutes: integer('duration_minutes'),
  note: text('note'),
  postId: uuid('post_id'),
  eventId: uuid('event_id'),
  createdBy: uuid('created_by'),
  // Where an imported interaction came from (format and the source's own id), so a re-import adds nothing.
  externalId: text('external_id'),
  createdAt: timestampColumn('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId, t.personId], foreignColumns: [people.workspaceId, people.id] }).onDelete('cascade'),
  index('interactions_person_idx').on(t.workspaceId, t.personId, t.occurredAt),
  uniqueIndex('interactions_external_id_key').on(t.workspaceId, t.externalId).where(sql`external_id is not null`),
  // Insights read these by index alone: what followed each post, the meetings of a period, and the
  // likes and follows received in one.
  index('interactions_post_idx').on(t.workspaceId, t.postId, t.kind, t.channel, t.personId).where(sql`post_id is not null`),
  // What works reads only the outcomes of posts (not the likes, most of what is linked to a post).
  index('interactions_post_outcome_idx').on(t.workspaceId, t.postId, t.kind, t.channel, t.personId)
    .where(sql`post_id is not null and kind in ('dm', 'email', 'question', 'call', 'meeting', 'coffee', 'event_attended')`),
  // Channel return reads the meetings of a period (the conversations come from private_talks, an insights table).
  index('interactions_meeting_time_idx').on(t.workspaceId, t.occurredAt, t.personId)
    .where(sql`kind in ('meeting', 'coffee', 'event_attended')`),
  index('interactions_received_time_idx').on(t.workspaceId, t.occurredAt, t.kind, t.channel, t.postId).where(sql`direction = 'in' and kind in ('like', 'follow')`),
]);

// Identity keys (see identity.ts): one person per key, so exact duplicates are found by index.
// import:<source key> remembers which record of an import file made the person.
export const personKeys = pgTable('person_keys', {
  workspaceId: workspaceIdColumn(),
  key: text('key').notNull(),
  personId: uuid('person_id').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.key] }),
  foreignKey({ columns: [t.workspaceId, t.personId], foreignColumns: [people.workspaceId, people.id] }).onDelete('cascade'),
  index('person_keys_person_idx').on(t.workspaceId, t.personId),
]);

// Pairs a person has looked at and said are not the same person.
export const duplicateDismissals = pgTable('duplicate_dismissals', {
  workspaceId: workspaceIdColumn(),
  personA: uuid('person_a').notNull(),
  personB: uuid('person_b').notNull(),
  createdAt: timestampColumn('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.personA, t.personB] }),
  foreignKey({ columns: [t.workspaceId, t.personA], foreignColumns: [people.workspaceId, people.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.workspaceId, t.personB], foreignColumns: [people.workspaceId, people.id] }).onDelete('cascade'),
]);

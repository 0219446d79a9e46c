import { foreignKey, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestampColumn, workspaceIdColumn } from '../../db/columns.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

export const users = pgTable('users', {
  workspaceId: workspaceIdColumn().references(() => workspaces.id, { onDelete: 'cascade' }),
  id: idColumn(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ['owner', 'editor', 'viewer'] }).notNull(),
  createdAt: timestampColumn('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  uniqueIndex('users_workspace_email_key').on(t.workspaceId, t.email),
  index('users_email_idx').on(t.email),
]);

// The token itself lives only in the browser cookie; the table keeps its SHA-256.
export const sessions = pgTable('sessions', {
  workspaceId: workspaceIdColumn(),
  tokenHash: text('token_hash').notNull(),
  userId: uuid('user_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  createdAt: timestampColumn('created_at').notNull().defaultNow(),
  expiresAt: timestampColumn('expires_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.tokenHash] }),
  uniqueIndex('sessions_token_hash_key').on(t.tokenHash),
  index('sessions_expires_at_idx').on(t.expiresAt),
  foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [users.workspaceId, users.id] }).onDelete('cascade'),
]);

export const apiTokens = pgTable('api_tokens', {
  workspaceId: workspaceIdColumn(),
  id: idColumn(),
  userId: uuid('user_id').notNull(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull(),
  createdAt: timestampColumn('created_at').notNull().defaultNow(),
  lastUsedAt: timestampColumn('last_used_at'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  uniqueIndex('api_tokens_token_hash_key').on(t.tokenHash),
  foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [users.workspaceId, users.id] }).onDelete('cascade'),
]);

// A password reset link: only the token's SHA-256 is kept; it works once, for an hour.
export const passwordResets = pgTable('password_resets', {
  workspaceId: workspaceIdColumn().references(() => workspaces.id, { onDelete: 'cascade' }),
  id: idColumn(),
  userId: uuid('user_id').notNull(),
  tokenHash: text('token_hash').notNull(),
  createdAt: timestampColumn('created_at').notNull().defaultNow(),
  expiresAt: timestampColumn('expires_at').notNull(),
  usedAt: timestampColumn('used_at'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  uniqueIndex('password_resets_token_hash_key').on(t.tokenHash),
  foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [users.workspaceId, users.id] }).onDelete('cascade'),
]);

export const invitations = pgTable('invitations', {
  workspaceId: workspaceIdColumn().references(() => workspaces.id, { onDelete: 'cascade' }),
  id: idColumn(),
  tokenHash: text('token_hash').notNull(),
  role: text('role', { enum: ['owner', 'editor', 'viewer'] }).notNull(),
  email: text('email'),
  invitedBy: uuid('invited_by').notNull(),
  createdAt: timestampColumn('created_at').notNull().defaultNow(),
  expiresAt: timestampColumn('expires_at').notNull(),
  acceptedAt: timestampColumn('accepted_at'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  uniqueIndex('invitations_token_hash_key').on(t.tokenHash),
]);

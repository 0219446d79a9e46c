import { pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestampColumn } from '../../db/columns.ts';

// The tenant. Its id is the workspace_id every other table carries.
export const workspaces = pgTable('workspaces', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull(),
  timezone: text('timezone').notNull().default('UTC'),
  locale: text('locale').notNull().default('en'),
  createdAt: timestampColumn('created_at').notNull().defaultNow(),
}, (t) => [uniqueIndex('workspaces_slug_key').on(t.slug)]);

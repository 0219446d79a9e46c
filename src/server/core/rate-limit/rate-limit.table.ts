import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { timestampColumn } from '../../db/columns.ts';

// Hits per client and route, shared by every server process. Keyed by client address before
// anyone is signed in, so this is the one table without workspace_id.
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  hits: integer('hits').notNull(),
  windowEnds: timestampColumn('window_ends').notNull(),
});

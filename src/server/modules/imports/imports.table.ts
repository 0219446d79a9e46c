import { index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestampColumn, workspaceIdColumn } from '../../db/columns.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

// Every import and its report, so the user can see what each file did.
export const imports = pgTable('imports', {
  workspaceId: workspaceIdColumn().references(() => workspaces.id, { onDelete: 'cascade' }),
  id: idColumn(),
  format: text('format').notNull(),
  filename: text('filename').notNull(),
  report: jsonb('report').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestampColumn('created_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  index('imports_created_idx').on(t.workspaceId, t.createdAt),
]);

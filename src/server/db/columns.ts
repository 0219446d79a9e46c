import { timestamp, uuid } from 'drizzle-orm/pg-core';

// Shared column builders: every table carries workspace_id, every time is timestamptz.
export const workspaceIdColumn = () => uuid('workspace_id').notNull();
export const idColumn = () => uuid('id').notNull().defaultRandom();
export const timestampColumn = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

import { foreignKey, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestampColumn, workspaceIdColumn } from '../../db/columns.ts';
import { people } from '../people/people.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';

// "Ask us anything": each question waits in the inbox until a person answers it.
export const questions = pgTable('questions', {
  workspaceId: workspaceIdColumn().references(() => workspaces.id, { onDelete: 'cascade' }),
  id: idColumn(),
  personId: uuid('person_id').notNull(),
  name: text('name').notNull(),
  email: text('email').notNull(),
  body: text('body').notNull(),
  assignedTo: uuid('assigned_to'),
  answer: text('answer'),
  answeredBy: uuid('answered_by'),
  answeredAt: timestampColumn('answered_at'),
  createdAt: timestampColumn('created_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  index('questions_open_idx').on(t.workspaceId, t.answeredAt, t.createdAt),
  // The asker is a person of the workspace; a merge moves the question (see questions.service.ts).
  foreignKey({ columns: [t.workspaceId, t.personId], foreignColumns: [people.workspaceId, people.id] }).onDelete('cascade'),
]);

// Every module's tables, for drizzle-kit to generate migrations from.
export * from '../modules/workspaces/workspaces.table.ts';
export * from '../modules/auth/auth.table.ts';
export * from '../modules/people/people.table.ts';
export * from '../modules/people/nudges.table.ts';
export * from '../core/rate-limit/rate-limit.table.ts';
export * from '../modules/imports/imports.table.ts';
export * from '../modules/audience/consent.table.ts';
export * from '../mail/mail.table.ts';
export * from '../modules/audience/questions.table.ts';
export * from '../modules/focus/focus.table.ts';
export * from '../modules/audience/broadcasts.table.ts';
export * from '../modules/posts/posts.table.ts';
export * from '../modules/events/events.table.ts';
export * from '../modules/insights/insights.table.ts';

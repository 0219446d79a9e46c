import type { JobDefinition } from '../jobs/index.ts';
import type { Database } from './index.ts';

// PostgreSQL's autovacuum keeps the planner's statistics current and clears dead rows; PGlite has no
// autovacuum, so a table that grew since its last ANALYZE is planned as if it were still small (a
// 10,000-post claim took seconds, not milliseconds), and the dead rows of every update and of every
// rolled-back import preview stay in the tables and their indexes (a search read their pages too).
// The embedded mode vacuums and analyzes every hour instead.
export function maintenanceJobs(database: Database): JobDefinition[] {
  if (database.kind !== 'pglite') return [];
  return [{ name: 'analyze-embedded', cron: '41 * * * *', handler: () => database.exec('vacuum (analyze)') }];
}

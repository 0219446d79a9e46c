import type { JobDefinition } from '../jobs/index.ts';
import type { Database } from './index.ts';

// PostgreSQL's autovacuum keeps the planner's statistics current; PGlite has no autovacuum, so a table that
// grew since its last ANALYZE is planned as if it were still small (a 10,000-post claim took seconds, not
// milliseconds). The embedded mode analyzes every hour instead.
export function maintenanceJobs(database: Database): JobDefinition[] {
  if (database.kind !== 'pglite') return [];
  return [{ name: 'analyze-embedded', cron: '41 * * * *', handler: () => database.exec('analyze') }];
}

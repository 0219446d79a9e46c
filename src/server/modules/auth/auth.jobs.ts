import type { JobDefinition } from '../../jobs/index.ts';
import type { AuthService } from './auth.service.ts';

export function authJobs(auth: AuthService): JobDefinition[] {
  return [{ name: 'purge-expired-sessions', cron: '17 * * * *', handler: () => auth.purgeExpiredSessions() }];
}

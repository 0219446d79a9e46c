import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Database } from '../../db/index.ts';
import type { JobDefinition } from '../../jobs/index.ts';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;
type RouteOptions = { routeInfo?: { method?: string | string[]; url?: string } };

// A @fastify/rate-limit store in the application's database, so limits hold across processes.
export function databaseRateLimitStore(database: Database): FastifyRateLimitStoreCtor {
  return class DatabaseStore {
    prefix: string;
    constructor(options: object = {}) {
      const { routeInfo } = options as RouteOptions;
      this.prefix = routeInfo ? `${routeInfo.method} ${routeInfo.url}|` : '';
    }

    incr(key: string, callback: Callback, timeWindow: number) {
      database.query(
        `insert into rate_limits (key, hits, window_ends) values ($1, 1, now() + $2 * interval '1 millisecond')
         on conflict (key) do update set
           hits = case when rate_limits.window_ends <= now() then 1 else rate_limits.hits + 1 end,
           window_ends = case when rate_limits.window_ends <= now() then excluded.window_ends else rate_limits.window_ends end
         returning hits, greatest(0, extract(epoch from (window_ends - now())) * 1000)::int as ttl`,
        [this.prefix + key, timeWindow],
      ).then(({ rows }) => callback(null, { current: Number(rows[0]!.hits), ttl: Number(rows[0]!.ttl) }), (error: Error) => callback(error));
    }

    read(key: string, callback: Callback) {
      database.query(`select hits, greatest(0, extract(epoch from (window_ends - now())) * 1000)::int as ttl from rate_limits where key = $1 and window_ends > now()`, [this.prefix + key])
        .then(({ rows }) => callback(null, rows[0] ? { current: Number(rows[0].hits), ttl: Number(rows[0].ttl) } : { current: 0, ttl: 0 }), (error: Error) => callback(error));
    }

    child(routeOptions: object) {
      return new DatabaseStore(routeOptions);
    }
  };
}

export function rateLimitJobs(database: Database): JobDefinition[] {
  return [{ name: 'purge-rate-limits', cron: '*/15 * * * *', handler: () => database.query('delete from rate_limits where window_ends < now()') }];
}

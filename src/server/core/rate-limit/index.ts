import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Database } from '../../db/index.ts';
import type { JobDefinition } from '../../jobs/index.ts';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;
type RouteOptions = { routeInfo?: { method?: string | string[]; url?: string } };

type Pending = { key: string; timeWindow: number; callback: Callback };

// A @fastify/rate-limit store in the application's database, so limits hold across processes.
// Hits that arrive while a write is under way wait and go together in the next one (one statement
// and one commit for a burst, instead of one each); a key hit n times in it counts n.
export function databaseRateLimitStore(database: Database): FastifyRateLimitStoreCtor {
  let pending: Pending[] = [];
  let writing = false;

  async function flush() {
    writing = true;
    while (pending.length) {
      const batch = pending;
      pending = [];
      const byKey = new Map<string, Pending[]>();
      for (const hit of batch) byKey.set(hit.key, [...(byKey.get(hit.key) ?? []), hit]);
      const keys = [...byKey.keys()];
      let answers: Map<string, { hits: number; ttl: number }>;
      try {
        const { rows } = await database.query(
          `insert into rate_limits (key, hits, window_ends)
           select k.key, k.hits, now() + k.ms * interval '1 millisecond' from unnest($1::text[], $2::int[], $3::int[]) as k(key, hits, ms)
           on conflict (key) do update set
             hits = case when rate_limits.window_ends <= now() then excluded.hits else rate_limits.hits + excluded.hits end,
             window_ends = case when rate_limits.window_ends <= now() then excluded.window_ends else rate_limits.window_ends end
           returning key, hits, greatest(0, extract(epoch from (window_ends - now())) * 1000)::int as ttl`,
          [keys, keys.map((k) => byKey.get(k)!.length), keys.map((k) => byKey.get(k)![0]!.timeWindow)],
        );
        answers = new Map(rows.map((r) => [String(r.key), { hits: Number(r.hits), ttl: Number(r.ttl) }]));
      } catch (error) {
        for (const hit of batch) hit.callback(error as Error);
        continue;
      }
      for (const [key, hits] of byKey) {
        const answer = answers.get(key)!;
        // Each hit its own count, in arrival order, as if they had come one by one.
        hits.forEach((hit, i) => hit.callback(null, { current: answer.hits - hits.length + 1 + i, ttl: answer.ttl }));
      }
    }
    writing = false;
  }

  return class DatabaseStore {
    prefix: string;
    constructor(options: object = {}) {
      const { routeInfo } = options as RouteOptions;
      this.prefix = routeInfo ? `${routeInfo.method} ${routeInfo.url}|` : '';
    }
    incr(key: string, callback: Callback, timeWindow: number) {
      pending.push({ key: this.prefix + key, timeWindow, callback });
      if (!writing) void flush();
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

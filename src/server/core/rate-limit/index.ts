import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Database } from '../../db/index.ts';
import { createBatcher } from '../batcher.ts';
import type { JobDefinition } from '../../jobs/index.ts';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;
type RouteOptions = { routeInfo?: { method?: string | string[]; url?: string } };

type Hit = { key: string; timeWindow: number };
type Answer = { current: number; ttl: number };

// A @fastify/rate-limit store in the application's database, so limits hold across processes.
// Hits that arrive while a write is under way go together in the next one (createBatcher: one
// statement and one commit for a burst, instead of one each); a key hit n times in it counts n.
export function databaseRateLimitStore(database: Database): FastifyRateLimitStoreCtor {
  const hit = createBatcher(async (hits: Hit[]): Promise<Answer[]> => {
    const counts = new Map<string, { hits: number; timeWindow: number }>();
    for (const { key, timeWindow } of hits) counts.set(key, { hits: (counts.get(key)?.hits ?? 0) + 1, timeWindow: counts.get(key)?.timeWindow ?? timeWindow });
    const keys = [...counts.keys()];
    const { rows } = await database.query(
      `insert into rate_limits (key, hits, window_ends)
       select k.key, k.hits, now() + k.ms * interval '1 millisecond' from unnest($1::text[], $2::int[], $3::int[]) as k(key, hits, ms)
       on conflict (key) do update set
         hits = case when rate_limits.window_ends <= now() then excluded.hits else rate_limits.hits + excluded.hits end,
         window_ends = case when rate_limits.window_ends <= now() then excluded.window_ends else rate_limits.window_ends end
       returning key, hits, greatest(0, extract(epoch from (window_ends - now())) * 1000)::int as ttl`,
      [keys, keys.map((k) => counts.get(k)!.hits), keys.map((k) => counts.get(k)!.timeWindow)],
    );
    const totals = new Map(rows.map((r) => [String(r.key), { hits: Number(r.hits), ttl: Number(r.ttl) }]));
    // Each hit its own count, in arrival order, as if they had come one by one.
    const seen = new Map<string, number>();
    return hits.map(({ key }) => {
      const total = totals.get(key)!;
      const before = seen.get(key) ?? 0;
      seen.set(key, before + 1);
      return { current: total.hits - counts.get(key)!.hits + 1 + before, ttl: total.ttl };
    });
  });

  return class DatabaseStore {
    prefix: string;
    constructor(options: object = {}) {
      const { routeInfo } = options as RouteOptions;
      this.prefix = routeInfo ? `${routeInfo.method} ${routeInfo.url}|` : '';
    }
    incr(key: string, callback: Callback, timeWindow: number) {
      hit({ key: this.prefix + key, timeWindow }).then((answer) => callback(null, answer), (error: Error) => callback(error));
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

// The embedded database's store: counted in memory. PGlite belongs to one process, so every server on a
// database is in this process, and they share the count through the database object, as they would in its
// table; what changes is that a form's hit no longer waits for PGlite's one connection behind the
// transaction under way (a burst of RSVPs waited for it twice). Counts start again after a restart.
const memoryCounts = new WeakMap<Database, Map<string, { hits: number; windowEnds: number }>>();
export function memoryRateLimitStore(database: Database): FastifyRateLimitStoreCtor {
  let counts = memoryCounts.get(database);
  if (!counts) memoryCounts.set(database, (counts = new Map()));
  const shared = counts;
  let sweptAt = 0;
  return class MemoryStore {
    prefix: string;
    constructor(options: object = {}) {
      const { routeInfo } = options as RouteOptions;
      this.prefix = routeInfo ? `${routeInfo.method} ${routeInfo.url}|` : '';
    }
    incr(key: string, callback: Callback, timeWindow: number) {
      const now = Date.now();
      // Ended windows are dropped now and then, as the purge job drops the table's rows.
      if (now - sweptAt > 60_000) {
        sweptAt = now;
        for (const [k, entry] of shared) if (entry.windowEnds <= now) shared.delete(k);
      }
      let entry = shared.get(this.prefix + key);
      if (!entry || entry.windowEnds <= now) shared.set(this.prefix + key, (entry = { hits: 0, windowEnds: now + timeWindow }));
      entry.hits++;
      callback(null, { current: entry.hits, ttl: entry.windowEnds - now });
    }
    read(key: string, callback: Callback) {
      const now = Date.now();
      const entry = shared.get(this.prefix + key);
      callback(null, entry && entry.windowEnds > now ? { current: entry.hits, ttl: entry.windowEnds - now } : { current: 0, ttl: 0 });
    }
    child(routeOptions: object) {
      return new MemoryStore(routeOptions);
    }
  };
}

export function rateLimitJobs(database: Database): JobDefinition[] {
  return [{ name: 'purge-rate-limits', cron: '*/15 * * * *', handler: () => database.query('delete from rate_limits where window_ends < now()') }];
}

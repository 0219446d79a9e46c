import { buildApp } from '../src/server/app.ts';
import { log, type Bench, type Figure } from './lib/report.ts';
import { median, percentile, round } from './lib/stats.ts';
import { withWorkspace, type Kind } from './lib/workspace.ts';

const posts = Number(process.env.BENCH_RSVP_POSTS ?? 5000);
const concurrency = Number(process.env.BENCH_RSVP_CONCURRENCY ?? 200);
const capacity = 60;

export const rsvpBurstPglite: Bench = {
  name: 'rsvp-burst-pglite',
  figures: ['rsvp_per_minute_pglite', 'rsvp_p50_ms_pglite', 'rsvp_p99_ms_pglite', 'rsvp_confirmed_pglite'],
  run: () => measure('pglite'),
};

export const rsvpBurstPostgres: Bench = {
  name: 'rsvp-burst-postgres',
  figures: ['rsvp_per_minute_postgres', 'rsvp_p50_ms_postgres', 'rsvp_p99_ms_postgres', 'rsvp_confirmed_postgres'],
  run: () => measure('postgres'),
};

// The sold-out meetup: 5,000 form POSTs to /e/{slug}/register at concurrency 200, over HTTP, to one
// 60-place occurrence. The server is the real app (buildApp) listening on loopback in this process;
// the per-address form limit is raised (every POST comes from 127.0.0.1). Each POST is timed from
// send to its 303; the rate is POSTs answered per minute of wall time.
function measure(kind: Kind): Promise<Figure[]> {
  return withWorkspace(kind, 'rsvp', async ({ database, config, auth }) => {
    const { app, services } = await buildApp({ config, database, formRateLimit: 1_000_000 });
    try {
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      const event = await services.events.createSeries(auth, {
        title: 'Sold out meetup', description: '', rrule: null, timezone: 'Europe/Berlin', localStart: '2030-03-14T19:00', durationMinutes: 120,
        capacity, venue: 'Green Door Café', address: 'Oranienstraße 1, Berlin', onlineUrl: null, isPublic: true,
      });
      const { slug, id } = event.occurrences[0]!;
      const latencies: number[] = [];
      const statuses = new Map<number, number>();
      let next = 0;
      const started = performance.now();
      await Promise.all(Array.from({ length: concurrency }, async () => {
        while (next < posts) {
          const i = next++;
          const t0 = performance.now();
          const response = await fetch(`${address}/e/${slug}/register`, {
            method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: `name=Guest+${i}&email=guest${i}%40example.org&source=bench`,
          });
          await response.arrayBuffer();
          latencies.push(performance.now() - t0);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        }
      }));
      const seconds = (performance.now() - started) / 1000;
      const counts = Object.fromEntries((await database.query('select status, count(*)::int as n from event_registrations where occurrence_id = $1 group by status', [id])).rows.map((r) => [r.status, r.n]));
      log(`rsvp-burst ${kind}: ${posts} POSTs in ${round(seconds, 1)} s; statuses ${JSON.stringify(Object.fromEntries(statuses))}; registrations ${JSON.stringify(counts)}`);
      const ok = statuses.get(303) === posts;
      const error = ok ? undefined : `not every POST got its 303: ${JSON.stringify(Object.fromEntries(statuses))}`;
      const common = { runs: latencies.length, rows: posts, ...(error ? { error } : {}) };
      return [
        { name: `rsvp_per_minute_${kind}`, value: round((posts / seconds) * 60, 0), unit: 'registrations/min', target: kind === 'postgres' ? '>= 50000' : '>= 20000', stat: 'rate', ...common },
        { name: `rsvp_p50_ms_${kind}`, value: round(median(latencies), 1), unit: 'ms', target: 'none', stat: 'p50', ...common },
        { name: `rsvp_p99_ms_${kind}`, value: round(percentile(latencies, 99), 1), unit: 'ms', target: '< 100', stat: 'p99', ...common },
        { name: `rsvp_confirmed_${kind}`, value: counts.confirmed ?? 0, unit: 'registrations', target: `= ${capacity}`, stat: 'count', ...common },
      ];
    } finally {
      await app.close();
    }
  });
}

import { createServices } from '../src/server/app.ts';
import { openDatabase, type Database } from '../src/server/db/index.ts';
import { httpClient } from './lib/http-client.ts';
import { freePort, startOnland, stopOnland, waitForHealth } from './lib/onland-process.ts';
import { log, type Bench, type Figure } from './lib/report.ts';
import { createScratchDatabase, tempDir } from './lib/scratch.ts';
import { median, percentile, round } from './lib/stats.ts';
import { benchConfig, type Kind } from './lib/workspace.ts';

const posts = Number(process.env.BENCH_RSVP_POSTS ?? 5000);
const concurrency = Number(process.env.BENCH_RSVP_CONCURRENCY ?? 200);
const capacity = 60;
const secret = 'bench-secret-bench-secret-bench-secret';

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

// A workspace with one 60-place public meetup, written before the server starts (PGlite's folder has
// one owner at a time); `run` gets the server's environment and the occurrence.
async function withMeetup<T>(kind: Kind, prefix: string, run: (store: { dataDir: string; env: Record<string, string>; open: () => Promise<Database>; slug: string; id: string }) => Promise<T>): Promise<T> {
  const dataDir = tempDir(`${prefix}-${kind}`);
  const scratch = kind === 'postgres' ? await createScratchDatabase(prefix) : undefined;
  const open = () => openDatabase(scratch ? { databaseUrl: scratch.url } : { dataDir: dataDir.path });
  try {
    const database = await open();
    let occurrence: { slug: string; id: string };
    try {
      await database.migrate();
      const services = createServices({ config: benchConfig(dataDir.path, scratch?.url), database });
      await services.auth.setup({ workspaceName: 'Bench Coaching', name: 'Bea Bench', email: 'bea@example.com', password: 'bench bench bench' });
      const event = await services.events.createSeries(await services.auth.ownerAuth(), {
        title: 'Sold out meetup', description: 'Founders talk shop over coffee: what worked this month, what did not, and who can help.', rrule: null,
        timezone: 'Europe/Berlin', localStart: '2030-03-14T19:00', durationMinutes: 120,
        capacity, venue: 'Green Door Café', address: 'Oranienstraße 1, Berlin', onlineUrl: null, isPublic: true,
      });
      occurrence = event.occurrences[0]!;
    } finally {
      await database.close();
    }
    const env: Record<string, string> = { ONLAND_SECRET: secret, ...(scratch ? { DATABASE_URL: scratch.url } : {}) };
    return await run({ dataDir: dataDir.path, env, open, ...occurrence });
  } finally {
    await scratch?.drop();
    dataDir.remove();
  }
}

// The sold-out meetup: 5,000 form POSTs to /e/{slug}/register at concurrency 200, over HTTP, to one
// 60-place occurrence, on `onland start` (server and worker, as a user runs it) in its own process.
// Every POST comes from this machine, so the per-address form limit is raised (FORM_RATE_LIMIT).
// Each visitor first opens the page on its connection, as a browser does before the form is sent; then
// each POST is timed from send to its 303 (kept-alive connections); the rate is POSTs answered per minute
// of wall time. The first 200 POSTs meet a registration path that has not run yet in this process.
function measure(kind: Kind): Promise<Figure[]> {
  return withMeetup(kind, 'rsvp', async ({ dataDir, env, open, slug, id }) => {
    const server = startOnland({ dataDir, port: await freePort(), env: { ...env, FORM_RATE_LIMIT: '1000000' } });
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let seconds = 0;
    const client = httpClient(concurrency);
    try {
      await waitForHealth(server, { since: performance.now(), timeoutMs: 180_000 });
      const pages = await Promise.all(Array.from({ length: concurrency }, () => client.send(`${server.url}/e/${slug}`)));
      if (pages.some((page) => page.status !== 200)) throw new Error(`the event page did not answer 200: ${pages.map((page) => page.status).join(' ')}`);
      let next = 0;
      const started = performance.now();
      await Promise.all(Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < posts; i = next++) {
          const t0 = performance.now();
          const response = await client.send(`${server.url}/e/${slug}/register`, {
            method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: `name=Guest+${i}&email=guest${i}%40example.org&source=bench`,
          });
          latencies.push(performance.now() - t0);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        }
      }));
      seconds = (performance.now() - started) / 1000;
    } finally {
      client.close();
      await stopOnland(server);
    }
    const database = await open();
    let counts: Record<string, number>;
    try {
      counts = Object.fromEntries((await database.query('select status, count(*)::int as n from event_registrations where occurrence_id = $1 group by status', [id])).rows.map((r) => [r.status, Number(r.n)]));
    } finally {
      await database.close();
    }
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
  });
}

export { withMeetup };

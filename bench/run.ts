import { broadcastPglite, broadcastPostgres, subscribePglite, subscribePostgres } from './audience.ts';
import { first200 } from './first-200.ts';
import { fuzzBench } from './fuzz.ts';
import { idleRss } from './idle-rss.ts';
import { importLinkedinPglite, importLinkedinPostgres } from './import-linkedin.ts';
import { insightsPostgres } from './insights.ts';
import { emit, errorMessage, log, type Bench } from './lib/report.ts';
import { npmInstall } from './npm-install.ts';
import { peopleSearchPglite, peopleSearchPostgres } from './people-search.ts';
import { publicPagePglite, publicPagePostgres } from './public-page.ts';
import { publishBurstPostgres } from './publish-burst.ts';
import { rsvpBurstPglite, rsvpBurstPostgres } from './rsvp-burst.ts';
import { snapshotPglite } from './snapshot.ts';
import { todayPglite, todayPostgres } from './today.ts';

// `node bench/run.ts` runs every benchmark; `node bench/run.ts idle-rss people_search_p95_ms_postgres`
// runs those whose bench name or figure name is given. Figures on stdout, progress on stderr.
const benches: Bench[] = [
  idleRss, first200, npmInstall, peopleSearchPglite, peopleSearchPostgres,
  importLinkedinPglite, importLinkedinPostgres, todayPglite, todayPostgres,
  subscribePglite, subscribePostgres, broadcastPglite, broadcastPostgres, rsvpBurstPglite, rsvpBurstPostgres, publicPagePglite, publicPagePostgres, publishBurstPostgres,
  insightsPostgres, snapshotPglite, fuzzBench,
];

const wanted = process.argv.slice(2);
if (wanted.includes('--list')) {
  for (const bench of benches) console.log(`${bench.name}: ${bench.figures.join(', ')}`);
  process.exit(0);
}
const unknown = wanted.filter((w) => !benches.some((b) => b.name === w || b.figures.includes(w)));
if (unknown.length > 0) {
  log(`unknown bench or figure: ${unknown.join(', ')} (see node bench/run.ts --list)`);
  process.exit(2);
}
const selected = wanted.length === 0 ? benches : benches.filter((b) => wanted.includes(b.name) || b.figures.some((f) => wanted.includes(f)));

let failed = false;
for (const bench of selected) {
  const started = performance.now();
  log(`== ${bench.name}`);
  try {
    for (const figure of await bench.run()) emit(figure);
  } catch (error) {
    // A broken bench still prints its figures, with the error, and the others still run.
    failed = true;
    // The message without a failed query's SQL (it can be megabytes), then where it was thrown.
    const frames = error instanceof Error ? (error.stack ?? '').split('\n').filter((l) => l.startsWith('    at ')).slice(0, 12) : [];
    log(`${bench.name} failed: ${errorMessage(error)}\n${frames.join('\n')}`);
    for (const name of bench.figures) emit({ name, value: null, unit: '', target: '', runs: 0, stat: '', error: errorMessage(error) });
  }
  log(`== ${bench.name} done in ${Math.round((performance.now() - started) / 1000)} s`);
}
process.exit(failed ? 1 : 0);

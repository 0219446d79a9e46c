import { captureQueries, clipLines, explainAnalyze, explainAnalyzeRolledBack, summarisePlan } from './lib/explain.ts';
import { decoratePeople, insertInteractions, interactionCounts } from './lib/interactions-data.ts';
import { generatePeople, seedPeople } from './lib/people-data.ts';
import { log, type Bench, type Figure } from './lib/report.ts';
import { median, percentile, round } from './lib/stats.ts';
import { withWorkspace, type BenchWorkspace, type Kind } from './lib/workspace.ts';
import { timePeopleSearch } from './people-search.ts';

const peopleCount = Number(process.env.BENCH_PEOPLE ?? 100_000);
// PGlite (one single-threaded process) is given fewer interactions; the figures say how many.
const interactionTotals: Record<Kind, number> = {
  postgres: Number(process.env.BENCH_INTERACTIONS ?? 5_000_000),
  pglite: Number(process.env.BENCH_INTERACTIONS_PGLITE ?? process.env.BENCH_INTERACTIONS ?? 1_000_000),
};
const warmupCalls = 10;
const timedCalls = 100;
const tagCadences = { family: 14, client: 30 };
const hour = 3_600_000;

export const todayPglite: Bench = {
  name: 'today-pglite',
  figures: ['recompute_touches_100k_s_pglite', 'today_p50_ms_pglite', 'today_p95_ms_pglite', 'people_search_with_interactions_p95_ms_pglite'],
  run: () => measure('pglite'),
};

export const todayPostgres: Bench = {
  name: 'today-postgres',
  figures: ['recompute_touches_100k_s_postgres', 'today_p50_ms_postgres', 'today_p95_ms_postgres', 'people_search_with_interactions_p95_ms_postgres'],
  run: () => measure('postgres'),
};

// services.nudges.today — "who should I call or meet today?" — on a workspace of 100,000 people
// and millions of interactions, after services.people.recomputeTouches has derived the ladder and
// touch facts from them; then the People search mix again on the same, fuller tables.
function measure(kind: Kind): Promise<Figure[]> {
  return withWorkspace(kind, 'today', async (workspace) => {
    const { database, services, auth } = workspace;
    const total = interactionTotals[kind];
    const scale = { people: peopleCount, interactions: total };
    const now = new Date();

    const ids = await seedPeople(database, services, auth, generatePeople(peopleCount), { keys: false });
    await services.nudges.updateSettings(auth, { tagCadences });
    const decoration = await decoratePeople(database, auth.workspaceId, ids, now);
    log(`today ${kind}: ${decoration.withCadence} people with a cadence, ${decoration.family} tagged family, `
      + `${decoration.introduced} introduced by ${decoration.referrers} connectors; tag cadences ${JSON.stringify(tagCadences)}`);

    // As autovacuum would have by now (PGlite has none): the interactions' foreign key check is
    // planned on the first insert, and must see 100,000 people, not the few created above.
    await database.query('analyze people');
    const loadStarted = performance.now();
    const counts = interactionCounts(ids.length, total);
    const inserted = await insertInteractions(database, auth.workspaceId, ids, counts, now);
    const sorted = [...counts].sort((a, b) => a - b);
    log(`today ${kind}: ${inserted} interactions in ${round((performance.now() - loadStarted) / 1000)} s; per person: `
      + `median ${median(sorted)}, p90 ${percentile(sorted, 90)}, p99 ${percentile(sorted, 99)}, max ${sorted.at(-1)}, `
      + `${sorted.filter((n) => n >= 1000).length} people with 1,000 or more, ${sorted.filter((n) => n === 0).length} with none`);
    await addPlans(workspace, ids, now);

    const recomputeStarted = performance.now();
    const recomputed = await services.people.recomputeTouches(auth);
    const recomputeSeconds = (performance.now() - recomputeStarted) / 1000;
    log(`today ${kind}: recomputeTouches of ${recomputed} people in ${round(recomputeSeconds, 2)} s`);
    await logLadder(workspace);
    await explainRecompute(workspace, total);

    const analyzeStarted = performance.now();
    await database.query('analyze');
    log(`today ${kind}: analyze in ${round((performance.now() - analyzeStarted) / 1000)} s`);

    for (let i = 0; i < warmupCalls; i++) await services.nudges.today(auth);
    const samples: number[] = [];
    let last: Awaited<ReturnType<typeof services.nudges.today>> | undefined;
    for (let i = 0; i < timedCalls; i++) {
      const started = performance.now();
      last = await services.nudges.today(auth);
      samples.push(performance.now() - started);
    }
    log(`today ${kind}: ${timedCalls} calls: p50 ${round(median(samples), 2)} ms, p95 ${round(percentile(samples, 95), 2)} ms, max ${round(Math.max(...samples), 2)} ms; `
      + `meeting mode ${last?.meetingMode ? 'on' : 'off'}, ${last?.plans.length} plans, nudges per section: `
      + (last?.sections.map((s) => `${s.key} ${s.nudges.length}`).join(', ') ?? ''));
    const example = last?.sections.flatMap((s) => s.nudges).slice(0, 3).map((n) => `  ${n.rule}: ${n.reason}`);
    if (example?.length) log(example.join('\n'));
    await explainToday(workspace, total);

    const { all: search } = await timePeopleSearch(workspace, peopleCount, `people-search with ${total} interactions`);
    return [
      { name: `recompute_touches_100k_s_${kind}`, value: round(recomputeSeconds, 2), unit: 's', target: 'none', runs: 1, stat: 'single run', ...scale },
      { name: `today_p50_ms_${kind}`, value: round(median(samples), 2), unit: 'ms', target: 'none', runs: samples.length, stat: 'p50', ...scale },
      { name: `today_p95_ms_${kind}`, value: round(percentile(samples, 95), 2), unit: 'ms', target: kind === 'postgres' ? '< 50' : 'none (< 50 on PostgreSQL)', runs: samples.length, stat: 'p95', ...scale },
      { name: `people_search_with_interactions_p95_ms_${kind}`, value: round(percentile(search, 95), 2), unit: 'ms', target: kind === 'postgres' ? '< 30' : 'none (< 30 on PostgreSQL)', runs: search.length, stat: 'p95', ...scale },
    ];
  });
}

// A handful of planned calls and coffees in Today's window (last week to the day after tomorrow),
// none running now, through the real service: Today shows them with each person's name.
async function addPlans({ services, auth }: BenchWorkspace, ids: string[], now: Date): Promise<void> {
  const offsets = [-150, -30, -5, 3, 6, 20, 26, 40];
  for (const [i, offset] of offsets.entries()) {
    await services.nudges.plan(auth, {
      personId: ids[(i * 12_347) % ids.length]!, kind: i % 2 ? 'coffee' : 'call', startsAt: new Date(now.getTime() + offset * hour),
      durationMinutes: 30, place: null, note: null,
    });
  }
}

async function logLadder({ database, auth, kind }: BenchWorkspace): Promise<void> {
  const { rows } = await database.query(`select ladder_step, count(*)::int as n from people where workspace_id = $1 group by 1 order by 1`, [auth.workspaceId]);
  log(`today ${kind}: people per ladder step: ${rows.map((r) => `${['aware', 'engaged', 'conversing', 'talked', 'met'][Number(r.ladder_step)]} ${r.n}`).join(', ')}`);
}

// Every query Today sends, with its plan in one line, and the full plan of the slowest.
async function explainToday({ database, config, auth, kind }: BenchWorkspace, interactions: number): Promise<void> {
  const queries = await captureQueries(database, config, (services) => services.nudges.today(auth));
  log(`today ${kind}: ${queries.length} queries per call (EXPLAIN ANALYZE, BUFFERS of each):`);
  const plans = [];
  for (const query of queries) {
    const plan = await explainAnalyze(database, query);
    const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
    const table = /from "?(\w+)"?/i.exec(query.sql)?.[1] ?? '?';
    plans.push({ query, plan, ms });
    log(`  ${queryLabel(query.sql).padEnd(26)} ${summarisePlan(plan, table === 'interactions' ? interactions : peopleCount, ['people', 'interactions']).line}`);
  }
  const slowest = plans.sort((a, b) => b.ms - a.ms)[0];
  if (!slowest) return;
  log(`\ntoday ${kind}: slowest query (${round(slowest.ms, 2)} ms):`);
  log(`  SQL: ${slowest.query.sql.replace(/\s+/g, ' ')}\n  params: ${JSON.stringify(slowest.query.params)}`);
  log(clipLines(slowest.plan).split('\n').map((l) => `  ${l}`).join('\n'));
}

// recomputeTouches is one statement over all interactions; its plan, run again after the timed run
// (so with a warm cache) and rolled back.
async function explainRecompute({ database, config, auth, kind }: BenchWorkspace, interactions: number): Promise<void> {
  const queries = await captureQueries(database, config, (services) => services.people.recomputeTouches(auth));
  const statement = queries.find((q) => /update people p set/.test(q.sql));
  if (!statement) {
    log(`today ${kind}: recomputeTouches sent no update of people; nothing to explain (${queries.length} queries)`);
    return;
  }
  const plan = await explainAnalyzeRolledBack(database, statement);
  log(`today ${kind}: recomputeTouches: ${summarisePlan(plan, interactions, ['interactions', 'people']).line}`);
  log(clipLines(plan).split('\n').map((l) => `  ${l}`).join('\n'));
}

// Which rule or lookup a captured query is, by the key it builds or the table it reads.
function queryLabel(sql: string): string {
  const rule = /select '(\w+):' \|\|/.exec(sql)?.[1];
  if (rule) return `nudge rule ${rule}`;
  return `read ${/from "(\w+)"/.exec(sql)?.[1] ?? 'other'}`;
}

import type { z } from 'zod';
import type { Config } from '../src/server/config.ts';
import { encodeCursor } from '../src/server/core/cursor.ts';
import type { Database } from '../src/server/db/index.ts';
import type { Auth } from '../src/server/modules/auth/index.ts';
import type { PeopleQuery } from '../src/server/modules/people/people.contract.ts';
import { captureQueries, explainAnalyze, summarisePlan, type CapturedQuery } from './lib/explain.ts';
import { generatePeople, seedPeople } from './lib/people-data.ts';
import { log, type Bench, type Figure } from './lib/report.ts';
import { median, percentile, round } from './lib/stats.ts';
import { withWorkspace, type BenchWorkspace, type Kind } from './lib/workspace.ts';

type Query = z.output<typeof PeopleQuery>;
type Shape = { label: string; query: Query };

const peopleCount = Number(process.env.BENCH_PEOPLE ?? 100_000);
const timedCalls = 200;
const warmupRounds = 3;

export const peopleSearchPglite: Bench = {
  name: 'people-search-pglite',
  figures: ['people_search_p50_ms_pglite', 'people_search_p95_ms_pglite'],
  run: () => measure('pglite'),
};

export const peopleSearchPostgres: Bench = {
  name: 'people-search-postgres',
  figures: ['people_search_p50_ms_postgres', 'people_search_p95_ms_postgres'],
  run: () => measure('postgres'),
};

// services.people.list at 100,000 people: the People screen's search box, filters and paging.
function measure(kind: Kind): Promise<Figure[]> {
  return withWorkspace(kind, 'people', async (workspace) => {
    const { database } = workspace;
    await seedPeople(database, workspace.services, workspace.auth, generatePeople(peopleCount), { keys: false });
    await database.query('analyze');
    const { all } = await timePeopleSearch(workspace, peopleCount, 'people-search');
    const target = kind === 'postgres' ? '< 30' : 'none (< 30 on PostgreSQL)';
    return [
      { name: `people_search_p50_ms_${kind}`, value: round(median(all), 2), unit: 'ms', target: 'none', runs: all.length, stat: 'p50' },
      { name: `people_search_p95_ms_${kind}`, value: round(percentile(all, 95), 2), unit: 'ms', target, runs: all.length, stat: 'p95' },
    ];
  });
}

// The timed mix of searches on a workspace that holds `count` people (also used at larger scale
// by the Today bench): per-shape timings and plans on stderr, every sample returned.
export async function timePeopleSearch(workspace: BenchWorkspace, count: number, label: string): Promise<{ all: number[] }> {
  const { database, config, services, auth, kind } = workspace;
  const shapes = await queryShapes(database, auth.workspaceId, count);
  await logMatches(database, auth.workspaceId, shapes, `${label} ${kind}`);

  for (let round = 0; round < warmupRounds; round++) {
    for (const shape of shapes) await services.people.list(auth, shape.query);
  }
  const byShape = new Map<Shape, number[]>(shapes.map((s) => [s, []]));
  const all: number[] = [];
  const rounds = Math.ceil(timedCalls / shapes.length);
  for (let round = 0; round < rounds; round++) {
    for (const shape of shapes) {
      const started = performance.now();
      await services.people.list(auth, shape.query);
      const ms = performance.now() - started;
      byShape.get(shape)!.push(ms);
      all.push(ms);
    }
  }

  log(`${label} ${kind}: per query shape, ${rounds} calls each (ms):`);
  for (const [shape, samples] of byShape) {
    log(`  ${shape.label.padEnd(34)} p50 ${round(median(samples), 2).toString().padStart(7)}  p95 ${round(percentile(samples, 95), 2).toString().padStart(7)}`);
  }
  await explainShapes(database, config, auth, byShape, count, `${label} ${kind}`);
  return { all };
}

// Common and rare name fragments, an email fragment, short prefixes, a no-match typo,
// tag filters, the first page and a page deep in the list. "yuki" matters: a name whose
// matches all sort late makes a walk along the sort index read nearly every row.
async function queryShapes(database: Database, workspaceId: string, count: number): Promise<Shape[]> {
  const deepOffset = Math.floor(count * 0.9);
  const { rows } = await database.query('select sort_name, id from people where workspace_id = $1 order by sort_name, id offset $2 limit 1', [workspaceId, deepOffset]);
  const deep = rows[0];
  if (!deep) throw new Error('no row for the deep page');
  const limit = 50;
  return [
    { label: 'q=mar (common name fragment)', query: { q: 'mar', limit } },
    { label: 'q=yuki (first name, late in a-z)', query: { q: 'yuki', limit } },
    { label: 'q=anna schmidt (full name)', query: { q: 'anna schmidt', limit } },
    { label: 'q=xiomara (rare name)', query: { q: 'xiomara', limit } },
    { label: 'q=zzyzx (no match)', query: { q: 'zzyzx', limit } },
    { label: 'q=nakamura@gmail (email fragment)', query: { q: 'nakamura@gmail', limit } },
    { label: 'q=k (1 character)', query: { q: 'k', limit } },
    { label: 'q=jo (2 characters)', query: { q: 'jo', limit } },
    { label: 'tag=coach (rare tag)', query: { tag: 'coach', limit } },
    { label: 'tag=newsletter (common tag)', query: { tag: 'newsletter', limit } },
    { label: 'first page', query: { limit } },
    { label: `deep page (cursor at row ${deepOffset})`, query: { cursor: encodeCursor([String(deep.sort_name), String(deep.id)]), limit } },
  ];
}

async function logMatches(database: Database, workspaceId: string, shapes: Shape[], label: string): Promise<void> {
  const counts: string[] = [];
  for (const { label, query } of shapes) {
    if (!query.q && !query.tag) continue;
    const { rows } = query.q
      ? await database.query('select count(*)::int as n from people where workspace_id = $1 and search_text like $2', [workspaceId, `%${query.q.toLowerCase()}%`])
      : await database.query('select count(*)::int as n from people where workspace_id = $1 and tags @> array[$2]::text[]', [workspaceId, query.tag]);
    counts.push(`${label.split(' (')[0]}: ${rows[0]?.n}`);
  }
  log(`${label}: matching people: ${counts.join(', ')}`);
}

// A one-line plan of every shape, and the full plan of the slowest two.
async function explainShapes(database: Database, config: Config, auth: Auth, byShape: Map<Shape, number[]>, count: number, label: string): Promise<void> {
  log(`${label}: plans (EXPLAIN ANALYZE, BUFFERS of the query the service sends):`);
  const plans = new Map<Shape, { plan: string; query: CapturedQuery }>();
  for (const shape of byShape.keys()) {
    const queries = await captureQueries(database, config, (services) => services.people.list(auth, shape.query));
    const list = queries.find((q) => /from "people"/.test(q.sql));
    if (!list) throw new Error(`no people query captured for ${shape.label}`);
    const plan = await explainAnalyze(database, list);
    plans.set(shape, { plan, query: list });
    log(`  ${shape.label.padEnd(34)} ${summarisePlan(plan, count).line}`);
  }
  const slowest = [...byShape].sort(([, a], [, b]) => percentile(b, 95) - percentile(a, 95)).slice(0, 2);
  for (const [shape] of slowest) {
    const { plan, query } = plans.get(shape)!;
    log(`\n${label}: slowest shape "${shape.label}":`);
    log(`  SQL: ${query.sql}\n  params: ${JSON.stringify(query.params)}`);
    log(plan.split('\n').map((l) => `  ${l}`).join('\n'));
  }
}

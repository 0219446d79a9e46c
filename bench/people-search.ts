import type { z } from 'zod';
import { createServices, type Services } from '../src/server/app.ts';
import { loadConfig, type Config } from '../src/server/config.ts';
import { encodeCursor } from '../src/server/core/cursor.ts';
import { openDatabase, type Database } from '../src/server/db/index.ts';
import type { Auth } from '../src/server/modules/auth/index.ts';
import type { PeopleQuery } from '../src/server/modules/people/people.contract.ts';
import { captureQueries, explainAnalyze, summarisePlan, type CapturedQuery } from './lib/explain.ts';
import { derived, generatePeople, insertPeople, type GeneratedPerson } from './lib/people-data.ts';
import { log, type Bench, type Figure } from './lib/report.ts';
import { createScratchDatabase, tempDir } from './lib/scratch.ts';
import { median, percentile, round } from './lib/stats.ts';

type Kind = 'pglite' | 'postgres';
type Query = z.output<typeof PeopleQuery>;
type Shape = { label: string; query: Query };

const peopleCount = Number(process.env.BENCH_PEOPLE ?? 100_000);
const timedCalls = 200;
const warmupRounds = 3;
// People created through the real service, to check that the bulk insert derives like the repository.
const checkedThroughService = 20;

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
async function measure(kind: Kind): Promise<Figure[]> {
  const dataDir = tempDir(`people-${kind}`);
  const scratch = kind === 'postgres' ? await createScratchDatabase('people') : undefined;
  const database = await openDatabase(scratch ? { databaseUrl: scratch.url } : { dataDir: dataDir.path });
  try {
    await database.migrate();
    const config = benchConfig(dataDir.path, scratch?.url);
    const services = createServices({ config, database });
    const session = await services.auth.setup({ workspaceName: 'Bench Coaching', name: 'Bea Bench', email: 'bea@example.com', password: 'bench bench bench' });
    const auth: Auth = { workspaceId: session.workspaceId, userId: session.user.id, role: 'owner', via: 'token' };

    await seedPeople(database, services, auth, generatePeople(peopleCount));
    await database.query('analyze');
    const shapes = await queryShapes(database, auth.workspaceId);
    await logMatches(database, auth.workspaceId, shapes, kind);

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

    log(`people-search ${kind}: per query shape, ${rounds} calls each (ms):`);
    for (const [shape, samples] of byShape) {
      log(`  ${shape.label.padEnd(34)} p50 ${round(median(samples), 2).toString().padStart(7)}  p95 ${round(percentile(samples, 95), 2).toString().padStart(7)}`);
    }
    await explainShapes(database, config, auth, byShape, kind);

    const target = kind === 'postgres' ? '< 30' : 'none (< 30 on PostgreSQL)';
    return [
      { name: `people_search_p50_ms_${kind}`, value: round(median(all), 2), unit: 'ms', target: 'none', runs: all.length, stat: 'p50' },
      { name: `people_search_p95_ms_${kind}`, value: round(percentile(all, 95), 2), unit: 'ms', target, runs: all.length, stat: 'p95' },
    ];
  } finally {
    await database.close();
    await scratch?.drop();
    dataDir.remove();
  }
}

// The server's own loader, from an environment like a user's, so new settings get their defaults.
function benchConfig(dataDir: string, databaseUrl: string | undefined): Config {
  return loadConfig({ ONLAND_DATA_DIR: dataDir, DATABASE_URL: databaseUrl, ONLAND_SECRET: 'bench-secret-bench-secret-bench-secret', PORT: '0' });
}

async function seedPeople(database: Database, services: Services, auth: Auth, people: GeneratedPerson[]): Promise<void> {
  const started = performance.now();
  const sample = people.slice(0, checkedThroughService);
  for (const person of sample) {
    const created = (await services.people.create(auth, { ...person, notes: null, introducedById: null, timezone: null, locale: null, cadenceDays: null })).person;
    const { rows } = await database.query('select sort_name, search_text from people where workspace_id = $1 and id = $2', [auth.workspaceId, created.id]);
    const expected = derived(person);
    if (rows[0]?.sort_name !== expected.sortName || rows[0]?.search_text !== expected.searchText) {
      throw new Error(`bench/lib/people-data.ts derived() no longer matches the repository:\n  repository: ${JSON.stringify(rows[0])}\n  bench:      ${JSON.stringify(expected)}`);
    }
  }
  await insertPeople(database, auth.workspaceId, people.slice(checkedThroughService));
  log(`people-search ${database.kind}: ${people.length} people in ${round((performance.now() - started) / 1000)} s`);
}

// Common and rare name fragments, an email fragment, short prefixes, a no-match typo,
// tag filters, the first page and a page deep in the list. "yuki" matters: a name whose
// matches all sort late makes a walk along the sort index read nearly every row.
async function queryShapes(database: Database, workspaceId: string): Promise<Shape[]> {
  const deepOffset = Math.floor(peopleCount * 0.9);
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

async function logMatches(database: Database, workspaceId: string, shapes: Shape[], kind: Kind): Promise<void> {
  const counts: string[] = [];
  for (const { label, query } of shapes) {
    if (!query.q && !query.tag) continue;
    const { rows } = query.q
      ? await database.query('select count(*)::int as n from people where workspace_id = $1 and search_text like $2', [workspaceId, `%${query.q.toLowerCase()}%`])
      : await database.query('select count(*)::int as n from people where workspace_id = $1 and tags @> array[$2]::text[]', [workspaceId, query.tag]);
    counts.push(`${label.split(' (')[0]}: ${rows[0]?.n}`);
  }
  log(`people-search ${kind}: matching people: ${counts.join(', ')}`);
}

// A one-line plan of every shape, and the full plan of the slowest two.
async function explainShapes(database: Database, config: Config, auth: Auth, byShape: Map<Shape, number[]>, kind: Kind): Promise<void> {
  log(`people-search ${kind}: plans (EXPLAIN ANALYZE, BUFFERS of the query the service sends):`);
  const plans = new Map<Shape, { plan: string; query: CapturedQuery }>();
  for (const shape of byShape.keys()) {
    const queries = await captureQueries(database, config, (services) => services.people.list(auth, shape.query));
    const list = queries.find((q) => /from "people"/.test(q.sql));
    if (!list) throw new Error(`no people query captured for ${shape.label}`);
    const plan = await explainAnalyze(database, list);
    plans.set(shape, { plan, query: list });
    log(`  ${shape.label.padEnd(34)} ${summarisePlan(plan, peopleCount).line}`);
  }
  const slowest = [...byShape].sort(([, a], [, b]) => percentile(b, 95) - percentile(a, 95)).slice(0, 2);
  for (const [shape] of slowest) {
    const { plan, query } = plans.get(shape)!;
    log(`\npeople-search ${kind}: slowest shape "${shape.label}":`);
    log(`  SQL: ${query.sql}\n  params: ${JSON.stringify(query.params)}`);
    log(plan.split('\n').map((l) => `  ${l}`).join('\n'));
  }
}

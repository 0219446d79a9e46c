import type { Services } from '../src/server/app.ts';
import type { Auth } from '../src/server/modules/auth/index.ts';
import { captureQueries, clipLines, explainAnalyzeRolledBack, summarisePlan } from './lib/explain.ts';
import { decoratePeople, insertInteractions, interactionCounts } from './lib/interactions-data.ts';
import { generatePeople, mulberry32, seedPeople } from './lib/people-data.ts';
import { log, type Bench, type Figure } from './lib/report.ts';
import { median, percentile, round } from './lib/stats.ts';
import { withWorkspace, type BenchWorkspace } from './lib/workspace.ts';

const peopleCount = Number(process.env.BENCH_PEOPLE ?? 100_000);
const interactionTotal = Number(process.env.BENCH_INTERACTIONS ?? 5_000_000);
const postCount = Number(process.env.BENCH_POSTS ?? 2_000);
const sessionCount = Number(process.env.BENCH_FOCUS_SESSIONS ?? 2_000);
const warmupCalls = 5;
const timedCalls = 50;
const day = 86_400_000;

// Every insight the page shows, as the page asks for it (a 90-day period, the default).
// What works keeps each post's count and counts a post again once something new follows it: before
// each of its calls a new message is linked to one of the period's posts, as replies keep coming in.
type Insight = { name: string; call: (services: Services, auth: Auth) => Promise<unknown>; before?: (workspace: BenchWorkspace, call: number) => Promise<void> };
const insights: Insight[] = [
  { name: 'funnel', call: (s, a) => s.insights.funnel(a) },
  { name: 'what_works', call: (s, a) => s.insights.whatWorks(a, 90), before: (w, i) => replyToPost(w, 90, i) },
  { name: 'what_works_year', call: (s, a) => s.insights.whatWorks(a, 365), before: (w, i) => replyToPost(w, 365, i) },
  { name: 'channel_return', call: (s, a) => s.insights.channelReturn(a, 90) },
  { name: 'client_sources', call: (s, a) => s.insights.clientSources(a) },
  { name: 'platform_risk', call: (s, a) => s.insights.platformRisk(a) },
  { name: 'platform_risk_people', call: (s, a) => s.insights.onlyOn(a, 'linkedin', 100) },
  { name: 'vanity', call: (s, a) => s.insights.vanity(a, 90) },
];

export const insightsPostgres: Bench = {
  name: 'insights-postgres',
  figures: [...insights.flatMap((i) => [`insights_${i.name}_p50_ms_postgres`, `insights_${i.name}_p95_ms_postgres`]), 'insights_what_works_year_uncounted_ms_postgres'],
  run: () => withWorkspace('postgres', 'insights', measure),
};

// The Today bench's workspace (100,000 people, 5,000,000 interactions over two years), plus what the
// insights read besides: ~40% of people reachable only through their handles (no email, no phone, as
// in a LinkedIn import), published posts on three channels with 5% of the online and offline touches
// after each linked to it, and focus sessions. Then each insight, timed, with the plan of every query.
async function measure(workspace: BenchWorkspace): Promise<Figure[]> {
  const { database, services, auth } = workspace;
  const scale = { people: peopleCount, interactions: interactionTotal };
  const now = new Date();
  const ids = await seedPeople(database, services, auth, generatePeople(peopleCount), { keys: false });
  await decoratePeople(database, auth.workspaceId, ids, now);
  const handlesOnly = await database.query(`update people set emails = '{}', phones = '{}'
    where workspace_id = $1 and jsonb_array_length(handles) > 0 and hashtext(id::text) % 10 < 4`, [auth.workspaceId]);
  log(`insights: ${handlesOnly.rowCount} people reachable only through their handles`);
  await database.query('analyze people');
  const loadStarted = performance.now();
  const inserted = await insertInteractions(database, auth.workspaceId, ids, interactionCounts(ids.length, interactionTotal), now);
  log(`insights: ${inserted} interactions in ${round((performance.now() - loadStarted) / 1000)} s`);
  await addPosts(workspace, now);
  await addFocusSessions(workspace, now);
  const recomputeStarted = performance.now();
  await services.people.recomputeTouches(auth);
  log(`insights: recomputeTouches in ${round((performance.now() - recomputeStarted) / 1000, 2)} s`);
  // As autovacuum would have by now: statistics, and the visibility map that lets the insights'
  // indexes answer without visiting the table.
  await database.query('vacuum analyze people');
  await database.query('vacuum analyze interactions');
  await database.query('vacuum analyze private_talks');
  await database.query('analyze');

  const figures: Figure[] = [];
  // BENCH_INSIGHTS=funnel,vanity times only those (their figures are then the only ones printed).
  const only = process.env.BENCH_INSIGHTS?.split(',');
  for (const insight of insights.filter((i) => !only || only.includes(i.name))) {
    if (insight.name === 'what_works_year') figures.push(await uncounted(workspace, insight, scale));
    for (let i = 0; i < warmupCalls; i++) await insight.call(services, auth);
    const samples: number[] = [];
    for (let i = 0; i < timedCalls; i++) {
      await insight.before?.(workspace, i);
      const started = performance.now();
      await insight.call(services, auth);
      samples.push(performance.now() - started);
    }
    log(`insights ${insight.name}: p50 ${round(median(samples), 2)} ms, p95 ${round(percentile(samples, 95), 2)} ms, max ${round(Math.max(...samples), 2)} ms`);
    await explainInsight(workspace, insight);
    figures.push(
      { name: `insights_${insight.name}_p50_ms_postgres`, value: round(median(samples), 2), unit: 'ms', target: 'none', runs: samples.length, stat: 'p50', ...scale },
      { name: `insights_${insight.name}_p95_ms_postgres`, value: round(percentile(samples, 95), 2), unit: 'ms', target: '< 200', runs: samples.length, stat: 'p95', ...scale },
    );
  }
  const sample = await services.insights.funnel(auth);
  log(`insights: funnel ${sample.steps.map((s) => `${s.step} ${s.people} (+${s.movedUpThisMonth})`).join(', ')}; `
    + `median days to a call ${sample.firstTouchToCall.medianDays} over ${sample.firstTouchToCall.people}, to a meeting ${sample.firstTouchToMeeting.medianDays} over ${sample.firstTouchToMeeting.people}`);
  const risk = await services.insights.platformRisk(auth);
  log(`insights: only on one platform: ${risk.platforms.map((p) => `${p.platform} ${p.onlyThere}`).join(', ')}`);
  return figures;
}

// A message from someone, linked to one of the posts of the last `days` (a different one each call).
async function replyToPost({ database, auth }: BenchWorkspace, days: number, call: number): Promise<void> {
  await database.query(`insert into interactions (workspace_id, person_id, channel, kind, direction, occurred_at, post_id)
    select $1, (select id from people where workspace_id = $1 order by id offset $3 limit 1), 'linkedin', 'dm', 'in', p.published_at + interval '1 hour', p.id
    from posts p where p.workspace_id = $1 and p.status = 'published' and p.published_at >= now() - make_interval(days => $2)
    order by p.published_at desc offset $3 limit 1`, [auth.workspaceId, days, call * 7]);
}

// What works for a year with no post counted yet (after an upgrade to the kept counts, or a restore): one call.
async function uncounted(workspace: BenchWorkspace, insight: Insight, scale: { people: number; interactions: number }): Promise<Figure> {
  await workspace.database.query('delete from post_tallies where workspace_id = $1', [workspace.auth.workspaceId]);
  const started = performance.now();
  await insight.call(workspace.services, workspace.auth);
  const ms = round(performance.now() - started, 2);
  log(`insights ${insight.name}, no post counted yet: ${ms} ms`);
  return { name: `insights_${insight.name}_uncounted_ms_postgres`, value: ms, unit: 'ms', target: 'none', runs: 1, stat: 'one run', ...scale };
}

// Posts published evenly over the two years on three manual channels; then 5% of the touches that
// could follow a post (replies, messages, calls, meetings, likes) are linked to the latest post before them.
async function addPosts({ database, auth }: BenchWorkspace, now: Date): Promise<void> {
  const started = performance.now();
  const channels: string[] = [];
  for (const platform of ['linkedin', 'mastodon', 'instagram']) {
    const { rows } = await database.query(`insert into channels (workspace_id, platform, name, mode, timezone, cadence_per_week, created_at)
      values ($1, $2, $2, 'manual', 'Europe/Berlin', 3, $3) returning id`, [auth.workspaceId, platform, now]);
    channels.push(rows[0]!.id as string);
  }
  const start = new Date(now.getTime() - 730 * day);
  const spacing = (730 * day) / postCount;
  await database.query(`create table bench_posts as
    select k, gen_random_uuid() as id, $2::timestamptz + k * ($3::float8 * interval '1 millisecond') as at
    from generate_series(0, $1::int - 1) k`, [postCount, start.toISOString(), spacing]);
  // Found by number from each interaction (without it the link below scans every post per interaction).
  await database.query('alter table bench_posts add primary key (k)');
  await database.query('analyze bench_posts');
  await database.query(`insert into posts (workspace_id, id, pillar, body, status, scheduled_at, published_at, created_at, updated_at)
    select $1, id, (array['value', 'value', 'personality', 'community', 'offer', 'event'])[1 + k % 6], 'Post number ' || k, 'published', at, at, at, at
    from bench_posts`, [auth.workspaceId]);
  const random = mulberry32(7_310_221);
  const targets = channels.map(() => random());
  await database.query(`insert into post_targets (workspace_id, post_id, channel_id, state, published_at)
    select $1, p.id, c.id, 'published', p.at from bench_posts p cross join unnest($2::uuid[], $3::float8[]) as c(id, share)
    where (p.k * 7919 % 100) / 100.0 < 0.4 + c.share * 0.6`, [auth.workspaceId, channels, targets]);
  const linked = await database.query(`update interactions i set post_id = p.id from bench_posts p
    where i.workspace_id = $1 and i.kind in ('reply', 'comment', 'dm', 'email', 'call', 'coffee', 'meeting', 'like')
      and hashtext(i.id::text) % 20 = 0 and i.occurred_at >= $2
      and p.k = floor(extract(epoch from i.occurred_at - $2::timestamptz) * 1000 / $3::float8)::int`, [auth.workspaceId, start.toISOString(), spacing]);
  await database.query('drop table bench_posts');
  log(`insights: ${postCount} posts on ${channels.length} channels, ${linked.rowCount} interactions linked to them, in ${round((performance.now() - started) / 1000)} s`);
}

// Focus sessions over the two years: 15 minutes on one or two channels, most ended on time.
async function addFocusSessions({ database, auth }: BenchWorkspace, now: Date): Promise<void> {
  const { rows } = await database.query('select id from users where workspace_id = $1 limit 1', [auth.workspaceId]);
  await database.query(`insert into focus_sessions (workspace_id, user_id, channels, plan, started_at, ends_at, ended_at, ended_early, actual)
    select $1, $2, case when k % 3 = 0 then '["linkedin", "mastodon"]'::jsonb when k % 3 = 1 then '["linkedin"]'::jsonb else '["instagram"]'::jsonb end,
      '{"read": 180, "write": 300, "reply": 300, "leave": 120}'::jsonb, at, at + interval '15 minutes', at + interval '15 minutes', k % 10 = 0,
      case when k % 10 = 0 then '{"read": 180, "write": 300, "reply": 120, "leave": 0}'::jsonb else '{"read": 180, "write": 300, "reply": 300, "leave": 120}'::jsonb end
    from (select k, $3::timestamptz - (k * 730.0 / $4) * interval '1 day' as at from generate_series(1, $4::int) k) s`,
  [auth.workspaceId, rows[0]!.id, now.toISOString(), sessionCount]);
}

async function explainInsight({ database, config, auth }: BenchWorkspace, insight: (typeof insights)[number]): Promise<void> {
  const queries = await captureQueries(database, config, (services) => insight.call(services, auth));
  // An analytic statement runs in its own transaction after `set local` (work_mem): explained with the same settings.
  let settings: string[] = [];
  for (const query of queries) {
    if (/from "workspaces"/.test(query.sql)) continue;
    if (/^(begin|commit|rollback)\b/i.test(query.sql)) { settings = []; continue; }
    if (/^set local\b/i.test(query.sql)) { settings.push(query.sql); continue; }
    const plan = await explainAnalyzeRolledBack(database, query, settings);
    const { line } = summarisePlan(plan, interactionTotal, ['people', 'interactions']);
    log(`  ${line}`);
    if (process.env.BENCH_PLANS) log(clipLines(plan).split('\n').map((l) => `    ${l}`).join('\n'));
  }
}

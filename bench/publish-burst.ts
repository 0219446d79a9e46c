import { createServices } from '../src/server/app.ts';
import { openDatabase } from '../src/server/db/index.ts';
import { startFakeMastodon } from '../src/server/modules/posts/adapters/mastodon.test-server.ts';
import { posts, postTargets } from '../src/server/modules/posts/posts.table.ts';
import { freePort, startOnland, type RunningOnland } from './lib/onland-process.ts';
import { log, sleep, type Bench, type Figure } from './lib/report.ts';
import { createScratchDatabase, tempDir } from './lib/scratch.ts';
import { median, percentile, round } from './lib/stats.ts';
import { benchConfig } from './lib/workspace.ts';

const count = Number(process.env.BENCH_PUBLISH_POSTS ?? 10_000);
const workers = 3;
const spreadMs = 60_000;
const secret = 'bench-secret-bench-secret-bench-secret';

export const publishBurstPostgres: Bench = {
  name: 'publish-burst-postgres',
  figures: ['publish_lateness_p50_ms', 'publish_lateness_p99_ms', 'publish_duplicates', 'publish_lost', 'publish_unknown'],
  run: measure,
};

// 10,000 posts due within one minute on a local Mastodon-compatible server, published by three
// `onland worker` processes on one PostgreSQL; the first worker is killed with SIGKILL halfway through.
// Lateness: when the worker recorded the platform's answer minus when the post was due. Duplicates: posts
// the server received more than once. Lost: posts neither on the server nor marked failed or unknown for a
// person to check. Unknown: posts whose call was under way when the worker died (the lease turns them
// unknown; they are reported, not retried).
async function measure(): Promise<Figure[]> {
  const dataDir = tempDir('publish');
  const scratch = await createScratchDatabase('publish');
  const mastodon = await startFakeMastodon();
  const running: RunningOnland[] = [];
  try {
    const database = await openDatabase({ databaseUrl: scratch.url });
    try {
      await database.migrate();
      const services = createServices({ config: benchConfig(dataDir.path, scratch.url), database });
      await services.auth.setup({ workspaceName: 'Bench Coaching', name: 'Bea', email: 'bea@example.com', password: 'bench bench bench' });
      const auth = await services.auth.ownerAuth();
      const channel = await services.posts.createChannel(auth, {
        platform: 'mastodon', name: 'Mastodon', mode: 'api', slots: [], cadencePerWeek: 0, account: `${mastodon.url}/@anna`, credentials: { accessToken: 'token-1' },
      });

      for (let i = 0; i < workers; i++) {
        running.push(startOnland({ dataDir: dataDir.path, port: await freePort(), command: 'worker', env: { DATABASE_URL: scratch.url, ONLAND_SECRET: secret } }));
      }
      // The posts are written straight into the tables (the post coach's near-copy check would make 10,000
      // creations through the service a benchmark of its own); the first is due once the workers are up.
      const start = Date.now() + 25_000;
      const now = new Date();
      const due = (i: number) => new Date(start + Math.floor((i * spreadMs) / count));
      const ids: string[] = [];
      for (let i = 0; i < count; i += 1000) {
        const rows = await database.db.insert(posts).values(Array.from({ length: Math.min(1000, count - i) }, (_, j) => ({
          workspaceId: auth.workspaceId, pillar: 'value' as const, body: `Bench post ${i + j}`, status: 'scheduled' as const, scheduledAt: due(i + j), createdAt: now, updatedAt: now,
        }))).returning({ id: posts.id });
        ids.push(...rows.map((r) => r.id));
      }
      for (let i = 0; i < ids.length; i += 1000) {
        await database.db.insert(postTargets).values(ids.slice(i, i + 1000).map((postId) => ({ workspaceId: auth.workspaceId, postId, channelId: channel.id })));
      }
      // As autovacuum would within its first minute after such a load (the planner's statistics still say "empty").
      await database.exec('analyze posts, post_targets, channels');
      log(`publish-burst: ${count} posts due from ${new Date(start).toISOString()} over ${spreadMs / 1000} s, ${workers} workers`);

      await sleep(start + spreadMs / 2 - Date.now());
      running[0]!.child.kill('SIGKILL');
      log(`publish-burst: worker 1 killed at ${new Date().toISOString()}`);
      // Wait for the rest to settle, or until two minutes after the last post was due.
      const deadline = start + spreadMs + 120_000;
      const countOf = async (text: string) => Number(((await database.query(text)).rows[0] as { n: number }).n);
      while (Date.now() < deadline) {
        const pending = await countOf(`select count(*)::int as n from posts where status in ('scheduled', 'publishing')`);
        if (pending === 0) break;
        // Posts the dead worker was calling stay "publishing" until their lease runs out; once only those are
        // left, waiting longer changes nothing within this benchmark.
        const stuck = await countOf(`select count(*)::int as n from post_targets where state = 'publishing' and attempted_at < now() - interval '20 seconds'`);
        if (stuck === pending && Date.now() > start + spreadMs + 20_000) break;
        await sleep(1000);
      }

      const rows = (await database.query(`select p.body, extract(epoch from (t.published_at - p.scheduled_at)) * 1000 as late, t.state from posts p
        join post_targets t on t.workspace_id = p.workspace_id and t.post_id = p.id`)).rows as { body: string; late: string | null; state: string }[];
      const received = new Map<string, number>();
      for (const status of mastodon.statuses) received.set(status.text, (received.get(status.text) ?? 0) + 1);
      const lateness = rows.filter((r) => r.state === 'published' && r.late !== null).map((r) => Number(r.late));
      const duplicates = [...received.values()].filter((n) => n > 1).length;
      const byState = (state: string) => rows.filter((r) => r.state === state).length;
      const inFlight = byState('publishing');
      const lost = rows.filter((r) => !received.has(r.body) && !['failed', 'unknown', 'publishing'].includes(r.state)).length;
      log(`publish-burst: published ${byState('published')}, in flight at the kill ${inFlight}, unknown ${byState('unknown')}, failed ${byState('failed')}, still scheduled ${byState('pending')}; server received ${mastodon.statuses.length} statuses for ${received.size} posts`);
      const common = { runs: lateness.length, rows: count };
      return [
        { name: 'publish_lateness_p50_ms', value: round(median(lateness), 0), unit: 'ms', target: 'none', stat: 'p50', ...common },
        { name: 'publish_lateness_p99_ms', value: round(percentile(lateness, 99), 0), unit: 'ms', target: '< 2000', stat: 'p99', ...common },
        { name: 'publish_duplicates', value: duplicates, unit: 'posts', target: '= 0', stat: 'count', ...common },
        { name: 'publish_lost', value: lost, unit: 'posts', target: '= 0', stat: 'count', ...common },
        { name: 'publish_unknown', value: inFlight + byState('unknown'), unit: 'posts', target: 'none', stat: 'count', ...common },
      ];
    } finally {
      await database.close();
    }
  } finally {
    for (const worker of running) worker.child.kill('SIGKILL');
    await mastodon.close();
    await scratch.drop();
    dataDir.remove();
  }
}

import { spawn } from 'node:child_process';
import { httpClient } from './lib/http-client.ts';
import { freePort, getStatus, repoRoot, startOnland, stopOnland, waitForHealth } from './lib/onland-process.ts';
import { log, sleep, type Bench, type Figure } from './lib/report.ts';
import { median, round } from './lib/stats.ts';
import type { Kind } from './lib/workspace.ts';
import { withMeetup } from './rsvp-burst.ts';

const seconds = Number(process.env.BENCH_PAGE_SECONDS ?? 15);
const rounds = 5;
const concurrency = 50;

export const publicPagePglite: Bench = {
  name: 'public-page-pglite',
  figures: ['public_page_per_s_pglite', 'hello_world_per_s_pglite_run', 'public_page_ratio_pglite', 'public_page_kb'],
  run: () => measure('pglite'),
};
export const publicPagePostgres: Bench = {
  name: 'public-page-postgres',
  figures: ['public_page_per_s_postgres', 'hello_world_per_s_postgres_run', 'public_page_ratio_postgres'],
  run: () => measure('postgres'),
};

// The one link people click, under load: GET /e/{slug} on `onland start` in its own process, against a
// bare Fastify hello-world in its own process on the same machine in the same run (the same client,
// concurrency and duration), so the ratio says what Onland's page costs beyond HTTP itself. The two take
// turns, a few seconds each, and the ratio is the median of the turns': this machine's speed drifts by a
// quarter within a minute, which one long run of each put into the ratio.
// Page weight: the HTML and every stylesheet, script and image it loads from the server, uncompressed.
function measure(kind: Kind): Promise<Figure[]> {
  return withMeetup(kind, 'page', async ({ dataDir, env, slug }) => {
    const helloPort = await freePort();
    const hello = spawn(process.execPath, ['--input-type=module', '-e', `
      import Fastify from 'fastify';
      const app = Fastify();
      app.get('/', async () => ({ hello: 'world' }));
      await app.listen({ port: ${helloPort}, host: '127.0.0.1' });
    `], { cwd: repoRoot, stdio: 'inherit' });
    const server = startOnland({ dataDir, port: await freePort(), env });
    try {
      await waitForHealth(server, { since: performance.now(), timeoutMs: 180_000 });
      for (let i = 0; (await getStatus(`http://127.0.0.1:${helloPort}/`)) !== 200; i++) {
        if (i > 400) throw new Error('the hello-world server did not start');
        await sleep(25);
      }
      const page = `${server.url}/e/${slug}`;
      const weight = await pageWeight(page);
      log(`public page ${kind}: ${weight.files.map((f) => `${f.url} ${f.bytes} B`).join(', ')}`);
      // Warm-up of both, then the turns: hello-world, then the page.
      await load(page, 2);
      await load(`http://127.0.0.1:${helloPort}/`, 2);
      const turns: { hello: Awaited<ReturnType<typeof load>>; onland: Awaited<ReturnType<typeof load>> }[] = [];
      for (let i = 0; i < rounds; i++) turns.push({ hello: await load(`http://127.0.0.1:${helloPort}/`, seconds / rounds), onland: await load(page, seconds / rounds) });
      const errors = turns.reduce((sum, t) => sum + t.onland.errors, 0);
      log(`public page ${kind}: page / hello-world per turn ${turns.map((t) => `${round(t.onland.rate, 0)}/${round(t.hello.rate, 0)}`).join(', ')} requests/s (${errors} errors)`);
      const common = { runs: turns.reduce((sum, t) => sum + t.onland.requests, 0), ...(errors ? { error: `${errors} requests failed` } : {}) };
      return [
        { name: `public_page_per_s_${kind}`, value: round(median(turns.map((t) => t.onland.rate)), 0), unit: 'requests/s', target: 'none', stat: 'median', ...common },
        { name: `hello_world_per_s_${kind}_run`, value: round(median(turns.map((t) => t.hello.rate)), 0), unit: 'requests/s', target: 'none', stat: 'median', runs: turns.reduce((sum, t) => sum + t.hello.requests, 0) },
        { name: `public_page_ratio_${kind}`, value: round(median(turns.map((t) => t.onland.rate / t.hello.rate)), 2), unit: 'ratio', target: '>= 0.5', stat: 'median', ...common },
        ...(kind === 'pglite' ? [{ name: 'public_page_kb', value: round(weight.bytes / 1024, 1), unit: 'KB', target: '< 30', stat: 'count', runs: 1 }] : []),
      ];
    } finally {
      hello.kill('SIGTERM');
      await stopOnland(server);
    }
  });
}

// `concurrency` clients (kept-alive connections), each sending its next GET as soon as the last one is answered, for `duration` seconds.
async function load(url: string, duration: number): Promise<{ rate: number; requests: number; errors: number }> {
  const until = performance.now() + duration * 1000;
  let requests = 0;
  let errors = 0;
  const started = performance.now();
  const client = httpClient(concurrency);
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < until) {
      try {
        const response = await client.send(url);
        if (response.status === 200) requests++;
        else errors++;
      } catch {
        errors++;
      }
    }
  }));
  client.close();
  return { rate: requests / ((performance.now() - started) / 1000), requests, errors };
}

async function pageWeight(url: string): Promise<{ bytes: number; files: { url: string; bytes: number }[] }> {
  const html = await (await fetch(url)).text();
  const files = [{ url: new URL(url).pathname, bytes: Buffer.byteLength(html) }];
  const linked = [...html.matchAll(/<(?:link[^>]+rel="stylesheet"[^>]*href|script[^>]+src|img[^>]+src)="([^"]+)"/g)].map((m) => m[1]!);
  for (const path of new Set(linked)) {
    const asset = new URL(path.replaceAll('&amp;', '&'), url);
    if (asset.origin !== new URL(url).origin) continue;
    files.push({ url: asset.pathname, bytes: (await (await fetch(asset)).arrayBuffer()).byteLength });
  }
  return { bytes: files.reduce((sum, f) => sum + f.bytes, 0), files };
}

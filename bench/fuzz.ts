import { fuzz, fuzzTarget } from '../test/fuzz.ts';
import { log, type Bench, type Figure } from './lib/report.ts';
import { round } from './lib/stats.ts';

const requests = Number(process.env.BENCH_FUZZ_REQUESTS ?? 100_000);
const seed = Number(process.env.BENCH_FUZZ_SEED ?? Date.now() % 1_000_000);

// The fuzzer of the CI test (test/fuzz.ts) at full scale: `BENCH_FUZZ_REQUESTS` (default 100,000) requests
// generated from the OpenAPI document and the public forms, valid and invalid, as owner, viewer, nobody and a
// forged token, through app.inject on PGlite. Figures: the findings (5xx; 4xx that are not problem+json with a
// known code), requests per second, and whether /health still answers. The seed is printed so a finding can be replayed
// with `FUZZ_SEED=<seed> FUZZ_RUNS=<n> node --test src/server/security/fuzz.test.ts`.
export const fuzzBench: Bench = {
  name: 'fuzz',
  figures: ['fuzz_findings', 'fuzz_5xx', 'fuzz_requests_per_s', 'fuzz_health_after'],
  run: async (): Promise<Figure[]> => {
    const target = await fuzzTarget();
    try {
      log(`fuzz: ${requests} requests, seed ${seed}, ${target.operations.length} operations`);
      const started = performance.now();
      const { findings, statuses, routesHit } = await fuzz(target, { runs: requests, seed, onProgress: (done) => { if (done % 10_000 === 0) log(`fuzz: ${done}`); } });
      const seconds = (performance.now() - started) / 1000;
      log(`fuzz: statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}; ${routesHit.size} routes hit`);
      for (const finding of findings.slice(0, 20)) log(`fuzz finding: ${finding.why}: ${finding.request.method} ${finding.request.url.slice(0, 200)} ${JSON.stringify(finding.request.payload)?.slice(0, 300)} → ${finding.status} ${finding.body}`);
      const health = await target.t.app.inject({ url: '/health' });
      const scale = { runs: requests, stat: `seed ${seed}` };
      return [
        { name: 'fuzz_findings', value: findings.length, unit: 'requests', target: '0', ...scale },
        { name: 'fuzz_5xx', value: findings.filter((f) => f.status >= 500).length, unit: 'requests', target: '0', ...scale },
        { name: 'fuzz_requests_per_s', value: round(requests / seconds, 0), unit: 'req/s', target: '', ...scale },
        { name: 'fuzz_health_after', value: health.statusCode, unit: 'status', target: '200', ...scale },
      ];
    } finally {
      await target.t.close();
    }
  },
};

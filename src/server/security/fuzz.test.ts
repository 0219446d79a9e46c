import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fuzz, fuzzTarget, type FuzzTarget } from '../../../test/fuzz.ts';

// A seeded few of the fuzzer's requests (bench/fuzz.ts sends 100,000): every route, valid and invalid input,
// four identities. No 5xx, every API 4xx is problem+json with a known code, and the server still answers.
const runs = Number(process.env.FUZZ_RUNS ?? 1500);
const seed = Number(process.env.FUZZ_SEED ?? 20261202);

let target: FuzzTarget;
before(async () => {
  target = await fuzzTarget();
});
after(() => target.t.close());

test(`${runs} generated requests (seed ${seed}): no 5xx, every 4xx a problem with a code, the server stays up`, async () => {
  const { findings, routesHit } = await fuzz(target, { runs, seed });
  const report = findings.slice(0, 10).map((f) => `${f.why}: ${f.request.method} ${f.request.url.slice(0, 200)} ${JSON.stringify(f.request.payload)?.slice(0, 300)} → ${f.status} ${f.body}`);
  assert.deepEqual(report, [], `${findings.length} findings`);
  const missed = target.operations.map((o) => `${o.method} ${o.url}`).filter((r) => !routesHit.has(r));
  assert.deepEqual(missed, [], 'routes the fuzzer never reached');
  const health = await target.t.app.inject({ url: '/health' });
  assert.equal(health.statusCode, 200);
  const people = await target.t.app.inject({ url: '/api/v1/people', headers: target.identities.owner });
  assert.equal(people.statusCode, 200);
});

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { blueskyAccountOf, blueskyAdapter, makeTid } from './bluesky.ts';
import { startFakeBluesky, type FakeBluesky } from './bluesky.test-server.ts';
import type { RetryPolicy } from './types.ts';

describe('Bluesky adapter against a local XRPC server', () => {
  let server: FakeBluesky;
  const waits: number[] = [];
  const policy: RetryPolicy = { attempts: 3, baseDelayMs: 10, maxDelayMs: 5000, timeoutMs: 10_000, sleep: async (ms) => { waits.push(ms); } };
  const publish = blueskyAdapter(policy);
  const request = (text: string, password = 'abcd-efgh-ijkl-mnop') => publish({ account: `${server.url}/@anna.test`, credentials: { appPassword: password }, text, requestKey: 'unused' });
  const count = (text: string) => [...server.records.values()].filter((r) => r.text === text).length;
  before(async () => { server = await startFakeBluesky(); });
  after(() => server.close());
  beforeEach(() => { waits.length = 0; server.faults.length = 0; });

  test('signs in with the app password and posts once, with link facets, under a TID record key', async () => {
    const outcome = await request('Winter breakfast 👩‍👩‍👧 https://greendoor.de/breakfast');
    assert.equal(outcome.state, 'published');
    const [rkey, record] = [...server.records.entries()].at(-1)!;
    assert.match(rkey, /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/);
    assert.deepEqual(outcome.state === 'published' && [outcome.externalId, outcome.url], [`at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/${rkey}`, `https://bsky.app/profile/anna.test/post/${rkey}`]);
    const facet = (record.facets as { features: { uri: string }[] }[])[0]!;
    assert.equal(facet.features[0]!.uri, 'https://greendoor.de/breakfast');
  });

  test('a 500 after the record was written is found under its key: published once, no second write', async () => {
    server.faults.push({ status: 500, afterCreating: true });
    const outcome = await request('Written before the error');
    assert.equal(outcome.state, 'published');
    assert.equal(count('Written before the error'), 1);
    assert.deepEqual(waits, []);
  });

  test('a 502 that wrote nothing, then 429 with Retry-After: retried with the same key, posted once', async () => {
    server.faults.push({ status: 502 }, { status: 429, retryAfter: '3' });
    const outcome = await request('Through the storm');
    assert.equal(outcome.state, 'published');
    assert.deepEqual(waits, [10, 3000]);
    assert.equal(count('Through the storm'), 1);
  });

  test('a hang is unknown and not retried; a refusal or a wrong password fails with the reason', async () => {
    server.faults.push({ hang: true });
    const calls = server.calls.length;
    const impatient = blueskyAdapter({ ...policy, timeoutMs: 1000 });
    assert.deepEqual(await impatient({ account: `${server.url}/@anna.test`, credentials: { appPassword: 'abcd-efgh-ijkl-mnop' }, text: 'Hanging', requestKey: 'unused' }), { state: 'unknown', error: 'Bluesky did not answer in time; the post may or may not be out' });
    assert.deepEqual(server.calls.slice(calls), ['com.atproto.server.createSession', 'com.atproto.repo.createRecord']);
    server.faults.push({ status: 400 });
    assert.deepEqual(await request('x'.repeat(301)), { state: 'failed', error: 'Bluesky refused the post (400): Record/text must not be longer than 300 graphemes' });
    assert.deepEqual(await request('Hello', 'wrong'), { state: 'failed', error: 'Bluesky refused the sign-in: check the handle and app password' });
    server.faults.push({ status: 500 }, { status: 500 }, { status: 500 });
    assert.equal((await request('Down')).state, 'unknown');
    assert.equal(count('Down'), 0);
  });

  test('account addresses and record keys', () => {
    assert.deepEqual(blueskyAccountOf('https://bsky.social/@anna.bsky.social'), { service: 'https://bsky.social', identifier: 'anna.bsky.social' });
    assert.equal(blueskyAccountOf('anna.bsky.social'), null);
    assert.equal(makeTid(0, 0), '2222222222222');
    assert.ok(makeTid(1_700_000_000_000, 5) < makeTid(1_700_000_000_001, 0), 'keys sort by time');
    assert.equal(makeTid(1_700_000_000_000, 0).length, 13);
  });
});

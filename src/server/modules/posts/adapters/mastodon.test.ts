import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { mastodonAdapter } from './mastodon.ts';
import { startFakeMastodon, type FakeMastodon } from './mastodon.test-server.ts';
import type { RetryPolicy } from './types.ts';

describe('Mastodon adapter against a local Mastodon API', () => {
  let server: FakeMastodon;
  const waits: number[] = [];
  const policy: RetryPolicy = { attempts: 3, baseDelayMs: 10, maxDelayMs: 5000, timeoutMs: 10_000, sleep: async (ms) => { waits.push(ms); } };
  const publish = mastodonAdapter(policy);
  const request = (text: string, key: string) => publish({ account: `${server.url}/@anna`, credentials: { accessToken: 'token-1' }, text, requestKey: key });
  before(async () => { server = await startFakeMastodon(); });
  after(() => server.close());
  beforeEach(() => { waits.length = 0; server.faults.length = 0; });

  test('posts once with the token and an Idempotency-Key; the same key again gives the same status', async () => {
    const first = await request('Hello from Onland 👋', 'key-a');
    assert.equal(first.state, 'published');
    assert.deepEqual(first.state === 'published' && [first.externalId, first.url], [server.statuses[0]!.id, `${server.url}/@anna/${server.statuses[0]!.id}`]);
    assert.deepEqual(server.requests.at(-1), { key: 'key-a', auth: 'Bearer token-1' });
    const again = await request('Hello from Onland 👋', 'key-a');
    assert.equal(again.state === 'published' && again.externalId, server.statuses[0]!.id);
    assert.equal(server.statuses.filter((s) => s.key === 'key-a').length, 1);
  });

  test('429 waits for Retry-After, then posts', async () => {
    server.faults.push({ status: 429, retryAfter: '2' });
    const outcome = await request('After the rate limit', 'key-b');
    assert.equal(outcome.state, 'published');
    assert.deepEqual(waits, [2000]);
  });

  test('a 500 after the status was created is retried with the same key and posts exactly once', async () => {
    server.faults.push({ status: 500, afterCreating: true }, { status: 503 });
    const outcome = await request('Through two errors', 'key-c');
    assert.equal(outcome.state, 'published');
    assert.deepEqual(waits, [10, 20], 'doubling backoff');
    assert.equal(server.statuses.filter((s) => s.text === 'Through two errors').length, 1);
  });

  test('5xx on every attempt is unknown; 429 on every attempt is failed (nothing was taken)', async () => {
    server.faults.push({ status: 500 }, { status: 500 }, { status: 500 });
    const down = await request('Down', 'key-d');
    assert.deepEqual(down, { state: 'unknown', error: 'Mastodon answered 500; the post may or may not be out' });
    server.faults.push({ status: 429, retryAfter: '1' }, { status: 429, retryAfter: '1' }, { status: 429, retryAfter: '1' });
    const limited = await request('Limited', 'key-e');
    assert.equal(limited.state, 'failed');
    assert.equal(server.statuses.filter((s) => s.text === 'Down' || s.text === 'Limited').length, 0);
  });

  test('a hang past the timeout is unknown and is not retried', async () => {
    const before = server.requests.length;
    server.faults.push({ hang: true, afterCreating: true });
    const impatient = mastodonAdapter({ ...policy, timeoutMs: 1000 });
    const outcome = await impatient({ account: `${server.url}/@anna`, credentials: { accessToken: 'token-1' }, text: 'Into the void', requestKey: 'key-f' });
    assert.equal(outcome.state, 'unknown');
    assert.equal(server.requests.length - before, 1, 'one call only');
    assert.equal(server.statuses.filter((s) => s.text === 'Into the void').length, 1, 'it did go out: a person will find it');
  });

  test('a refusal (422, wrong token) fails at once with the platform\'s reason', async () => {
    server.faults.push({ status: 422 });
    const long = await request('x', 'key-g');
    assert.deepEqual(long, { state: 'failed', error: 'Mastodon refused the post (422): Validation failed: Text character limit of 500 exceeded' });
    const wrong = await publish({ account: `${server.url}/@anna`, credentials: { accessToken: 'nope' }, text: 'x', requestKey: 'key-h' });
    assert.equal(wrong.state, 'failed');
    assert.deepEqual(waits, []);
  });

  test('an unreachable instance fails (nothing was sent); a channel without address or token fails before any call', async () => {
    const closed = await startFakeMastodon();
    const url = closed.url;
    await closed.close();
    const outcome = await publish({ account: `${url}/@anna`, credentials: { accessToken: 'token-1' }, text: 'x', requestKey: 'key-i' });
    assert.deepEqual(outcome, { state: 'failed', error: 'The Mastodon instance could not be reached' });
    assert.equal((await publish({ account: null, credentials: { accessToken: 't' }, text: 'x', requestKey: 'k' })).state, 'failed');
    assert.equal((await publish({ account: `${server.url}/@anna`, credentials: null, text: 'x', requestKey: 'k' })).state, 'failed');
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fixedClock } from '../../core/clock.ts';
import { makeTestApp, setupOwner, type Browser, type TestApp } from '../../../../test/helpers.ts';
import { mastodonAdapter } from './adapters/mastodon.ts';
import { startFakeMastodon, type FakeMastodon } from './adapters/mastodon.test-server.ts';
import { createPublisher } from './publish.service.ts';

describe('publishing exactly once', () => {
  let t: TestApp;
  let browser: Browser;
  let server: FakeMastodon;
  let mastodon: { id: string };
  let linkedin: { id: string };
  const clock = fixedClock(new Date('2026-12-02T08:00:00Z'));
  // A generous timeout: on a busy machine PGlite and the local server share one event loop. The hang test
  // uses a short one of its own.
  const policy = { attempts: 3, baseDelayMs: 1, maxDelayMs: 10, timeoutMs: 20_000, sleep: async () => {} };
  const publisher = (timeoutMs = policy.timeoutMs) => createPublisher({ db: t.database.db, clock, credentialsOf: t.services.posts.credentialsOf, adapters: { mastodon: mastodonAdapter({ ...policy, timeoutMs }) }, batch: 7 });
  before(async () => {
    server = await startFakeMastodon();
    t = await makeTestApp({ clock });
    browser = await setupOwner(t.app);
    mastodon = (await api('POST', '/api/v1/channels', { platform: 'mastodon', name: 'Mastodon', account: `${server.url}/@anna`, credentials: { accessToken: 'token-1' } })).json();
    linkedin = (await api('POST', '/api/v1/channels', { platform: 'linkedin', name: 'LinkedIn' })).json();
  });
  after(async () => { await t.close(); await server.close(); });

  function api(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
    return t.app.inject({ method, url, headers: browser.headers, payload });
  }
  // Scheduled some minutes from the test clock's now.
  const schedule = async (body: string, minutes: number, channels = [mastodon.id]) => {
    const at = new Date(clock.now().getTime() + minutes * 60_000).toISOString();
    const response = await api('POST', '/api/v1/posts', { pillar: 'value', body, status: 'scheduled', scheduledAt: at, channels: channels.map((channelId) => ({ channelId })) });
    assert.equal(response.statusCode, 201, response.body);
    return response.json().id as string;
  };
  const get = async (id: string) => (await api('GET', `/api/v1/posts/${id}`)).json();

  test('a due post goes out once; a post not yet due waits', async () => {
    const due = await schedule('First post through the API', 30);
    const later = await schedule('Later post', 240);
    clock.advance(31 * 60_000);
    assert.deepEqual(await publisher().run(), { claimed: 1, stale: 0 });
    const post = await get(due);
    assert.equal(post.status, 'published', JSON.stringify(post.channels));
    assert.equal(post.channels[0].state, 'published');
    assert.equal(post.channels[0].externalId, server.statuses.at(-1)!.id);
    assert.equal(post.channels[0].url, `${server.url}/@anna/${post.channels[0].externalId}`);
    assert.equal(post.publishedAt, '2026-12-02T08:31:00.000Z');
    assert.equal((await get(later)).status, 'scheduled');
    assert.deepEqual(await publisher().run(), { claimed: 0, stale: 0 }, 'nothing twice');
    assert.equal(server.statuses.filter((s) => s.text === 'First post through the API').length, 1);
  });

  test('three workers sweeping 40 overdue posts at once publish each exactly once', async () => {
    const ids = [];
    for (let i = 0; i < 40; i++) ids.push(await schedule(`Batch post ${i}`, 5));
    clock.advance(60 * 60_000);
    const results = await Promise.all([publisher().run(), publisher().run(), publisher().run()]);
    assert.equal(results.reduce((n, r) => n + r.claimed, 0), 40);
    for (let i = 0; i < 40; i++) assert.equal(server.statuses.filter((s) => s.text === `Batch post ${i}`).length, 1, `post ${i}`);
    const posts = await Promise.all(ids.map(get));
    assert.deepEqual([...new Set(posts.map((p) => p.status))], ['published'], JSON.stringify(posts.filter((p) => p.status !== 'published').map((p) => p.channels[0].error)));
  });

  test('a hang is unknown, shown with its reason, and a person resolves it with the URL', async () => {
    const id = await schedule('Into the void', 5);
    clock.advance(10 * 60_000);
    server.faults.push({ hang: true, afterCreating: true });
    await publisher(1500).run();
    const unknown = await get(id);
    assert.equal(unknown.status, 'unknown');
    assert.equal(unknown.channels[0].error, 'Mastodon did not answer in time; the post may or may not be out');
    await publisher().run();
    assert.equal(server.statuses.filter((s) => s.text === 'Into the void').length, 1, 'never retried blindly');
    assert.equal((await api('PATCH', `/api/v1/posts/${id}`, { body: 'edit' })).json().code, 'POST_LOCKED');
    const resolved = await api('POST', `/api/v1/posts/${id}/channels/${mastodon.id}/resolve`, { published: true, url: `${server.url}/@anna/1` });
    assert.equal(resolved.json().status, 'published');
    assert.equal(resolved.json().channels[0].url, `${server.url}/@anna/1`);
    assert.equal((await api('POST', `/api/v1/posts/${id}/channels/${mastodon.id}/resolve`, { published: false })).json().code, 'NOTHING_TO_RESOLVE');
  });

  test('a refused post fails with the reason; rescheduled, it goes out', async () => {
    const id = await schedule('Refused once', 5);
    clock.advance(5 * 60_000);
    server.faults.push({ status: 422 });
    await publisher().run();
    const failed = await get(id);
    assert.equal(failed.status, 'failed');
    assert.match(failed.channels[0].error, /^Mastodon refused the post \(422\)/);
    const again = await api('PATCH', `/api/v1/posts/${id}`, { status: 'scheduled', scheduledAt: new Date(clock.now().getTime() + 10 * 60_000).toISOString() });
    assert.equal(again.json().channels[0].state, 'pending');
    clock.advance(10 * 60_000);
    await publisher().run();
    assert.equal((await get(id)).status, 'published');
  });

  test('a worker that died mid-call leaves the post unknown after the lease, never published twice', async () => {
    const id = await schedule('Worker died', 1);
    clock.advance(60_000);
    // The claim happened (in its own transaction) and then the process vanished before recording anything.
    const claimed = await createPublisher({ db: t.database.db, clock, credentialsOf: t.services.posts.credentialsOf, adapters: {} }).repository.claimDue(clock.now(), 10);
    assert.deepEqual(claimed.map((c) => c.postId), [id]);
    assert.equal((await get(id)).status, 'publishing');
    assert.deepEqual(await publisher().run(), { claimed: 0, stale: 0 }, 'within the lease nobody touches it');
    clock.advance(11 * 60_000);
    assert.deepEqual(await publisher().run(), { claimed: 0, stale: 1 });
    const post = await get(id);
    assert.equal(post.status, 'unknown');
    assert.equal(post.channels[0].error, 'The publisher stopped during the call; check the platform');
    assert.equal(server.statuses.filter((s) => s.text === 'Worker died').length, 0);
  });

  test('a post to Mastodon and LinkedIn: the API part goes out, the manual part waits for its person', async () => {
    const id = await schedule('Both channels', 5, [mastodon.id, linkedin.id]);
    clock.advance(10 * 60_000);
    await publisher().run();
    const half = await get(id);
    const state = (channelId: string) => half.channels.find((c: { channelId: string }) => c.channelId === channelId).state;
    assert.deepEqual([state(mastodon.id), state(linkedin.id)], ['published', 'pending']);
    assert.equal(half.status, 'scheduled', 'waiting for the manual channel');
    assert.ok((await api('GET', '/api/v1/posts/due')).json().items.some((d: { postId: string }) => d.postId === id));
    const done = await api('POST', `/api/v1/posts/${id}/channels/${linkedin.id}/posted`, { url: 'https://www.linkedin.com/posts/x' });
    assert.equal(done.json().status, 'published');
  });
});

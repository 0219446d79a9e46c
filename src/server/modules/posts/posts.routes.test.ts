import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fixedClock } from '../../core/clock.ts';
import { makeTestApp, setupOwner, type Browser, type TestApp } from '../../../../test/helpers.ts';

describe('posts and channels', () => {
  let t: TestApp;
  let browser: Browser;
  const clock = fixedClock(new Date('2026-12-02T10:00:00Z'));
  before(async () => {
    t = await makeTestApp({ clock });
    browser = await setupOwner(t.app);
  });
  after(() => t.close());

  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => t.app.inject({ method, url, headers: browser.headers, payload });
  const channel = async (payload: object) => {
    const response = await api('POST', '/api/v1/channels', payload);
    assert.equal(response.statusCode, 201, response.body);
    return response.json();
  };

  test('a Mastodon channel keeps its token encrypted at rest and never returns it', async () => {
    const mastodon = await channel({ platform: 'mastodon', name: 'Mastodon', account: 'https://social.example/@greendoor', credentials: { accessToken: 'secret-token-42' }, slots: [{ weekday: 2, time: '09:00' }, { weekday: 1, time: '09:00' }, { weekday: 1, time: '09:00' }], cadencePerWeek: 3, timezone: 'Europe/Berlin' });
    assert.equal(mastodon.mode, 'api');
    assert.equal(mastodon.hasCredentials, true);
    assert.equal(mastodon.credentials, undefined);
    assert.deepEqual(mastodon.slots, [{ weekday: 1, time: '09:00' }, { weekday: 2, time: '09:00' }], 'sorted, duplicates dropped');
    const stored = (await t.database.query('select credentials from channels where id = $1', [mastodon.id])).rows[0]!.credentials as string;
    assert.ok(stored.startsWith('v1.') && !stored.includes('secret-token-42'));
    assert.deepEqual(await t.services.posts.credentialsOf((await api('GET', '/api/v1/auth/session')).json().workspace.id, mastodon.id), { accessToken: 'secret-token-42' });
    assert.ok(!(await api('GET', '/api/v1/channels')).body.includes('secret-token'));
    const cleared = await api('PATCH', `/api/v1/channels/${mastodon.id}`, { credentials: null });
    assert.equal(cleared.json().hasCredentials, false);
  });

  test('LinkedIn is a manual channel; asking for its API, a bad timezone or a bad slot is a 4xx with the field', async () => {
    const linkedin = await channel({ platform: 'linkedin', name: 'LinkedIn' });
    assert.equal(linkedin.mode, 'manual');
    assert.equal(linkedin.timezone, 'UTC', 'the workspace\'s zone by default');
    const api1 = await api('POST', '/api/v1/channels', { platform: 'x', name: 'X', mode: 'api' });
    assert.equal(api1.statusCode, 422);
    assert.equal(api1.json().code, 'CHANNEL_MODE_UNSUPPORTED');
    assert.equal(api1.json().errors[0].path, 'body.mode');
    const zone = await api('POST', '/api/v1/channels', { platform: 'bluesky', name: 'Bluesky', timezone: 'Mars/Olympus' });
    assert.equal(zone.json().code, 'UNKNOWN_TIMEZONE');
    assert.equal(zone.json().errors[0].path, 'body.timezone');
    const slot = await api('POST', '/api/v1/channels', { platform: 'bluesky', name: 'Bluesky', slots: [{ weekday: 8, time: '25:00' }] });
    assert.equal(slot.statusCode, 400);
    assert.deepEqual(slot.json().errors.map((e: { path: string }) => e.path).sort(), ['body.slots.0.time', 'body.slots.0.weekday']);
  });

  test('a post with a variant per channel shows each platform\'s count; idea → draft → scheduled', async () => {
    const bluesky = await channel({ platform: 'bluesky', name: 'Bluesky' });
    const x = await channel({ platform: 'x', name: 'X' });
    const long = `Our winter breakfast for founders is on Thursday ${'👩‍👩‍👧 '.repeat(100)}`;
    const created = await api('POST', '/api/v1/posts', { pillar: 'community', body: long, channels: [{ channelId: bluesky.id }, { channelId: x.id, body: 'Winter breakfast, Thursday: https://example.com/a/very/long/link/to/the/event/page' }] });
    assert.equal(created.statusCode, 201, created.body);
    const post = created.json();
    assert.equal(post.status, 'idea');
    const [sky, tw] = post.channels;
    assert.equal(sky.platform, 'bluesky');
    assert.deepEqual(sky.length, { count: 49 + 200, limit: 300, over: false });
    assert.equal(tw.text, 'Winter breakfast, Thursday: https://example.com/a/very/long/link/to/the/event/page');
    assert.deepEqual(tw.length, { count: 28 + 23, limit: 280, over: false });

    assert.equal((await api('PATCH', `/api/v1/posts/${post.id}`, { status: 'draft' })).json().status, 'draft');
    const noTime = await api('PATCH', `/api/v1/posts/${post.id}`, { status: 'scheduled' });
    assert.equal(noTime.statusCode, 422);
    assert.equal(noTime.json().code, 'SCHEDULE_INCOMPLETE');
    assert.equal(noTime.json().errors[0].path, 'body.scheduledAt');
    const past = await api('PATCH', `/api/v1/posts/${post.id}`, { status: 'scheduled', scheduledAt: '2026-12-01T09:00:00Z' });
    assert.equal(past.json().code, 'SCHEDULE_INCOMPLETE');
    const scheduled = await api('PATCH', `/api/v1/posts/${post.id}`, { status: 'scheduled', scheduledAt: '2026-12-03T08:00:00Z' });
    assert.equal(scheduled.json().status, 'scheduled');
    assert.equal(scheduled.json().scheduledAt, '2026-12-03T08:00:00.000Z');
    const publishing = await api('PATCH', `/api/v1/posts/${post.id}`, { status: 'published' });
    assert.equal(publishing.statusCode, 400, 'a person does not set the publisher\'s statuses');
    const listed = (await api('GET', '/api/v1/posts?status=scheduled')).json().items;
    assert.deepEqual(listed.map((p: { id: string }) => p.id), [post.id]);
  });

  test('a post cannot name a channel of another workspace or an unknown one, nor one twice', async () => {
    const unknown = await api('POST', '/api/v1/posts', { pillar: 'value', body: 'Hello', channels: [{ channelId: '00000000-0000-4000-8000-000000000000' }] });
    assert.equal(unknown.statusCode, 422);
    assert.equal(unknown.json().code, 'UNKNOWN_CHANNEL');
    assert.equal(unknown.json().errors[0].path, 'body.channels.0.channelId');
    const [first] = (await api('GET', '/api/v1/channels')).json().items;
    const twice = await api('POST', '/api/v1/posts', { pillar: 'value', body: 'Hello', channels: [{ channelId: first.id }, { channelId: first.id }] });
    assert.equal(twice.json().errors[0].path, 'body.channels.1.channelId');
    const pillar = await api('POST', '/api/v1/posts', { pillar: 'sales', body: 'Hello' });
    assert.equal(pillar.statusCode, 400);
    assert.equal(pillar.json().errors[0].path, 'body.pillar');
    assert.equal((await t.database.query('select count(*)::int as n from posts where body = $1', ['Hello'])).rows[0]!.n, 0);
  });

  test('the coach speaks on save and on demand, never blocking', async () => {
    const created = await api('POST', '/api/v1/posts', { pillar: 'offer', body: 'LAST CHANCE!!! ONLY TODAY 50% OFF, BUY NOW' });
    assert.equal(created.statusCode, 201);
    assert.deepEqual(created.json().coach.map((w: { code: string }) => w.code), ['SHOUTING', 'EXCLAMATION_RUN', 'SALES_PRESSURE']);
    await api('PATCH', `/api/v1/posts/${created.json().id}`, { status: 'draft' });
    const again = await api('POST', '/api/v1/posts/coach', { body: 'Last chance!!! only today 50% off, buy now' });
    assert.ok(again.json().warnings.some((w: { code: string }) => w.code === 'NEAR_COPY'), 'a near-copy of the draft just written');
    const self = await api('POST', '/api/v1/posts/coach', { body: 'Last chance!!! only today 50% off, buy now', postId: created.json().id });
    assert.ok(!self.json().warnings.some((w: { code: string }) => w.code === 'NEAR_COPY'), 'not compared with itself');
  });

  test('the coach counts each channel\'s text as its platform does, for the live counter', async () => {
    const x = await channel({ platform: 'x', name: 'X counter' });
    const bluesky = await channel({ platform: 'bluesky', name: 'Bluesky counter', mode: 'manual' });
    const url = 'https://example.org/a/very/long/path/that/x/counts/as/twenty-three';
    const result = await api('POST', '/api/v1/posts/coach', { body: `Read this ${url}`, channels: [{ channelId: x.id, body: null }, { channelId: bluesky.id, body: '👩‍👩‍👧 hi' }] });
    assert.equal(result.statusCode, 200, result.body);
    assert.deepEqual(result.json().lengths, [
      { channelId: x.id, platform: 'x', length: { count: 10 + 23, limit: 280, over: false } },
      { channelId: bluesky.id, platform: 'bluesky', length: { count: 4, limit: 300, over: false } },
    ]);
    await api('DELETE', `/api/v1/channels/${x.id}`);
    await api('DELETE', `/api/v1/channels/${bluesky.id}`);
  });

  test('another workspace sees none of it: posts, channels, credentials, planner', async () => {
    const [mine] = (await api('GET', '/api/v1/posts')).json().items;
    const [channel] = (await api('GET', '/api/v1/channels')).json().items;
    const other = await t.database.db.transaction((tx) => t.services.workspaces.create({ name: 'Elsewhere Ltd' }, tx));
    const them = { workspaceId: other.id, userId: '00000000-0000-4000-8000-00000000000e', role: 'owner' as const, via: 'token' as const };
    await assert.rejects(t.services.posts.get(them, mine.id), { code: 'NOT_FOUND' });
    await assert.rejects(t.services.posts.update(them, mine.id, { body: 'mine now' }), { code: 'NOT_FOUND' });
    await assert.rejects(t.services.posts.markPosted(them, mine.id, channel.id, 'https://x.com/1'), { code: 'NOT_FOUND' });
    await assert.rejects(t.services.posts.updateChannel(them, channel.id, { name: 'mine' }), { code: 'NOT_FOUND' });
    await assert.rejects(t.services.posts.create(them, { pillar: 'value', body: 'x', status: 'idea', scheduledAt: null, channels: [{ channelId: channel.id, body: null }] }), { code: 'UNKNOWN_CHANNEL' });
    assert.deepEqual(await t.services.posts.list(them, {}), []);
    assert.deepEqual(await t.services.posts.listChannels(them), []);
    assert.equal(await t.services.posts.credentialsOf(other.id, channel.id), null);
    const week = await t.services.planner.view(them, 'month', '2026-12-02');
    assert.deepEqual([week.posts.length, week.unscheduled.length, week.channels.length], [0, 0, 0]);
  });
});

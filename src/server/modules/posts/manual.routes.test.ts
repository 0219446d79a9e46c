import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fixedClock } from '../../core/clock.ts';
import { makeTestApp, setupOwner, type Browser, type TestApp } from '../../../../test/helpers.ts';

describe('manual channels and the feed', () => {
  let t: TestApp;
  let browser: Browser;
  const clock = fixedClock(new Date('2026-12-02T08:00:00Z'));
  before(async () => {
    t = await makeTestApp({ clock });
    browser = await setupOwner(t.app);
  });
  after(() => t.close());

  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => t.app.inject({ method, url, headers: browser.headers, payload });

  test('at its time a manual post is copy-ready per platform; "I posted it" with the URL publishes it once', async () => {
    const linkedin = (await api('POST', '/api/v1/channels', { platform: 'linkedin', name: 'LinkedIn' })).json();
    const x = (await api('POST', '/api/v1/channels', { platform: 'x', name: 'X' })).json();
    const body = 'What 40 coffee meetings taught me about asking for help.\n\nhttps://greendoor.example/blog/coffee & more';
    const post = (await api('POST', '/api/v1/posts', { pillar: 'value', body, status: 'scheduled', scheduledAt: '2026-12-02T09:00:00Z', channels: [{ channelId: linkedin.id }, { channelId: x.id, body: 'What 40 coffee meetings taught me: https://greendoor.de/blog/coffee' }] })).json();

    assert.deepEqual((await api('GET', '/api/v1/posts/due')).json().items, [], 'not due before its time');
    const early = await api('POST', `/api/v1/posts/${post.id}/channels/${linkedin.id}/posted`, { url: 'https://www.linkedin.com/posts/olivia_1' });
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().code, 'NOT_DUE');

    clock.advance(61 * 60_000);
    const due = (await api('GET', '/api/v1/posts/due')).json().items;
    assert.deepEqual(due.map((d: { channelName: string; text: string; length: { count: number } }) => [d.channelName, d.text, d.length.count]), [
      ['LinkedIn', body, body.length],
      ['X', 'What 40 coffee meetings taught me: https://greendoor.de/blog/coffee', 35 + 23],
    ]);

    const bad = await api('POST', `/api/v1/posts/${post.id}/channels/${linkedin.id}/posted`, { url: 'javascript:alert(1)' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().errors[0].path, 'body.url');
    const first = await api('POST', `/api/v1/posts/${post.id}/channels/${linkedin.id}/posted`, { url: 'https://www.linkedin.com/posts/olivia_1' });
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json().status, 'scheduled', 'X is still to do');
    assert.equal(first.json().channels[0].state, 'published');
    assert.equal(first.json().channels[0].url, 'https://www.linkedin.com/posts/olivia_1');
    assert.deepEqual((await api('GET', '/api/v1/posts/due')).json().items.map((d: { channelName: string }) => d.channelName), ['X']);
    const twice = await api('POST', `/api/v1/posts/${post.id}/channels/${linkedin.id}/posted`, { url: 'https://www.linkedin.com/posts/olivia_2' });
    assert.equal(twice.json().code, 'NOT_DUE', 'marked once');

    const done = (await api('POST', `/api/v1/posts/${post.id}/channels/${x.id}/posted`, { url: 'https://x.com/olivia/status/1' })).json();
    assert.equal(done.status, 'published');
    assert.equal(done.publishedAt, '2026-12-02T09:01:00.000Z');
    assert.deepEqual((await api('GET', '/api/v1/posts/due')).json().items, []);
    const locked = await api('PATCH', `/api/v1/posts/${post.id}`, { body: 'changed' });
    assert.equal(locked.json().code, 'POST_LOCKED');
  });

  test('an API channel is not marked posted by hand', async () => {
    const mastodon = (await api('POST', '/api/v1/channels', { platform: 'mastodon', name: 'Mastodon' })).json();
    const post = (await api('POST', '/api/v1/posts', { pillar: 'community', body: 'Hello', status: 'scheduled', scheduledAt: '2026-12-02T09:30:00Z', channels: [{ channelId: mastodon.id }] })).json();
    clock.advance(60 * 60_000);
    const response = await api('POST', `/api/v1/posts/${post.id}/channels/${mastodon.id}/posted`, { url: 'https://social.example/@o/1' });
    assert.equal(response.json().code, 'NOT_MANUAL_CHANNEL');
    assert.ok(!(await api('GET', '/api/v1/posts/due')).json().items.some((d: { postId: string }) => d.postId === post.id));
  });

  test('the public Atom feed lists published posts with their links, escaped, and nothing else', async () => {
    const workspace = (await api('GET', '/api/v1/workspace')).json();
    const feed = await t.app.inject({ url: `/feeds/${workspace.slug}/posts.atom` });
    assert.equal(feed.statusCode, 200);
    assert.match(feed.headers['content-type'] as string, /^application\/atom\+xml/);
    assert.match(feed.body, /<title>What 40 coffee meetings taught me about asking for help\.<\/title>/);
    assert.match(feed.body, /<link rel="alternate" href="https:\/\/www\.linkedin\.com\/posts\/olivia_1"\/>/);
    assert.match(feed.body, /<link rel="related" href="https:\/\/x\.com\/olivia\/status\/1"\/>/);
    assert.match(feed.body, /blog\/coffee &amp; more<\/content>/);
    assert.match(feed.body, /<updated>2026-12-02T09:01:00.000Z<\/updated>/);
    assert.equal(feed.body.match(/<entry>/g)!.length, 1, 'the unpublished Mastodon post is not in it');
    assert.equal((await t.app.inject({ url: '/feeds/nobody/posts.atom', headers: { accept: 'application/json' } })).statusCode, 404);
  });
});

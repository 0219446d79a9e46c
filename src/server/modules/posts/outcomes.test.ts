import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fixedClock } from '../../core/clock.ts';
import { makeTestApp, setupOwner, type Browser, type TestApp } from '../../../../test/helpers.ts';
import { startFakeBluesky, type FakeBluesky } from './adapters/bluesky.test-server.ts';
import { startFakeMastodon, type FakeMastodon } from './adapters/mastodon.test-server.ts';

// Replies and mentions read from local Mastodon and Bluesky servers become interactions linked to the post;
// the post's outcomes are the conversations, then the calls and meetings with those people.
describe('outcomes: replies and mentions', () => {
  let t: TestApp;
  let browser: Browser;
  let mastodon: FakeMastodon;
  let bluesky: FakeBluesky;
  const clock = fixedClock(new Date('2026-12-02T08:00:00Z'));
  before(async () => {
    mastodon = await startFakeMastodon();
    bluesky = await startFakeBluesky();
    t = await makeTestApp({ clock });
    browser = await setupOwner(t.app);
  });
  after(async () => { await t.close(); await mastodon.close(); await bluesky.close(); });

  const api = (method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers: browser.headers, payload });
  const at = (minutes: number) => new Date(clock.now().getTime() + minutes * 60_000).toISOString();
  async function publishedPost(channelId: string, body: string) {
    const created = await api('POST', '/api/v1/posts', { pillar: 'value', body, status: 'scheduled', scheduledAt: at(1), channels: [{ channelId }] });
    assert.equal(created.statusCode, 201, created.body);
    clock.advance(2 * 60_000);
    await t.services.publisher.run();
    const post = (await api('GET', `/api/v1/posts/${created.json().id}`)).json();
    assert.equal(post.status, 'published', JSON.stringify(post.channels));
    return { id: post.id as string, externalId: post.channels[0].externalId as string };
  }
  const timeline = async (personId: string) => (await api('GET', `/api/v1/people/${personId}/interactions`)).json().items as { kind: string; channel: string; postId: string | null; note: string | null }[];
  const findPerson = async (q: string) => (await api('GET', `/api/v1/people?q=${encodeURIComponent(q)}`)).json().items as { id: string; name: string; handles: { platform: string; handle: string }[] }[];

  test('Mastodon: a reply joins the known person\'s timeline, linked to the post; a stranger\'s mention adds a person; nothing is read twice', async () => {
    const channel = (await api('POST', '/api/v1/channels', { platform: 'mastodon', name: 'Mastodon', account: `${mastodon.url}/@anna`, credentials: { accessToken: 'token-1' } })).json();
    const post = await publishedPost(channel.id, 'Why the first call matters more than the hundredth like');
    const sam = (await api('POST', '/api/v1/people', { name: 'Sam Rivera', handles: [{ platform: 'mastodon', handle: '@sam@social.example' }] })).json();
    mastodon.mentions.push(
      { id: '501', acct: 'sam@social.example', name: 'Sam R.', inReplyToId: post.externalId, text: 'So true &amp; <b>well put</b>', createdAt: at(10) },
      { id: '502', acct: 'kim', name: 'Kim Lee', inReplyToId: null, text: '@anna are you at the meetup?', createdAt: at(20) },
    );

    const check = await api('POST', `/api/v1/channels/${channel.id}/check-replies`);
    assert.equal(check.statusCode, 200, check.body);
    assert.deepEqual(check.json(), { channelId: channel.id, read: 2, linkedToPosts: 1, error: null });

    const samTimeline = await timeline(sam.id);
    assert.equal(samTimeline.length, 1);
    assert.deepEqual([samTimeline[0]!.kind, samTimeline[0]!.channel, samTimeline[0]!.postId, samTimeline[0]!.note], ['reply', 'mastodon', post.id, 'So true & well put']);
    assert.equal((await findPerson('Sam')).length, 1, 'Sam is found by handle, not added again');
    const [kim] = await findPerson('Kim Lee');
    assert.ok(kim, 'a stranger who mentions you becomes a person');
    assert.equal(kim.handles[0]!.handle, `@kim@${new URL(mastodon.url).host}`);
    assert.deepEqual((await timeline(kim.id)).map((i) => [i.kind, i.postId]), [['mention', null]]);

    // Read again: nothing new, nothing doubled. A newer mention is read on its own.
    assert.equal((await api('POST', `/api/v1/channels/${channel.id}/check-replies`)).json().read, 0);
    mastodon.mentions.push({ id: '503', acct: 'sam@social.example', name: 'Sam R.', inReplyToId: post.externalId, text: 'Coffee next week?', createdAt: at(30) });
    assert.equal((await t.services.outcomes.run()).find((r) => r.channelId === channel.id)?.read, 1);
    assert.equal((await timeline(sam.id)).length, 2);

    // What the post led to: the replies, then a call with Sam; a call with someone else is not counted.
    await api('POST', `/api/v1/people/${sam.id}/interactions`, { channel: 'phone', kind: 'call', direction: 'out', occurredAt: at(60 * 24) });
    await api('POST', `/api/v1/people/${kim.id}/interactions`, { channel: 'in_person', kind: 'coffee', direction: 'out', occurredAt: at(60 * 48) });
    const outcomes = (await api('GET', `/api/v1/posts/${post.id}/outcomes`)).json();
    assert.deepEqual(outcomes.conversations.map((c: { name: string; kind: string }) => [c.name, c.kind]), [['Sam Rivera', 'reply'], ['Sam Rivera', 'reply']]);
    assert.deepEqual(outcomes.calls.map((c: { name: string }) => c.name), ['Sam Rivera']);
    assert.deepEqual(outcomes.meetings, [], 'Kim mentioned the account, not this post');
    assert.equal(outcomes.likes, 0);
  });

  test('Bluesky: replies and quotes of a post are read page by page from the last bookmark; likes are not conversations', async () => {
    const channel = (await api('POST', '/api/v1/channels', { platform: 'bluesky', name: 'Bluesky', account: `${bluesky.url}/@anna.test`, credentials: { appPassword: 'abcd-efgh-ijkl-mnop' } })).json();
    const post = await publishedPost(channel.id, 'Meetups beat feeds');
    const from = (n: number, reason: 'reply' | 'mention' | 'quote' | 'like', text: string, subject: string | null) => ({
      uri: `at://did:plc:friend${n}/app.bsky.feed.post/${n}`, reason, did: `did:plc:friend${n}`, handle: `friend${n}.test`, name: `Friend ${n}`, text, subject, indexedAt: at(n),
    });
    bluesky.pageSize = 2;
    bluesky.notifications.push(from(11, 'reply', 'Agreed!', post.externalId), from(12, 'mention', '@anna.test hi', null));
    const first = (await api('POST', `/api/v1/channels/${channel.id}/check-replies`)).json();
    assert.deepEqual([first.read, first.linkedToPosts, first.error], [2, 1, null]);

    // Three more arrive; the newest page holds the quote and a like, the next the reply and the bookmark.
    bluesky.notifications.push(from(13, 'reply', 'And online too', post.externalId), from(14, 'like', '', post.externalId), from(15, 'quote', 'Read this', post.externalId));
    const second = (await api('POST', `/api/v1/channels/${channel.id}/check-replies`)).json();
    assert.deepEqual([second.read, second.linkedToPosts], [2, 2]);
    const outcomes = (await api('GET', `/api/v1/posts/${post.id}/outcomes`)).json();
    assert.deepEqual(outcomes.conversations.map((c: { name: string; kind: string }) => [c.name, c.kind]), [['Friend 11', 'reply'], ['Friend 13', 'reply'], ['Friend 15', 'mention']]);
    const [friend] = await findPerson('Friend 11');
    assert.deepEqual(friend!.handles.map((h) => h.handle).sort(), ['did:plc:friend11', 'friend11.test']);
  });

  test('a platform that fails is reported on the channel, and the next account is still read', async () => {
    const broken = (await api('POST', '/api/v1/channels', { platform: 'mastodon', name: 'Old account', account: `${mastodon.url}/@anna`, credentials: { accessToken: 'revoked' } })).json();
    const result = (await api('POST', `/api/v1/channels/${broken.id}/check-replies`)).json();
    assert.equal(result.read, 0);
    assert.match(result.error, /^Could not read replies: /);
    const all = await t.services.outcomes.run();
    assert.ok(all.some((r) => r.channelId === broken.id && r.error), 'the broken account reports its error');
    assert.ok(all.some((r) => r.channelId !== broken.id && r.error === null), 'the others are read');
    assert.equal((await api('GET', '/api/v1/posts/00000000-0000-4000-8000-000000000000/outcomes')).statusCode, 404);
  });
});

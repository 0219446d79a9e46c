import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fixedClock } from '../../core/clock.ts';
import { makeTestApp, setupOwner, type Browser } from '../../../../test/helpers.ts';
import type { Auth } from '../auth/index.ts';
import { touchClasses } from '../people/ladder.ts';
import { InteractionInput, InteractionPatch, PersonInput } from '../people/people.contract.ts';
import { pillars as postPillars } from '../posts/posts.contract.ts';
import { pillars } from './insights.contract.ts';

// A small workspace made by hand, on PGlite (or PostgreSQL with DATABASE_URL). Every expected
// figure below is worked out in the comments from the data in `build`.
//
// Now: Wednesday 18 November 2026, 12:00 UTC; the workspace lives in Europe/Berlin (UTC+1 in
// November), so this month began at 2026-10-31T23:00Z. The period of 90 days starts 2026-08-20T12:00Z.
const now = new Date('2026-11-18T12:00:00Z');
const at = (day: string, time = '12:00') => new Date(`${day}T${time}:00Z`);

type Ids = Record<string, string>;

async function build(t: Awaited<ReturnType<typeof makeTestApp>>, auth: Auth) {
  const { services, database } = t;
  const people: Ids = {};
  const person = async (name: string, extra: Partial<PersonInput> = {}) => {
    people[name] = (await services.people.create(auth, PersonInput.parse({ name, ...extra }))).person.id;
  };
  // Who they are and how you could reach them (platform risk and client sources).
  await person('Ada', { emails: ['ada@example.com'], isClient: true, source: 'LinkedIn' });
  await person('Ben', { emails: ['ben@example.com'], isClient: true, source: ' linkedin ' });
  await person('Cleo', { handles: [{ platform: 'instagram', handle: '@cleo' }] });
  await person('Dan', { handles: [{ platform: 'mastodon', handle: '@dan@one.social' }, { platform: 'mastodon', handle: '@dan@two.social' }] });
  await person('Eve', { phones: ['+49 30 1234567'], isClient: true, source: 'Meetup' });
  await person('Finn', { handles: [{ platform: 'bluesky', handle: '@finn.bsky.social' }, { platform: 'mastodon', handle: '@finn@one.social' }] });
  await person('Gus', { handles: [{ platform: 'instagram', handle: '@gus', url: 'https://instagram.com/gus' }] });
  await person('Hana', { isClient: true, source: 'Referral' });
  await person('Ivan', { emails: ['ivan@example.com'], handles: [{ platform: 'linkedin', handle: 'ivan' }], isClient: true });

  // Channels and published posts (the posts module's tables, written directly: the figures only read them).
  const channel = async (platform: string) => (await database.query(`insert into channels (workspace_id, platform, name, mode, timezone, cadence_per_week, created_at)
    values ($1, $2, $2, 'manual', 'Europe/Berlin', 3, $3) returning id`, [auth.workspaceId, platform, now])).rows[0]!.id as string;
  const linkedin = await channel('linkedin');
  const mastodon = await channel('mastodon');
  const posts: Ids = {};
  const post = async (name: string, pillar: string, publishedAt: Date, targets: string[], status = 'published') => {
    const id = (await database.query(`insert into posts (workspace_id, pillar, body, status, scheduled_at, published_at, created_at, updated_at)
      values ($1, $2, $3, $4, $5, $6, $5, $5) returning id`, [auth.workspaceId, pillar, `${name}: a post about ${pillar}`, status, publishedAt, status === 'published' ? publishedAt : null])).rows[0]!.id as string;
    for (const target of targets) {
      await database.query(`insert into post_targets (workspace_id, post_id, channel_id, state, published_at) values ($1, $2, $3, $4, $5)`,
        [auth.workspaceId, id, target, status === 'published' ? 'published' : 'pending', status === 'published' ? publishedAt : null]);
    }
    posts[name] = id;
  };
  await post('P1', 'value', at('2026-11-16', '09:00'), [linkedin]); //   Monday
  await post('P2', 'value', at('2026-11-09', '09:00'), [linkedin, mastodon]); // Monday
  await post('P3', 'value', at('2026-11-03', '09:00'), [linkedin]); //   Tuesday
  await post('P4', 'value', at('2026-10-26', '09:00'), [mastodon]); //   Monday
  await post('P5', 'value', at('2026-10-20', '09:00'), [linkedin]); //   Tuesday
  await post('P6', 'offer', at('2026-11-15', '23:30'), [mastodon]); //   Sunday in UTC, Monday 00:30 in Berlin
  await post('P7', 'community', at('2026-01-10'), [linkedin]); //         outside the 90 days
  await post('P8', 'value', at('2026-11-17'), [linkedin], 'draft'); //   not published

  const touch = async (name: string, channel: string, kind: string, direction: 'in' | 'out', occurredAt: Date, postId?: string) => {
    await services.people.addInteraction(auth, people[name]!, InteractionInput.parse({ channel, kind, direction, occurredAt: occurredAt.toISOString(), postId }));
  };
  // Ada: engaged on 2 Oct (like in, like out), conversing 4 Nov, talked 10 Nov (a call after P2), met 17 Nov.
  await touch('Ada', 'linkedin', 'like', 'in', at('2026-10-01'));
  await touch('Ada', 'linkedin', 'like', 'out', at('2026-10-02'));
  await touch('Ada', 'linkedin', 'dm', 'in', at('2026-11-03'));
  await touch('Ada', 'linkedin', 'dm', 'out', at('2026-11-04'));
  await touch('Ada', 'phone', 'call', 'out', at('2026-11-10'), posts.P2);
  await touch('Ada', 'linkedin', 'dm', 'in', at('2026-11-16'), posts.P1);
  await touch('Ada', 'in_person', 'coffee', 'out', at('2026-11-17'));
  // Ben: conversing since 2 Sep (email both ways), met 5 Nov, wrote on Mastodon after P2.
  await touch('Ben', 'email', 'email', 'in', at('2026-09-01'));
  await touch('Ben', 'email', 'email', 'out', at('2026-09-02'));
  await touch('Ben', 'in_person', 'coffee', 'out', at('2026-11-05'));
  await touch('Ben', 'mastodon', 'dm', 'in', at('2026-11-10'), posts.P2);
  // Cleo: one-way only (aware); her like came with P3.
  await touch('Cleo', 'instagram', 'follow', 'in', at('2026-10-20'));
  await touch('Cleo', 'instagram', 'like', 'in', at('2026-11-04'), posts.P3);
  // Dan: engaged on 2 Nov.
  await touch('Dan', 'mastodon', 'like', 'in', at('2026-11-02', '10:00'));
  await touch('Dan', 'mastodon', 'comment', 'out', at('2026-11-02'));
  // Eve: a call on 1 Aug (her first touch), met 11 Aug, a coffee after P4.
  await touch('Eve', 'phone', 'call', 'out', at('2026-08-01'));
  await touch('Eve', 'in_person', 'meeting', 'out', at('2026-08-11'));
  await touch('Eve', 'in_person', 'coffee', 'out', at('2026-10-28'), posts.P4);
  // Finn: conversing at 23:30 UTC on 31 Oct, which is already 1 November in Berlin.
  await touch('Finn', 'bluesky', 'dm', 'in', at('2026-10-20'));
  await touch('Finn', 'bluesky', 'dm', 'out', at('2026-10-31', '23:30'));
  // Gus: a mention on 17 Oct, then a call after P6 on 16 Nov.
  await touch('Gus', 'instagram', 'mention', 'in', at('2026-10-17'));
  await touch('Gus', 'phone', 'call', 'out', at('2026-11-16'), posts.P6);

  // Focus sessions (the focus module's table): seconds per phase.
  const [userId] = (await database.query(`select id from users where workspace_id = $1`, [auth.workspaceId])).rows.map((r) => r.id as string);
  const session = async (channels: string[], startedAt: Date, plan: number[], actual: number[] | null) => {
    const phases = (s: number[]) => JSON.stringify({ read: s[0], write: s[1], reply: s[2], leave: s[3] });
    const total = plan.reduce((a, b) => a + b, 0);
    const endsAt = new Date(startedAt.getTime() + total * 1000);
    await database.query(`insert into focus_sessions (workspace_id, user_id, channels, plan, started_at, ends_at, ended_at, ended_early, actual)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [auth.workspaceId, userId, JSON.stringify(channels), phases(plan), startedAt, endsAt, actual ? endsAt : null, false, actual ? phases(actual) : null]);
  };
  await session(['linkedin'], at('2026-11-02'), [180, 300, 300, 120], [180, 300, 300, 120]); //           15 min on LinkedIn
  await session(['linkedin', 'mastodon'], at('2026-11-05'), [600, 1200, 1200, 600], [600, 1200, 1200, 600]); // 60 min, 30 each
  await session(['mastodon'], at('2026-11-17'), [180, 300, 300, 120], null); //                         ran out unwatched: 15 min as planned
  await session(['linkedin'], at('2026-01-05'), [180, 300, 300, 120], [180, 300, 300, 120]); //           outside the 90 days
  return { people, posts };
}

describe('insights on a hand-made workspace', () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let owner: Browser;
  let built: Awaited<ReturnType<typeof build>>;
  const get = async (url: string) => {
    const response = await t.app.inject({ method: 'GET', url, headers: owner.headers });
    assert.equal(response.statusCode, 200, response.body);
    return response;
  };

  before(async () => {
    t = await makeTestApp({ clock: fixedClock(now) });
    owner = await setupOwner(t.app);
    await t.app.inject({ method: 'PATCH', url: '/api/v1/workspace', headers: owner.headers, payload: { timezone: 'Europe/Berlin' } });
    built = await build(t, await t.services.auth.ownerAuth());
  });
  after(() => t.close());

  test('offline funnel: people per step, this month\'s moves in Berlin time, median days to the first call and meeting', async () => {
    const funnel = (await get('/api/v1/insights/funnel')).json();
    assert.equal(funnel.monthStart, '2026-10-31T23:00:00.000Z');
    // aware: Cleo, Hana, Ivan · engaged: Dan · conversing: Finn · talked: Gus · met: Ada, Ben, Eve
    // Moves since 1 Nov (Berlin): Dan aware→engaged, Finn aware→conversing (23:30 UTC on 31 Oct is
    // November in Berlin), Gus aware→talked, Ada engaged→met, Ben conversing→met: 5 people.
    assert.deepEqual(funnel.steps, [
      { step: 'aware', people: 3, movedUpThisMonth: 0 },
      { step: 'engaged', people: 1, movedUpThisMonth: 1 },
      { step: 'conversing', people: 1, movedUpThisMonth: 1 },
      { step: 'talked', people: 1, movedUpThisMonth: 1 },
      { step: 'met', people: 3, movedUpThisMonth: 2 },
    ]);
    assert.equal(funnel.movesUpThisMonth, 5);
    assert.deepEqual(funnel.moves, [
      { from: 'aware', to: 'engaged', people: 1 },
      { from: 'aware', to: 'conversing', people: 1 },
      { from: 'aware', to: 'talked', people: 1 },
      { from: 'engaged', to: 'met', people: 1 },
      { from: 'conversing', to: 'met', people: 1 },
    ]);
    // First touch to first call: Eve 0 days (the call was her first touch), Gus 17 Oct → 16 Nov = 30,
    // Ada 1 Oct → 10 Nov = 40. Median of 0, 30, 40 = 30.
    assert.deepEqual(funnel.firstTouchToCall, { medianDays: 30, people: 3 });
    // First touch to first meeting: Eve 1 → 11 Aug = 10, Ada 1 Oct → 17 Nov = 47, Ben 1 Sep → 5 Nov = 65. Median 47.
    assert.deepEqual(funnel.firstTouchToMeeting, { medianDays: 47, people: 3 });
  });

  test('what works: posts per pillar, channel and weekday with what followed, and the smoothed rate', async () => {
    const works = (await get('/api/v1/insights/what-works?days=90')).json();
    // P1–P6 are published in the 90 days; P7 is older, P8 a draft.
    // Followed by a conversation, call or meeting: P1 (Ada wrote), P2 (Ben wrote, Ada called), P4 (Eve's coffee),
    // P6 (Gus's call); not P3 (only a like) nor P5. Average μ = 4/6.
    assert.equal(works.posts, 6);
    assert.equal(works.averageRate, 0.6667);
    assert.equal(works.priorPosts, 5);
    const pillar = (name: string) => works.byPillar.find((r: { pillar: string }) => r.pillar === name);
    // value: P1–P5, 5 posts, 3 led somewhere; 2 people wrote (Ada, Ben), 1 call, 1 meeting.
    // smoothed = (3 + 5 × 4/6) / (5 + 5) = 6.3333 / 10 = 0.6333
    assert.deepEqual(pillar('value'), { pillar: 'value', posts: 5, conversations: 2, calls: 1, meetings: 1, postsWithOutcome: 3, rawRate: 0.6, smoothedRate: 0.6333, tooFewToTell: false });
    // offer: P6 alone, 1 of 1: (1 + 3.3333) / 6 = 0.7222, and too few posts to tell.
    assert.deepEqual(pillar('offer'), { pillar: 'offer', posts: 1, conversations: 0, calls: 1, meetings: 0, postsWithOutcome: 1, rawRate: 1, smoothedRate: 0.7222, tooFewToTell: true });
    // No posts: the average itself, 3.3333 / 5 = 0.6667.
    assert.deepEqual(pillar('event'), { pillar: 'event', posts: 0, conversations: 0, calls: 0, meetings: 0, postsWithOutcome: 0, rawRate: 0, smoothedRate: 0.6667, tooFewToTell: true });

    // Per channel an outcome counts where it came through if the post went there, else on each channel the post went to.
    // LinkedIn: P1 (Ada wrote on LinkedIn), P2 (Ada's phone call counts on both of P2's channels), P3, P5:
    //   4 posts, 2 led: (2 + 3.3333) / 9 = 0.5926.
    // Mastodon: P2 (Ben wrote on Mastodon; Ada's call), P4 (Eve's coffee), P6 (Gus's call): 3 of 3: (3 + 3.3333) / 8 = 0.7917.
    assert.deepEqual(works.byChannel, [
      { channel: 'linkedin', posts: 4, conversations: 1, calls: 1, meetings: 0, postsWithOutcome: 2, rawRate: 0.5, smoothedRate: 0.5926, tooFewToTell: true },
      { channel: 'mastodon', posts: 3, conversations: 1, calls: 2, meetings: 1, postsWithOutcome: 3, rawRate: 1, smoothedRate: 0.7917, tooFewToTell: true },
    ]);

    // Weekdays in Berlin: Monday P1, P2, P4 and P6 (00:30 on Monday in Berlin), 4 of 4: (4 + 3.3333) / 9 = 0.8148;
    // Tuesday P3, P5, 0 of 2: 3.3333 / 7 = 0.4762; nothing on Sunday.
    const weekday = (n: number) => works.byWeekday.find((r: { weekday: number }) => r.weekday === n);
    assert.deepEqual([weekday(1).posts, weekday(1).postsWithOutcome, weekday(1).smoothedRate], [4, 4, 0.8148]);
    assert.deepEqual([weekday(2).posts, weekday(2).postsWithOutcome, weekday(2).smoothedRate], [2, 0, 0.4762]);
    assert.equal(weekday(7).posts, 0);

    // The table behind it: the posts, newest first, with what followed each.
    assert.deepEqual(works.postList.map((p: { excerpt: string; weekday: number; channels: string[]; conversations: number; calls: number; meetings: number }) =>
      [p.excerpt.slice(0, 2), p.weekday, p.channels.join('+'), p.conversations, p.calls, p.meetings]), [
      ['P1', 1, 'linkedin', 1, 0, 0],
      ['P6', 1, 'mastodon', 0, 1, 0],
      ['P2', 1, 'linkedin+mastodon', 1, 1, 0],
      ['P3', 2, 'linkedin', 0, 0, 0],
      ['P4', 1, 'mastodon', 0, 0, 1],
      ['P5', 2, 'linkedin', 0, 0, 0],
    ]);
  });

  test('channel return: focus minutes against conversations, meetings and new clients per hour', async () => {
    const result = (await get('/api/v1/insights/channel-return?days=90')).json();
    // Minutes: LinkedIn 15 + 30 (half of the shared hour) = 45; Mastodon 30 + 15 (the session that ran out) = 45;
    // January's session is outside the 90 days.
    // Conversations (people written with privately in the period): LinkedIn Ada, Mastodon Ben, email Ben, Bluesky Finn.
    // Meetings in the period by the channel of the person's first touch: Ada's coffee (first touch LinkedIn),
    // Ben's coffee (email), Eve's coffee on 28 Oct (phone; her meeting on 11 Aug is before the period).
    // New clients (first touch in the period): Ada (LinkedIn), Ben (email); Eve's first touch is on 1 Aug.
    // Per hour on LinkedIn: 1 / (45 / 60) = 1.33.
    assert.deepEqual(result.channels, [
      { channel: 'linkedin', focusMinutes: 45, conversations: 1, meetings: 1, newClients: 1, conversationsPerHour: 1.33, meetingsPerHour: 1.33, newClientsPerHour: 1.33 },
      { channel: 'mastodon', focusMinutes: 45, conversations: 1, meetings: 0, newClients: 0, conversationsPerHour: 1.33, meetingsPerHour: 0, newClientsPerHour: 0 },
      { channel: 'email', focusMinutes: 0, conversations: 1, meetings: 1, newClients: 1, conversationsPerHour: null, meetingsPerHour: null, newClientsPerHour: null },
      { channel: 'bluesky', focusMinutes: 0, conversations: 1, meetings: 0, newClients: 0, conversationsPerHour: null, meetingsPerHour: null, newClientsPerHour: null },
      { channel: 'phone', focusMinutes: 0, conversations: 0, meetings: 1, newClients: 0, conversationsPerHour: null, meetingsPerHour: null, newClientsPerHour: null },
    ]);
  });

  test('where clients came from: the source they gave, and the channel of their first touch', async () => {
    const sources = (await get('/api/v1/insights/client-sources')).json();
    // Clients: Ada (LinkedIn), Ben (" linkedin ": the same source), Eve (Meetup), Hana (Referral), Ivan (none given).
    assert.equal(sources.clients, 5);
    assert.deepEqual(sources.bySource, [
      { source: 'LinkedIn', clients: 2 }, { source: 'Meetup', clients: 1 }, { source: 'Referral', clients: 1 }, { source: null, clients: 1 },
    ]);
    // First touches: Ada LinkedIn, Ben email, Eve phone; Hana and Ivan have none recorded.
    assert.deepEqual(sources.byFirstTouch, [
      { channel: null, clients: 2 }, { channel: 'email', clients: 1 }, { channel: 'linkedin', clients: 1 }, { channel: 'phone', clients: 1 },
    ]);
    assert.deepEqual(sources.clientList.map((c: { name: string; firstTouchChannel: string | null; firstTouchAt: string | null }) => [c.name, c.firstTouchChannel, c.firstTouchAt]), [
      ['Ada', 'linkedin', '2026-10-01T12:00:00.000Z'], ['Ben', 'email', '2026-09-01T12:00:00.000Z'], ['Eve', 'phone', '2026-08-01T12:00:00.000Z'], ['Hana', null, null], ['Ivan', null, null],
    ]);
  });

  test('platform risk: the people you would lose with a platform, and the list to ask them for another way', async () => {
    const risk = (await get('/api/v1/insights/platform-risk')).json();
    // Only on Instagram: Cleo, Gus. Only on Mastodon: Dan (two Mastodon handles are still one platform).
    // Not at risk: Finn (Bluesky and Mastodon), Ivan (LinkedIn and an email), those with an email or phone,
    // and Hana (no way to reach her anywhere: not a platform's to take). Shares of 9 people: 2/9, 1/9.
    assert.equal(risk.people, 9);
    assert.deepEqual(risk.platforms, [{ platform: 'instagram', onlyThere: 2, share: 0.2222 }, { platform: 'mastodon', onlyThere: 1, share: 0.1111 }]);

    const list = (await get('/api/v1/insights/platform-risk/instagram')).json();
    assert.equal(list.total, 2);
    // Closest first: Gus has talked, Cleo is aware.
    assert.deepEqual(list.items.map((p: { name: string; handle: string; ladder: string }) => [p.name, p.handle, p.ladder]), [['Gus', '@gus', 'talked'], ['Cleo', '@cleo', 'aware']]);

    const csv = await get('/api/v1/insights/platform-risk/instagram/people.csv');
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.match(String(csv.headers['content-disposition']), /only-on-instagram\.csv/);
    assert.deepEqual(csv.body.trim().split('\n'), [
      'name,platform,handle,url,ladder,last_interaction_at',
      'Gus,instagram,@gus,https://instagram.com/gus,talked,2026-11-16T12:00:00.000Z',
      'Cleo,instagram,@cleo,,aware,2026-11-04T12:00:00.000Z',
    ]);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/insights/platform-risk/myspace', headers: owner.headers });
    assert.equal(bad.statusCode, 400);
  });

  test('likes and follows only on their own tab', async () => {
    const vanity = (await get('/api/v1/insights/vanity?days=90')).json();
    // Received in the period: Ada's like (LinkedIn), Dan's like (Mastodon), Cleo's like on P3 and her follow (Instagram).
    // Ada's own like out does not count.
    assert.deepEqual([vanity.likes, vanity.likesOnPosts, vanity.newFollowers, vanity.followerCountsKnown], [3, 1, 1, false]);
    assert.deepEqual(vanity.channels, [
      { channel: 'instagram', likes: 1, likesOnPosts: 1, newFollowers: 1 },
      { channel: 'linkedin', likes: 1, likesOnPosts: 0, newFollowers: 0 },
      { channel: 'mastodon', likes: 1, likesOnPosts: 0, newFollowers: 0 },
    ]);
    // The headline figures carry no likes.
    const funnel = (await get('/api/v1/insights/funnel')).body;
    assert.doesNotMatch(funnel, /like/i);
  });

  test('another workspace sees none of it', async () => {
    const other = await t.database.db.transaction((tx) => t.services.workspaces.create({ name: 'Elsewhere Ltd' }, tx));
    const them = { workspaceId: other.id, userId: '00000000-0000-4000-8000-00000000000e', role: 'owner' as const, via: 'token' as const };
    const { insights } = t.services;
    assert.deepEqual((await insights.funnel(them)).steps.map((s) => s.people), [0, 0, 0, 0, 0]);
    assert.equal((await insights.whatWorks(them, 3650)).posts, 0);
    assert.deepEqual((await insights.channelReturn(them, 3650)).channels, []);
    assert.equal((await insights.clientSources(them)).clients, 0);
    assert.deepEqual((await insights.platformRisk(them)).platforms, []);
    assert.equal((await insights.onlyOn(them, 'instagram', 10)).total, 0);
    assert.equal((await insights.vanity(them, 3650)).likes, 0);
  });

  test('the pillars are the posts module\'s', () => {
    assert.deepEqual(pillars, postPillars);
  });

  // Late in the file: it adds a post the figures above do not expect.
  test('what works per channel: someone writing on the platform and elsewhere is one conversation there', async () => {
    const before = (await get('/api/v1/insights/what-works?days=90')).json();
    const { database, services } = t;
    const auth = await services.auth.ownerAuth();
    const channelIds = Object.fromEntries((await database.query(`select platform, id from channels where workspace_id = $1`, [auth.workspaceId])).rows.map((r) => [r.platform, r.id]));
    const publishedAt = at('2026-11-18', '09:00');
    const postId = (await database.query(`insert into posts (workspace_id, pillar, body, status, scheduled_at, published_at, created_at, updated_at)
      values ($1, 'community', 'P9', 'published', $2, $2, $2, $2) returning id`, [auth.workspaceId, publishedAt])).rows[0]!.id as string;
    for (const platform of ['linkedin', 'mastodon']) {
      await database.query(`insert into post_targets (workspace_id, post_id, channel_id, state, published_at) values ($1, $2, $3, 'published', $4)`,
        [auth.workspaceId, postId, channelIds[platform], publishedAt]);
    }
    const touch = (name: string, channel: string, kind: string) => services.people.addInteraction(auth, built.people[name]!,
      InteractionInput.parse({ channel, kind, direction: 'in', occurredAt: at('2026-11-18', '10:00').toISOString(), postId }));
    await touch('Ivan', 'linkedin', 'dm'); // on LinkedIn and by email: one conversation on each channel
    await touch('Ivan', 'email', 'email');
    await touch('Dan', 'mastodon', 'dm'); //  on Mastodon only
    await touch('Cleo', 'email', 'email'); // by email twice: one conversation on each channel
    await touch('Cleo', 'email', 'email');
    await touch('Finn', 'video', 'call'); //  a call elsewhere counts on each channel
    const after = (await get('/api/v1/insights/what-works?days=90')).json();
    const change = (channel: string) => {
      const [b, a] = [before, after].map((w) => w.byChannel.find((r: { channel: string }) => r.channel === channel));
      return { posts: a.posts - b.posts, conversations: a.conversations - b.conversations, calls: a.calls - b.calls, meetings: a.meetings - b.meetings };
    };
    assert.deepEqual(change('linkedin'), { posts: 1, conversations: 2, calls: 1, meetings: 0 }); // Ivan, Cleo
    assert.deepEqual(change('mastodon'), { posts: 1, conversations: 3, calls: 1, meetings: 0 }); // Ivan, Dan, Cleo
    const p9 = after.postList.find((p: { id: string }) => p.id === postId);
    assert.deepEqual([p9.channels, p9.conversations, p9.calls, p9.meetings], [['linkedin', 'mastodon'], 3, 1, 0]);
  });

  // Last, because it gives Hana touches the figures above do not expect.
  test('the first-touch channel follows the earliest touch as touches are logged, moved and removed', async () => {
    const hanaChannel = async () => (await get('/api/v1/insights/client-sources')).json().clientList
      .find((c: { name: string }) => c.name === 'Hana').firstTouchChannel;
    const hana = built.people.Hana!;
    const auth = await t.services.auth.ownerAuth();
    const log = (channel: string, kind: string, day: string) => t.services.people.addInteraction(auth, hana,
      InteractionInput.parse({ channel, kind, direction: 'in', occurredAt: at(day).toISOString() }));
    await log('email', 'email', '2026-06-01');
    assert.equal(await hanaChannel(), 'email');
    // Logged later, but it happened earlier: it is where the relationship began.
    const earlier = await log('mastodon', 'reply', '2026-05-01');
    assert.equal(await hanaChannel(), 'mastodon');
    await t.services.people.updateInteraction(auth, hana, earlier.id, InteractionPatch.parse({ occurredAt: at('2026-07-01').toISOString() }));
    assert.equal(await hanaChannel(), 'email');
    await t.services.people.removeInteraction(auth, hana, (await log('linkedin', 'comment', '2026-04-01')).id);
    assert.equal(await hanaChannel(), 'email');
  });

  test('a period is 1 to 3650 days; insights need a signed-in member', async () => {
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/insights/what-works?days=0', headers: owner.headers });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().code, 'VALIDATION_FAILED');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/insights/funnel' });
    assert.equal(anonymous.statusCode, 401);
  });
});

// What works keeps each post's count (post_tallies); everything that changes what followed a post
// must show on the next reading, however the change was made.
describe('what works after what followed a post changes', () => {
  test('a kept count follows touches logged, moved, re-kinded and removed, people merged, and targets published', async () => {
    const t = await makeTestApp({ clock: fixedClock(now) });
    try {
      const owner = await setupOwner(t.app);
      const { database, services } = t;
      const auth = await services.auth.ownerAuth();
      const person = async (name: string) => (await services.people.create(auth, PersonInput.parse({ name }))).person.id;
      const [ada, ben, cleo, cleoToo] = [await person('Ada'), await person('Ben'), await person('Cleo'), await person('Cleo B.')];
      const channel = async (platform: string) => (await database.query(`insert into channels (workspace_id, platform, name, mode, timezone, cadence_per_week, created_at)
        values ($1, $2, $2, 'manual', 'Europe/Berlin', 3, $3) returning id`, [auth.workspaceId, platform, now])).rows[0]!.id as string;
      const [linkedin, mastodon] = [await channel('linkedin'), await channel('mastodon')];
      const publishedAt = at('2026-11-10', '09:00');
      const post = async (body: string) => (await database.query(`insert into posts (workspace_id, pillar, body, status, scheduled_at, published_at, created_at, updated_at)
        values ($1, 'value', $2, 'published', $3, $3, $3, $3) returning id`, [auth.workspaceId, body, publishedAt])).rows[0]!.id as string;
      const [first, second] = [await post('first'), await post('second')];
      for (const id of [first, second]) {
        await database.query(`insert into post_targets (workspace_id, post_id, channel_id, state, published_at) values ($1, $2, $3, 'published', $4)`,
          [auth.workspaceId, id, linkedin, publishedAt]);
      }
      const read = async (postId: string) => {
        const response = await t.app.inject({ method: 'GET', url: '/api/v1/insights/what-works?days=90', headers: owner.headers });
        assert.equal(response.statusCode, 200, response.body);
        const found = response.json().postList.find((p: { id: string }) => p.id === postId);
        return { channels: found.channels, conversations: found.conversations, calls: found.calls, meetings: found.meetings };
      };
      const touch = (personId: string, channel: string, kind: string, postId: string) => services.people.addInteraction(auth, personId,
        InteractionInput.parse({ channel, kind, direction: 'in', occurredAt: at('2026-11-11').toISOString(), postId }));

      assert.deepEqual(await read(first), { channels: ['linkedin'], conversations: 0, calls: 0, meetings: 0 });
      const adaWrote = await touch(ada, 'linkedin', 'dm', first);
      const benCalled = await touch(ben, 'phone', 'call', first);
      assert.deepEqual(await read(first), { channels: ['linkedin'], conversations: 1, calls: 1, meetings: 0 });
      // Ada's message was about the second post after all: it moves, both counts follow.
      await services.people.updateInteraction(auth, ada, adaWrote.id, InteractionPatch.parse({ postId: second }));
      assert.deepEqual(await read(first), { channels: ['linkedin'], conversations: 0, calls: 1, meetings: 0 });
      assert.deepEqual(await read(second), { channels: ['linkedin'], conversations: 1, calls: 0, meetings: 0 });
      // Ben's call was a coffee in fact; then it is removed.
      await services.people.updateInteraction(auth, ben, benCalled.id, InteractionPatch.parse({ channel: 'in_person', kind: 'coffee' }));
      assert.deepEqual(await read(first), { channels: ['linkedin'], conversations: 0, calls: 0, meetings: 1 });
      await services.people.removeInteraction(auth, ben, benCalled.id);
      assert.deepEqual(await read(first), { channels: ['linkedin'], conversations: 0, calls: 0, meetings: 0 });
      // Two records of one person who both wrote: merged, they are one conversation.
      await touch(cleo, 'linkedin', 'dm', first);
      await touch(cleoToo, 'linkedin', 'dm', first);
      assert.deepEqual(await read(first), { channels: ['linkedin'], conversations: 2, calls: 0, meetings: 0 });
      await services.people.merge(auth, cleo, cleoToo);
      assert.deepEqual(await read(first), { channels: ['linkedin'], conversations: 1, calls: 0, meetings: 0 });
      // Removing a person removes what they did.
      await services.people.remove(auth, cleo);
      assert.deepEqual(await read(first), { channels: ['linkedin'], conversations: 0, calls: 0, meetings: 0 });
      // The post goes out on Mastodon too: the channel joins, and a message there counts on it.
      await database.query(`insert into post_targets (workspace_id, post_id, channel_id, state) values ($1, $2, $3, 'pending')`, [auth.workspaceId, first, mastodon]);
      await touch(ben, 'mastodon', 'dm', first);
      assert.deepEqual(await read(first), { channels: ['linkedin'], conversations: 1, calls: 0, meetings: 0 });
      await database.query(`update post_targets set state = 'published', published_at = $3 where workspace_id = $1 and post_id = $2 and channel_id = $4`,
        [auth.workspaceId, first, publishedAt, mastodon]);
      assert.deepEqual(await read(first), { channels: ['linkedin', 'mastodon'], conversations: 1, calls: 0, meetings: 0 });
      const byChannel = async () => (await t.app.inject({ method: 'GET', url: '/api/v1/insights/what-works?days=90', headers: owner.headers })).json().byChannel
        .map((r: { channel: string; conversations: number }) => [r.channel, r.conversations]);
      assert.deepEqual(await byChannel(), [['linkedin', 1], ['mastodon', 1]]); // Ada on the second post; Ben on the first, on Mastodon
      // A post with what followed it can still be deleted; its count goes with it.
      await services.posts.remove(auth, first);
      assert.deepEqual(await byChannel(), [['linkedin', 1]]);
      const kept = await database.query(`select count(*)::int as n from post_tallies where workspace_id = $1`, [auth.workspaceId]);
      assert.equal(kept.rows[0]!.n, 1);
    } finally {
      await t.close();
    }
  });
});

// Channel return counts conversations from each person's latest private touch per channel (private_talks).
describe('channel return after private touches change', () => {
  test('conversations follow touches logged late, moved, re-kinded and removed, people merged and removed', async () => {
    const t = await makeTestApp({ clock: fixedClock(now) });
    try {
      const owner = await setupOwner(t.app);
      const { services } = t;
      const auth = await services.auth.ownerAuth();
      const person = async (name: string) => (await services.people.create(auth, PersonInput.parse({ name }))).person.id;
      const [ada, ben, benToo] = [await person('Ada'), await person('Ben'), await person('Ben B.')];
      const talks = async () => {
        const response = await t.app.inject({ method: 'GET', url: '/api/v1/insights/channel-return?days=90', headers: owner.headers });
        assert.equal(response.statusCode, 200, response.body);
        return Object.fromEntries(response.json().channels.filter((c: { conversations: number }) => c.conversations > 0)
          .map((c: { channel: string; conversations: number }) => [c.channel, c.conversations]));
      };
      const touch = (personId: string, channel: string, kind: string, day: string) => services.people.addInteraction(auth, personId,
        InteractionInput.parse({ channel, kind, direction: 'in', occurredAt: at(day).toISOString() }));

      const adaWrote = await touch(ada, 'linkedin', 'dm', '2026-11-01');
      await touch(ada, 'linkedin', 'dm', '2026-05-01'); // logged later, long before the period: the latest stays
      await touch(ada, 'linkedin', 'like', '2026-11-02'); // not private
      assert.deepEqual(await talks(), { linkedin: 1 });
      // Her November message was in May in fact: she has not written on LinkedIn in the 90 days.
      await services.people.updateInteraction(auth, ada, adaWrote.id, InteractionPatch.parse({ occurredAt: at('2026-05-02').toISOString() }));
      assert.deepEqual(await talks(), {});
      await services.people.updateInteraction(auth, ada, adaWrote.id, InteractionPatch.parse({ occurredAt: at('2026-11-01').toISOString(), channel: 'email', kind: 'email' }));
      assert.deepEqual(await talks(), { email: 1 });
      await services.people.updateInteraction(auth, ada, adaWrote.id, InteractionPatch.parse({ kind: 'comment' }));
      assert.deepEqual(await talks(), {});
      await services.people.removeInteraction(auth, ada, adaWrote.id);
      await touch(ada, 'email', 'question', '2026-10-01');
      assert.deepEqual(await talks(), { email: 1 });
      // Two records of one person who both wrote on Mastodon: merged, one conversation.
      await touch(ben, 'mastodon', 'dm', '2026-10-10');
      await touch(benToo, 'mastodon', 'dm', '2026-11-10');
      assert.deepEqual(await talks(), { email: 1, mastodon: 2 });
      await services.people.merge(auth, ben, benToo);
      assert.deepEqual(await talks(), { email: 1, mastodon: 1 });
      await services.people.remove(auth, ben);
      assert.deepEqual(await talks(), { email: 1 });
    } finally {
      await t.close();
    }
  });
});

// Indexes and triggers must spell the interaction kinds out in SQL; this keeps them the ladder's.
describe('the kinds spelled out in SQL', () => {
  test('the outcome and meeting indexes and the private-talk triggers list the ladder\'s kinds', async () => {
    const t = await makeTestApp();
    try {
      // Every quoted list in a definition: ARRAY['dm'::text, …] as PostgreSQL prints one, IN ('dm', …) as written in a function.
      const kindLists = (definition: string) => [...definition.matchAll(/(?:ARRAY\[|IN \()([^\])]*)[\])]/g)]
        .map((m) => [...m[1]!.matchAll(/'([a-z_]+)'/g)].map((k) => k[1]!).sort());
      const definition = async (query: string, name: string) => String((await t.database.query(query, [name])).rows[0]!.def);
      const index = (name: string) => definition(`select indexdef as def from pg_indexes where indexname = $1`, name);
      const trigger = (name: string) => definition(`select pg_get_triggerdef(oid) as def from pg_trigger where tgname = $1`, name);
      const fn = (name: string) => definition(`select pg_get_functiondef(oid) as def from pg_proc where proname = $1`, name);
      const sorted = (...kinds: (readonly string[])[]) => kinds.flat().sort();

      assert.deepEqual(kindLists(await index('interactions_post_outcome_idx')), [sorted(touchClasses.private, touchClasses.call, touchClasses.meeting)]);
      assert.deepEqual(kindLists(await index('interactions_meeting_time_idx')), [sorted(touchClasses.meeting)]);
      for (const source of [
        await trigger('interactions_private_talks_insert'), await trigger('interactions_private_talks_update'), await trigger('interactions_private_talks_delete'),
        await fn('private_talks_touch'), await fn('private_talks_refresh'),
      ]) {
        const lists = kindLists(source);
        assert.ok(lists.length > 0, source);
        for (const list of lists) assert.deepEqual(list, sorted(touchClasses.private), source);
      }
    } finally {
      await t.close();
    }
  });
});

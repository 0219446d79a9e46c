import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fixedClock } from '../../core/clock.ts';
import { browserFrom, makeTestApp, setupOwner, type Browser } from '../../../../test/helpers.ts';

const minute = 60_000;
// Sunday 22 November 2026, 23:50 in Berlin: ten minutes before the week of the 23rd begins.
const sundayNight = new Date('2026-11-22T22:50:00Z');

async function harness() {
  const clock = fixedClock(sundayNight);
  const t = await makeTestApp({ clock });
  const owner = await setupOwner(t.app);
  const as = (browser: Browser) => (method: 'POST' | 'PUT' | 'PATCH' | 'GET' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: browser.headers, payload });
  const send = as(owner);
  await send('PATCH', '/api/v1/workspace', { timezone: 'Europe/Berlin' });
  const member = async (role: string, email: string) => {
    const invitation = await send('POST', '/api/v1/invitations', { role, email });
    const token = invitation.json().url.split('/invite/')[1];
    const accepted = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { name: email.split('@')[0], email, password: 'a long enough password' } });
    return as(browserFrom(accepted));
  };
  return { t, clock, send, member };
}

describe('focus sessions', () => {
  let h: Awaited<ReturnType<typeof harness>>;
  before(async () => { h = await harness(); });
  after(() => h.t.close());

  test('a session runs on the server clock: the same phase after a reload, and one at a time', async () => {
    const started = await h.send('POST', '/api/v1/focus/sessions', { channels: ['mastodon'] });
    assert.equal(started.statusCode, 201);
    const session = started.json();
    assert.equal(session.phase, 'read');
    assert.equal(session.secondsLeft, 900);
    assert.deepEqual(session.plannedSeconds, { read: 180, write: 300, reply: 300, leave: 120 });

    h.clock.advance(4 * minute);
    const current = (await h.send('GET', '/api/v1/focus/sessions/current')).json().session;
    assert.equal(current.id, session.id);
    assert.equal(current.phase, 'write');
    assert.equal(current.secondsLeftInPhase, 240);
    assert.equal(current.secondsLeft, 660);

    const second = await h.send('POST', '/api/v1/focus/sessions', { channels: ['bluesky'] });
    assert.equal(second.statusCode, 409);
    assert.equal(second.json().code, 'FOCUS_RUNNING');

    h.clock.advance(2 * minute);
    const ended = await h.send('POST', `/api/v1/focus/sessions/${session.id}/end`);
    assert.equal(ended.statusCode, 200);
    assert.equal(ended.json().endedEarly, true);
    assert.equal(ended.json().running, false);
    assert.deepEqual(ended.json().actualSeconds, { read: 180, write: 180, reply: 0, leave: 0 });
    assert.equal((await h.send('POST', `/api/v1/focus/sessions/${session.id}/end`)).json().code, 'FOCUS_ENDED');
    assert.equal((await h.send('GET', '/api/v1/focus/sessions/current')).json().session, null);
  });

  test('a session left to run out ended on time, with every phase spent', async () => {
    const session = (await h.send('POST', '/api/v1/focus/sessions', { channels: ['linkedin', 'x'], phases: { read: 1, write: 2, reply: 2, leave: 1 } })).json();
    assert.equal(new Date(session.endsAt).getTime() - new Date(session.startedAt).getTime(), 6 * minute);
    h.clock.advance(5.5 * minute);
    assert.equal((await h.send('GET', '/api/v1/focus/sessions/current')).json().session.phase, 'leave');
    h.clock.advance(10 * minute);
    assert.equal((await h.send('GET', '/api/v1/focus/sessions/current')).json().session, null);
    const done = (await h.send('GET', `/api/v1/focus/sessions/${session.id}`)).json();
    assert.equal(done.endedEarly, false);
    assert.equal(done.endedAt, session.endsAt);
    assert.deepEqual(done.actualSeconds, { read: 60, write: 120, reply: 120, leave: 60 });
    const late = await h.send('POST', `/api/v1/focus/sessions/${session.id}/end`);
    assert.equal(late.json().code, 'FOCUS_ENDED');
    const list = (await h.send('GET', '/api/v1/focus/sessions')).json().items;
    assert.deepEqual(list.map((s: { id: string; endedEarly: boolean }) => s.endedEarly), [false, true]);
  });

  test('bad input is refused with the field path, and nothing is written', async () => {
    const cases: [object, string][] = [
      [{ channels: [] }, 'channels'],
      [{ channels: ['myspace'] }, 'channels.0'],
      [{ channels: ['x', 'x'] }, 'channels'],
      [{ channels: ['x'], minutes: 0 }, 'minutes'],
      [{ channels: ['x'], phases: { read: 0, write: 0, reply: 0, leave: 0 } }, 'phases'],
      [{ channels: ['x'], phases: { read: 3, write: 5 } }, 'phases.reply'],
    ];
    for (const [payload, path] of cases) {
      const response = await h.send('POST', '/api/v1/focus/sessions', payload);
      assert.equal(response.statusCode, 400, JSON.stringify(payload));
      assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.ok(response.json().errors.some((e: { path: string }) => e.path === `body.${path}`), `${JSON.stringify(payload)}: ${response.body}`);
    }
    assert.equal((await h.send('GET', '/api/v1/focus/sessions/current')).json().session, null);
    assert.equal((await h.send('GET', '/api/v1/focus/sessions/not-a-uuid')).statusCode, 400);
    assert.equal((await h.send('GET', '/api/v1/focus/sessions/00000000-0000-4000-8000-000000000000')).statusCode, 404);
  });

  test('each member has their own session; another member\'s is not found', async () => {
    const viewer = await h.member('viewer', 'vera@example.com');
    const mine = (await h.send('POST', '/api/v1/focus/sessions', { channels: ['mastodon'] })).json();
    const theirs = await viewer('POST', '/api/v1/focus/sessions', { channels: ['instagram'] });
    assert.equal(theirs.statusCode, 201, 'the owner\'s running session does not block another member');
    assert.equal((await viewer('GET', `/api/v1/focus/sessions/${mine.id}`)).statusCode, 404);
    assert.equal((await viewer('POST', `/api/v1/focus/sessions/${mine.id}/end`)).statusCode, 404);
    assert.equal((await viewer('GET', '/api/v1/focus/sessions/current')).json().session.id, theirs.json().id);
    await h.send('POST', `/api/v1/focus/sessions/${mine.id}/end`);
    await viewer('POST', `/api/v1/focus/sessions/${theirs.json().id}/end`);
  });

  test('the leave phase plans calls with the people chosen, tomorrow at 10:00 in the workspace\'s zone', async () => {
    const sam = (await h.send('POST', '/api/v1/people', { name: 'Sam Caller' })).json().id;
    const session = (await h.send('POST', '/api/v1/focus/sessions', { channels: ['bluesky'] })).json();
    const planned = await h.send('POST', `/api/v1/focus/sessions/${session.id}/calls`, { personIds: [sam] });
    assert.equal(planned.statusCode, 201);
    const [call] = planned.json().items;
    assert.equal(call.personName, 'Sam Caller');
    const tomorrowTen = new Date(h.clock.now().getTime() + 24 * 3600_000);
    const berlin = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    assert.equal(berlin.format(new Date(call.startsAt)), `${berlin.format(tomorrowTen).slice(0, 10)}, 10:00`);
    const plans = (await h.send('GET', `/api/v1/plans?personId=${sam}`)).json().items;
    assert.deepEqual(plans.map((p: { id: string; kind: string; status: string }) => [p.id, p.kind, p.status]), [[call.planId, 'call', 'planned']]);
    assert.deepEqual((await h.send('GET', `/api/v1/focus/sessions/${session.id}`)).json().plannedCalls, [call.planId]);

    const stranger = await h.send('POST', `/api/v1/focus/sessions/${session.id}/calls`, { personIds: [sam, '00000000-0000-4000-8000-000000000000'] });
    assert.equal(stranger.statusCode, 404);
    assert.equal((await h.send('GET', `/api/v1/plans?personId=${sam}`)).json().items.length, 1, 'no second call for Sam when another choice is refused');
    await h.send('POST', `/api/v1/focus/sessions/${session.id}/end`);
  });
});

describe('weekly budget and reflection', () => {
  let h: Awaited<ReturnType<typeof harness>>;
  before(async () => { h = await harness(); });
  after(() => h.t.close());

  test('minutes per channel this week, what is left, and over-commitment', async () => {
    assert.equal((await h.send('GET', '/api/v1/focus/budget')).json().scope, 'none');
    // The posting goals are the planner's: two LinkedIn channels aiming at 2 and 1 posts a week.
    const company = (await h.send('POST', '/api/v1/channels', { platform: 'linkedin', name: 'Company page', mode: 'manual', cadencePerWeek: 2 })).json();
    await h.send('POST', '/api/v1/channels', { platform: 'linkedin', name: 'My profile', mode: 'manual', cadencePerWeek: 1 });
    const set = await h.send('PUT', '/api/v1/focus/budget', { scope: 'workspace', channels: [
      { channel: 'linkedin', minutesPerWeek: 60, minutesPerPost: 30 },
      { channel: 'mastodon', minutesPerWeek: 45 },
    ] });
    assert.equal(set.statusCode, 200);
    assert.equal(set.json().scope, 'workspace');
    assert.deepEqual(set.json().channels.map((c: Record<string, unknown>) => [c.channel, c.postsPerWeek]), [['linkedin', 3], ['mastodon', 0]]);

    // Sunday 23:50: a 15-minute mastodon session, 10 minutes of it last week and 5 in this one.
    await h.send('POST', '/api/v1/focus/sessions', { channels: ['mastodon'] });
    h.clock.advance(20 * minute);
    // Monday 00:10: 6 minutes on linkedin and mastodon together, ended early: 3 each.
    const shared = (await h.send('POST', '/api/v1/focus/sessions', { channels: ['linkedin', 'mastodon'] })).json();
    h.clock.advance(6 * minute);
    await h.send('POST', `/api/v1/focus/sessions/${shared.id}/end`);

    const week = (await h.send('GET', '/api/v1/focus/week')).json();
    assert.equal(week.week, '2026-11-23');
    assert.equal(week.timezone, 'Europe/Berlin');
    assert.deepEqual(week.channels.map((c: Record<string, unknown>) => [c.channel, c.usedMinutes, c.leftMinutes, c.neededMinutes, c.overCommitted]), [
      ['linkedin', 3, 57, 90, true],
      ['mastodon', 8, 37, 0, false],
    ]);
    assert.equal(week.overCommitted, true);
    assert.deepEqual(week.totals, { budgetMinutes: 105, usedMinutes: 11, leftMinutes: 94, neededMinutes: 90 });
    assert.deepEqual([week.sessions, week.sessionsOnTime, week.sessionsEndedEarly], [1, 0, 1], 'the Sunday session belongs to the week it started in');

    // The company page posts less: 1 + 1 posts × 30 minutes fit in 60, and the warning goes.
    await h.send('PATCH', `/api/v1/channels/${company.id}`, { cadencePerWeek: 1 });
    const lighter = (await h.send('GET', '/api/v1/focus/week')).json();
    assert.deepEqual(lighter.channels[0], { channel: 'linkedin', minutesPerWeek: 60, minutesPerPost: 30, postsPerWeek: 2, usedMinutes: 3, leftMinutes: 57, neededMinutes: 60, overCommitted: false });
    assert.equal(lighter.overCommitted, false);
  });

  test('a member\'s own budget wins over the workspace\'s; only an owner sets the workspace\'s', async () => {
    const editor = await h.member('editor', 'ed@example.com');
    assert.equal((await editor('GET', '/api/v1/focus/budget')).json().scope, 'workspace');
    const refused = await editor('PUT', '/api/v1/focus/budget', { scope: 'workspace', channels: [] });
    assert.equal(refused.statusCode, 403);
    await h.send('POST', '/api/v1/channels', { platform: 'x', name: 'X', mode: 'manual', cadencePerWeek: 7 });
    const own = await editor('PUT', '/api/v1/focus/budget', { scope: 'user', channels: [{ channel: 'x', minutesPerWeek: 30, minutesPerPost: 5 }] });
    assert.equal(own.json().scope, 'user');
    const week = (await editor('GET', '/api/v1/focus/week')).json();
    // X: 7 posts × 5 minutes = 35 > 30. LinkedIn's goals show too, with no budget of the editor's own.
    assert.deepEqual(week.channels.map((c: Record<string, unknown>) => [c.channel, c.leftMinutes, c.neededMinutes, c.overCommitted]), [['x', 30, 35, true], ['linkedin', 0, 0, false]]);
    assert.equal((await editor('DELETE', '/api/v1/focus/budget')).json().scope, 'workspace');
    const bad = await editor('PUT', '/api/v1/focus/budget', { scope: 'user', channels: [{ channel: 'x', minutesPerWeek: -1 }] });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().errors[0].path, 'body.channels.0.minutesPerWeek');
  });

  test('the four questions once a week, beside the measured week, as a trend', async () => {
    const refused = await h.send('PUT', '/api/v1/focus/reflections/2026-11-02', { timeSpent: 3, pressure: 3, overCommitment: 3, phoneDown: 3 });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json().errors[0].path, 'params.week');
    const outOfScale = await h.send('PUT', '/api/v1/focus/reflections/2026-11-23', { timeSpent: 6, pressure: 3, overCommitment: 3, phoneDown: 3 });
    assert.equal(outOfScale.json().errors[0].path, 'body.timeSpent');

    const last = await h.send('PUT', '/api/v1/focus/reflections/2026-11-16', { timeSpent: 4, pressure: 5, overCommitment: 4, phoneDown: 2 });
    assert.equal(last.statusCode, 200);
    assert.deepEqual(last.json().measured, { minutesPerChannel: { mastodon: 10 }, minutes: 10, sessions: 1, sessionsOnTime: 1 });
    const first = await h.send('PUT', '/api/v1/focus/reflections/2026-11-23', { timeSpent: 2, pressure: 2, overCommitment: 5, phoneDown: 4 });
    assert.equal(first.statusCode, 200);
    // Answered again the same week: the new answers replace the old ones.
    await h.send('PUT', '/api/v1/focus/reflections/2026-11-23', { timeSpent: 2, pressure: 1, overCommitment: 5, phoneDown: 4 });

    const trend = (await h.send('GET', '/api/v1/focus/reflections?weeks=3')).json();
    assert.equal(trend.thisWeek, '2026-11-23');
    assert.deepEqual(trend.weeks.map((w: { week: string; measured: { minutes: number }; answers: { pressure: number } | null }) => [w.week, w.measured.minutes, w.answers?.pressure ?? null]), [
      ['2026-11-09', 0, null],
      ['2026-11-16', 10, 5],
      ['2026-11-23', 11, 1],
    ]);
  });
});

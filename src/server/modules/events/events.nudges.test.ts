import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fixedClock } from '../../core/clock.ts';
import { bearer, makeTestApp, setupOwner, type TestApp } from '../../../../test/helpers.ts';

type Nudge = { key: string; rule: string; personId: string; reason: string; facts: Record<string, unknown> };

// The meetups as Today sees them: the invite nudge and meeting mode while one you host runs.
describe('Today and the meetups you host', () => {
  let t: TestApp;
  let headers: Record<string, string>;
  const clock = fixedClock(new Date('2026-03-02T09:00:00Z'));
  before(async () => {
    t = await makeTestApp({ clock });
    headers = await bearer(t.app, await setupOwner(t.app));
    await api('PATCH', '/api/v1/workspace', { timezone: 'Europe/Berlin' });
  });
  after(() => t.close());

  const api = (method: string, url: string, payload?: unknown) => t.app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const person = async (name: string, extra: object = {}) => (await api('POST', '/api/v1/people', { name, ...extra })).json().id as string;
  const touch = (id: string, kind: string, direction: string, occurredAt: string, channel = 'email') =>
    api('POST', `/api/v1/people/${id}/interactions`, { channel, kind, direction, occurredAt });
  const invites = async (): Promise<Nudge[]> => (await api('GET', '/api/v1/today')).json().sections.flatMap((s: { nudges: Nudge[] }) => s.nudges).filter((n: Nudge) => n.rule === 'invite');
  const conversing = async (name: string, extra: object = {}) => {
    const id = await person(name, extra);
    await touch(id, 'email', 'in', '2026-02-20T10:00:00Z');
    await touch(id, 'email', 'out', '2026-02-21T10:00:00Z');
    return id;
  };

  test('invite: conversing or talked, not known to live elsewhere, never at a meetup, and the next one has places', async () => {
    const sam = await conversing('Sam Local');
    await conversing('Ana Abroad', { timezone: 'America/New_York' });
    const aware = await person('Otto Onlooker');
    await touch(aware, 'follow', 'in', '2026-02-20T10:00:00Z', 'mastodon');
    assert.deepEqual(await invites(), [], 'no meetup yet: nothing to invite to');

    const event = (await api('POST', '/api/v1/events', {
      title: 'Founders meetup', description: '', rrule: null, timezone: 'Europe/Berlin', localStart: '2026-03-07T19:00',
      durationMinutes: 120, capacity: 3, venue: 'Café', address: null,
    })).json();
    const occurrence = event.occurrences[0];
    const found = await invites();
    assert.deepEqual(found.map((n) => n.personId), [sam], 'not the one in another zone, not the one who only follows');
    assert.equal(found[0]!.reason, 'Sam Local has never been to one of your meetups; Founders meetup is in 5 days with 3 places left: invite them.');
    assert.deepEqual(found[0]!.facts, { days: 5, eventTitle: 'Founders meetup', places: 3 });

    // Once they register, they need no invitation, and the places left go down for the others.
    const lea = await conversing('Lea Local', { emails: ['lea@example.org'] });
    await t.app.inject({ method: 'POST', url: `/e/${occurrence.slug}/register`, payload: 'name=Lea&email=lea%40example.org', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const after = await invites();
    assert.deepEqual(after.map((n) => n.personId), [sam]);
    assert.equal(after[0]!.facts.places, 2);
    // Registering is not meeting: no follow-up nudge says they were met at an event.
    const today = (await api('GET', '/api/v1/today')).json();
    assert.equal(today.sections.flatMap((s: { nudges: Nudge[] }) => s.nudges).filter((n: Nudge) => n.rule === 'follow_up' && n.personId === lea).length, 0);

    // Dismissed for this meetup, it stays away for this meetup.
    assert.equal((await api('POST', '/api/v1/nudges/actions', { key: found[0]!.key, action: 'dismiss' })).statusCode, 204);
    assert.deepEqual(await invites(), []);
  });

  test('meeting mode while a meetup you host runs: no nudges, and the meetup named', async () => {
    await conversing('Kim Caller');
    const created = await api('POST', '/api/v1/events', {
      title: 'Breakfast club', description: '', rrule: null, timezone: 'Europe/Berlin', localStart: '2026-03-03T08:00',
      durationMinutes: 90, capacity: 10, venue: 'Bakery', address: null,
    });
    assert.equal(created.statusCode, 201, created.body);
    clock.advance(Date.parse('2026-03-03T07:30:00Z') - clock.now().getTime()); // 8:30 in Berlin, during breakfast
    const during = (await api('GET', '/api/v1/today')).json();
    assert.equal(during.meetingMode.eventTitle, 'Breakfast club');
    assert.equal(during.meetingMode.until, '2026-03-03T08:30:00.000Z');
    assert.equal(during.meetingMode.planId, null);
    assert.equal(during.sections.flatMap((s: { nudges: Nudge[] }) => s.nudges).length, 0);
    clock.advance(90 * 60_000);
    const afterwards = (await api('GET', '/api/v1/today')).json();
    assert.equal(afterwards.meetingMode, null);
    assert.ok(afterwards.sections.flatMap((s: { nudges: Nudge[] }) => s.nudges).length > 0, 'the nudges are back after the meetup');
  });
});

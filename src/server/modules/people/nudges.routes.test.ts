import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { fixedClock } from '../../core/clock.ts';
import { makeTestApp, setupOwner } from '../../../../test/helpers.ts';

const day = 24 * 3600 * 1000;
const now = new Date('2026-11-20T12:00:00Z');
const ago = (days: number, hours = 0) => new Date(now.getTime() - days * day - hours * 3600_000).toISOString();

type Nudge = { key: string; rule: string; personId: string; personName: string; reason: string };

async function harness() {
  const clock = fixedClock(now);
  const t = await makeTestApp({ clock });
  const browser = await setupOwner(t.app);
  const send = (method: 'POST' | 'PATCH' | 'GET', url: string, payload?: object) => t.app.inject({ method, url, headers: browser.headers, payload });
  const person = async (name: string, extra: object = {}) => (await send('POST', '/api/v1/people', { name, ...extra })).json().id as string;
  const touch = (id: string, kind: string, direction: string, occurredAt: string, channel = 'mastodon') =>
    send('POST', `/api/v1/people/${id}/interactions`, { channel, kind, direction, occurredAt });
  const nudges = async (rule?: string): Promise<Nudge[]> => {
    const today = (await send('GET', '/api/v1/today')).json();
    const all = today.sections.flatMap((s: { nudges: Nudge[] }) => s.nudges);
    return rule ? all.filter((n: Nudge) => n.rule === rule) : all;
  };
  const forPerson = async (id: string, rule?: string) => (await nudges(rule)).filter((n) => n.personId === id);
  return { t, clock, browser, send, person, touch, nudges, forPerson };
}

describe('nudge rules on Today', () => {
  let h: Awaited<ReturnType<typeof harness>>;
  before(async () => { h = await harness(); });
  after(() => h.t.close());

  test('call: five exchanges over two weeks and never talked', async () => {
    const sam = await h.person('Sam Caller');
    for (const days of [20, 15, 12, 9, 6]) await h.touch(sam, days % 2 ? 'reply' : 'dm', days % 2 ? 'in' : 'out', ago(days));
    const [nudge] = await h.forPerson(sam, 'call') as (Nudge & { facts: object })[];
    assert.equal(nudge?.reason, 'You have exchanged 5 messages with Sam Caller over 2 weeks: call them.');
    assert.deepEqual(nudge?.facts, { messages: 5, weeks: 2, days: 20 });

    const few = await h.person('Few Exchanges');
    for (const days of [20, 15, 12, 9]) await h.touch(few, 'reply', 'in', ago(days));
    assert.equal((await h.forPerson(few, 'call')).length, 0);

    const quick = await h.person('Quick Burst');
    for (const days of [5, 4, 3, 2, 1]) await h.touch(quick, 'dm', 'in', ago(days));
    assert.equal((await h.forPerson(quick, 'call')).length, 0, 'five messages in four days are not yet worth a call nudge');

    await h.touch(sam, 'call', 'out', ago(0, 1), 'phone');
    assert.equal((await h.forPerson(sam, 'call')).length, 0);
  });

  test('reply: they wrote more than 48 hours ago and got no answer', async () => {
    const ana = await h.person('Ana Writer');
    await h.touch(ana, 'dm', 'in', ago(3));
    const [nudge] = await h.forPerson(ana, 'reply');
    assert.equal(nudge?.reason, 'Ana Writer wrote to you 3 days ago and has no answer yet: reply.');

    const recent = await h.person('Recent Writer');
    await h.touch(recent, 'email', 'in', ago(1), 'email');
    assert.equal((await h.forPerson(recent, 'reply')).length, 0);

    const liker = await h.person('Just Liked');
    await h.touch(liker, 'like', 'in', ago(5));
    assert.equal((await h.forPerson(liker, 'reply')).length, 0, 'a like is not a message that needs an answer');

    await h.touch(ana, 'dm', 'out', ago(0, 2));
    assert.equal((await h.forPerson(ana, 'reply')).length, 0);

    const archive = await h.person('Archive Arno');
    await h.touch(archive, 'dm', 'in', ago(400));
    assert.equal((await h.forPerson(archive, 'reply')).length, 0, 'a year-old message from an imported archive is history');
  });

  test('follow up: met at an event within three days, nothing since', async () => {
    const ev = await h.person('Event Eva');
    await h.touch(ev, 'event_attended', 'in', ago(2), 'event');
    assert.equal((await h.forPerson(ev, 'follow_up'))[0]?.reason, 'You met Event Eva at an event 2 days ago and nothing since: follow up.');
    const old = await h.person('Old Event Otto');
    await h.touch(old, 'event_attended', 'in', ago(5), 'event');
    assert.equal((await h.forPerson(old, 'follow_up')).length, 0);
    await h.touch(ev, 'email', 'out', ago(1), 'email');
    assert.equal((await h.forPerson(ev, 'follow_up')).length, 0);
  });

  test('reconnect: due from the interaction\'s own date, per person or per tag; the person\'s cadence wins', async () => {
    await h.send('PATCH', '/api/v1/settings/relationships', { tagCadences: { family: 14, client: 30 } });
    // Logged just now, but it happened 20 days ago: the cadence counts from then.
    const mum = await h.person('Mum', { tags: ['family'] });
    await h.touch(mum, 'call', 'out', ago(20), 'phone');
    assert.equal((await h.forPerson(mum, 'reconnect'))[0]?.reason, 'You last were in touch with Mum 20 days ago; you wanted every 14 days: reconnect.');

    const client = await h.person('Client Carla', { tags: ['client'] });
    await h.touch(client, 'email', 'out', ago(20), 'email');
    assert.equal((await h.forPerson(client, 'reconnect')).length, 0, 'clients every 30 days: not due yet');

    const custom = await h.person('Custom Cadence', { tags: ['client'], cadenceDays: 7 });
    await h.touch(custom, 'email', 'out', ago(10), 'email');
    assert.equal((await h.forPerson(custom, 'reconnect')).length, 1, 'their own 7 days beat the tag\'s 30');

    const losing = (await h.send('GET', '/api/v1/losing-touch')).json().items.map((n: Nudge) => n.personName);
    assert.deepEqual(losing.filter((n: string) => ['Mum', 'Custom Cadence', 'Client Carla'].includes(n)), ['Mum', 'Custom Cadence']);
  });

  test('thank: they introduced someone and nothing went back to them since', async () => {
    const iris = await h.person('Iris Introducer');
    await h.touch(iris, 'dm', 'out', ago(10));
    await h.person('Ian Introduced', { introducedById: iris });
    const [nudge] = await h.forPerson(iris, 'thank');
    assert.equal(nudge?.reason, 'Iris Introducer introduced you to Ian Introduced 0 days ago: thank them.');
    await h.touch(iris, 'email', 'out', new Date(now.getTime() + 60_000).toISOString(), 'email');
    assert.equal((await h.forPerson(iris, 'thank')).length, 0);
  });

  test('Today lists who to call first, then what is owed, then keeping in touch', async () => {
    const today = (await h.send('GET', '/api/v1/today')).json();
    assert.deepEqual(today.sections.map((s: { key: string }) => s.key), ['call_or_meet', 'owed', 'keep_in_touch']);
    assert.ok(today.sections[0].nudges.every((n: Nudge) => n.rule === 'call'));
  });

  test('thresholds are settings: the owner lowers the call threshold and the nudge appears', async () => {
    const tom = await h.person('Tom Threshold');
    for (const days of [30, 20, 10]) await h.touch(tom, 'reply', 'in', ago(days));
    assert.equal((await h.forPerson(tom, 'call')).length, 0);
    const changed = await h.send('PATCH', '/api/v1/settings/relationships', { callMinExchanges: 3 });
    assert.equal(changed.json().callMinExchanges, 3);
    assert.equal((await h.forPerson(tom, 'call')).length, 1);
    await h.send('PATCH', '/api/v1/settings/relationships', { callMinExchanges: 5 });
  });

  test('a nudge key of another workspace\'s person, or a malformed key, is refused', async () => {
    const unknown = await h.send('POST', '/api/v1/nudges/actions', { key: 'call:00000000-0000-4000-8000-000000000000', action: 'dismiss' });
    assert.equal(unknown.statusCode, 404);
    const malformed = await h.send('POST', '/api/v1/nudges/actions', { key: 'drop table', action: 'dismiss' });
    assert.equal(malformed.statusCode, 400);
    // Found by the fuzzer: 36 hex digits and dashes that are not a UUID were a 500.
    const notUuid = await h.send('POST', '/api/v1/nudges/actions', { key: 'thank:de1-----1d-fdefca-dc1-b--0-a-c-e5d--', action: 'dismiss' });
    assert.equal(notUuid.statusCode, 400);
  });
});

describe('snooze, dismiss, done, plans and meeting mode', () => {
  let h: Awaited<ReturnType<typeof harness>>;
  before(async () => { h = await harness(); });
  after(() => h.t.close());

  test('snooze hides a nudge until the snooze ends; dismiss hides it for good', async () => {
    const snoozed = await h.person('Snoozed Sue');
    const dismissed = await h.person('Dismissed Dan');
    for (const id of [snoozed, dismissed]) await h.touch(id, 'dm', 'in', ago(4));
    const [a] = await h.forPerson(snoozed, 'reply');
    const [b] = await h.forPerson(dismissed, 'reply');
    assert.equal((await h.send('POST', '/api/v1/nudges/actions', { key: a!.key, action: 'snooze', snoozeDays: 2 })).statusCode, 204);
    assert.equal((await h.send('POST', '/api/v1/nudges/actions', { key: b!.key, action: 'dismiss' })).statusCode, 204);
    assert.equal((await h.forPerson(snoozed)).length, 0);
    assert.equal((await h.forPerson(dismissed)).length, 0);
    h.clock.advance(3 * day);
    assert.equal((await h.forPerson(snoozed, 'reply')).length, 1);
    assert.equal((await h.forPerson(dismissed, 'reply')).length, 0);
    // A new message is a new occasion: the reply nudge comes back.
    await h.touch(dismissed, 'dm', 'in', new Date(h.clock.now().getTime() - 3 * day).toISOString());
    await h.touch(dismissed, 'dm', 'in', new Date(h.clock.now().getTime() - 2.5 * day).toISOString());
    assert.equal((await h.forPerson(dismissed, 'reply')).length, 1);
  });

  test('done on a call nudge logs the call, and the ladder reaches Talked', async () => {
    const cal = await h.person('Cal Done');
    for (const days of [30, 25, 20, 15, 10]) await h.touch(cal, 'dm', days % 10 ? 'in' : 'out', ago(days));
    const [nudge] = await h.forPerson(cal, 'call');
    assert.equal((await h.send('POST', '/api/v1/nudges/actions', { key: nudge!.key, action: 'done' })).statusCode, 204);
    const person = (await h.send('GET', `/api/v1/people/${cal}`)).json();
    assert.equal(person.ladder, 'talked');
    const timeline = (await h.send('GET', `/api/v1/people/${cal}/interactions`)).json().items;
    assert.equal(timeline[0].kind, 'call');
  });

  test('a plan made from a nudge puts it away, shows on Today and in the calendar feed, and becomes an interaction when done', async () => {
    const pia = await h.person('Pia Planner');
    for (const days of [40, 35, 30, 25, 20]) await h.touch(pia, 'reply', days % 10 ? 'in' : 'out', ago(days));
    const [nudge] = await h.forPerson(pia, 'call');
    const startsAt = new Date(h.clock.now().getTime() + day).toISOString();
    const plan = await h.send('POST', '/api/v1/plans', { personId: pia, kind: 'coffee', startsAt, durationMinutes: 45, place: 'Café Lindenhof', nudgeKey: nudge!.key });
    assert.equal(plan.statusCode, 201);
    assert.equal((await h.forPerson(pia, 'call')).length, 0);
    const today = (await h.send('GET', '/api/v1/today')).json();
    assert.deepEqual(today.plans.map((p: { personName: string }) => p.personName), ['Pia Planner']);

    const feedUrl = new URL((await h.send('GET', '/api/v1/plans/feed')).json().url);
    const feed = await h.t.app.inject({ url: feedUrl.pathname });
    assert.equal(feed.statusCode, 200);
    const calendar = new ICAL.Component(ICAL.parse(feed.body));
    const [event] = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    assert.equal(event!.summary, 'Coffee with Pia Planner');
    assert.equal(event!.location, 'Café Lindenhof');
    assert.equal(event!.uid, `plan-${plan.json().id}@onland`);
    assert.equal(event!.startDate.toJSDate().toISOString(), startsAt);
    assert.equal((await h.t.app.inject({ url: feedUrl.pathname.replace(/.{6}\.ics$/, 'xxxxxx.ics') })).statusCode, 404);

    assert.equal((await h.send('GET', `/api/v1/plans?personId=${pia}`)).json().items.length, 1);
    assert.equal((await h.send('GET', `/api/v1/plans?personId=${await h.person('No Plans Nina')}`)).json().items.length, 0);
    const done = await h.send('POST', `/api/v1/plans/${plan.json().id}/done`, { note: 'Talked about the spring workshop' });
    assert.equal(done.json().status, 'done');
    // Marked done a day early: it happened now, not tomorrow.
    const logged = (await h.send('GET', `/api/v1/people/${pia}/interactions`)).json().items[0];
    assert.equal(logged.occurredAt, h.clock.now().toISOString());
    const person = (await h.send('GET', `/api/v1/people/${pia}`)).json();
    assert.equal(person.ladder, 'met');
    assert.equal((await h.send('POST', `/api/v1/plans/${plan.json().id}/done`, {})).json().code, 'PLAN_CLOSED');
  });

  test('meeting mode: while an in-person meeting runs, Today shows no nudges', async () => {
    const ray = await h.person('Ray Waiting');
    await h.touch(ray, 'dm', 'in', new Date(h.clock.now().getTime() - 5 * day).toISOString());
    assert.ok((await h.nudges()).length > 0);
    const meet = await h.person('Meeting Mia');
    await h.send('POST', '/api/v1/plans', { personId: meet, kind: 'meeting', startsAt: new Date(h.clock.now().getTime() - 10 * 60_000).toISOString(), durationMinutes: 60 });
    const during = (await h.send('GET', '/api/v1/today')).json();
    assert.ok(during.meetingMode);
    assert.equal(during.sections.flatMap((s: { nudges: Nudge[] }) => s.nudges).length, 0);
    h.clock.advance(2 * 3600_000);
    const afterwards = (await h.send('GET', '/api/v1/today')).json();
    assert.equal(afterwards.meetingMode, null);
    assert.ok(afterwards.sections.flatMap((s: { nudges: Nudge[] }) => s.nudges).length > 0);
  });

  test('reasons speak the workspace language', async () => {
    await h.send('PATCH', '/api/v1/workspace', { locale: 'de' });
    const ute = await h.person('Ute Deutsch');
    await h.touch(ute, 'dm', 'in', new Date(h.clock.now().getTime() - 4 * day).toISOString());
    assert.equal((await h.forPerson(ute, 'reply'))[0]?.reason, 'Ute Deutsch hat dir vor 4 Tagen geschrieben und wartet auf Antwort: antworte.');
    await h.send('PATCH', '/api/v1/workspace', { locale: 'en' });
  });
});

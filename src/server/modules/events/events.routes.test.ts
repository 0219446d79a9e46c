import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { fixedClock } from '../../core/clock.ts';
import { bearer, makeTestApp, setupOwner, type TestApp } from '../../../../test/helpers.ts';

describe('organiser API /api/v1/events', () => {
  let t: TestApp;
  let headers: Record<string, string>;
  let viewer: Record<string, string>;
  const clock = fixedClock(new Date('2026-03-01T09:00:00Z'));
  before(async () => {
    t = await makeTestApp({ clock });
    const browser = await setupOwner(t.app);
    headers = await bearer(t.app, browser);
    const invitation = await t.app.inject({ method: 'POST', url: '/api/v1/invitations', headers: browser.headers, payload: { role: 'viewer' } });
    const token = invitation.json().url.split('/invite/')[1];
    const accepted = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { name: 'V', email: 'v@example.com', password: 'long enough password' } });
    viewer = { cookie: `onland_session=${accepted.cookies.find((c) => c.name === 'onland_session')!.value}`, 'x-csrf-token': accepted.json().csrfToken };
  });
  after(() => t.close());

  const api = (method: string, url: string, payload?: unknown, h = headers) => t.app.inject({ method: method as 'GET', url, headers: h, ...(payload === undefined ? {} : { payload: payload as object }) });
  const series = {
    title: 'Founders meetup', description: 'Talk shop.', rrule: 'FREQ=MONTHLY;BYDAY=2TH,4TH', timezone: 'Europe/Berlin', localStart: '2026-03-12T19:00',
    durationMinutes: 120, capacity: 2, venue: 'Café', address: 'Oranienstraße 1, Berlin',
  };

  test('create, list and edit a series; bad input is a problem+json naming the field', async () => {
    const created = await api('POST', '/api/v1/events', series);
    assert.equal(created.statusCode, 201);
    const body = created.json();
    assert.equal(body.occurrences[0].startsAt, '2026-03-12T18:00:00.000Z');
    assert.equal(body.occurrences[2].startsAt, '2026-04-09T17:00:00.000Z');
    assert.equal(body.occurrences[0].placesLeft, 2);
    assert.deepEqual((await api('GET', '/api/v1/events')).json().items.map((s: { title: string }) => s.title), ['Founders meetup']);
    const edited = await api('PATCH', `/api/v1/events/${body.id}`, { capacity: 3 });
    assert.equal(edited.json().occurrences[0].capacity, 3);
    const bad = await api('POST', '/api/v1/events', { ...series, timezone: 'Mars/Olympus' });
    assert.equal(bad.statusCode, 400);
    assert.match(String(bad.headers['content-type']), /application\/problem\+json/);
    assert.equal(bad.json().code, 'VALIDATION_FAILED');
    assert.equal(bad.json().errors[0].path, 'body.timezone');
    // Found by the fuzzer: a month 98 matched the pattern and was a 500.
    const noSuchDay = await api('POST', '/api/v1/events', { ...series, localStart: '4974-98-40T04:64' });
    assert.equal(noSuchDay.statusCode, 400);
    assert.equal(noSuchDay.json().errors[0].path, 'body.localStart');
    const missing = await api('POST', '/api/v1/events', { ...series, capacity: 0 });
    assert.equal(missing.statusCode, 400);
    assert.ok(missing.json().errors.some((e: { path: string }) => e.path.includes('capacity')));
    assert.equal((await api('GET', '/api/v1/events/occurrences/00000000-0000-0000-0000-000000000000')).json().code, 'NOT_FOUND');
  });

  test('door: groups, search, check-in by code, CSV, a message to one group, organiser cancel promotes; viewers only read', async () => {
    const body = (await api('POST', '/api/v1/events', { ...series, rrule: null, title: 'Door night', localStart: '2026-03-19T19:00' })).json();
    const occurrence = body.occurrences[0];
    for (const [name, email] of [['Ann', 'ann@example.org'], ['Bob', 'bob@example.org'], ['Cat', 'cat@example.org']]) {
      await t.app.inject({ method: 'POST', url: `/e/${occurrence.slug}/register`, payload: `name=${name}&email=${encodeURIComponent(email!)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    }
    const groups = (await api('GET', `/api/v1/events/occurrences/${occurrence.id}/registrations`)).json();
    assert.deepEqual(groups.confirmed.map((r: { name: string }) => r.name), ['Ann', 'Bob']);
    assert.deepEqual(groups.waitlist.map((r: { name: string; position: number }) => [r.name, r.position]), [['Cat', 1]]);
    const search = (await api('GET', `/api/v1/events/occurrences/${occurrence.id}/registrations?q=bo`)).json();
    assert.deepEqual(search.confirmed.map((r: { name: string }) => r.name), ['Bob']);

    const ann = groups.confirmed[0];
    assert.equal((await api('POST', `/api/v1/events/occurrences/${occurrence.id}/check-in`, { code: ann.checkInCode.toLowerCase() }, viewer)).statusCode, 403);
    const checked = await api('POST', `/api/v1/events/occurrences/${occurrence.id}/check-in`, { code: ann.checkInCode.toLowerCase() });
    assert.equal(checked.statusCode, 200);
    assert.equal(checked.json().status, 'attended');
    assert.equal((await api('GET', `/api/v1/people/${ann.personId}`)).json().ladder, 'met');
    const neither = await api('POST', `/api/v1/events/occurrences/${occurrence.id}/check-in`, {});
    assert.equal(neither.statusCode, 400);
    const waitlisted = await api('POST', `/api/v1/events/occurrences/${occurrence.id}/check-in`, { registrationId: groups.waitlist[0].id });
    assert.equal(waitlisted.json().code, 'NOT_CONFIRMED');

    const csv = await api('GET', `/api/v1/events/occurrences/${occurrence.id}/registrations.csv`, undefined, viewer);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    const rows = parse(csv.body, { columns: true }) as Record<string, string>[];
    assert.deepEqual(rows.map((r) => [r.name, r.status]), [['Ann', 'attended'], ['Bob', 'confirmed'], ['Cat', 'waitlisted']]);

    const sent = await api('POST', `/api/v1/events/occurrences/${occurrence.id}/messages`, { group: 'confirmed', subject: 'Door code', body: 'Ring twice.' });
    assert.deepEqual(sent.json(), { queued: 2 });
    const queue = (await t.database.query(`select message->>'to' as "to" from mail_queue where message->>'subject' = 'Door code' order by 1`)).rows.map((r) => r.to);
    assert.deepEqual(queue, ['ann@example.org', 'bob@example.org']);

    const cancelled = await api('POST', `/api/v1/events/occurrences/${occurrence.id}/registrations/${groups.confirmed[1].id}/cancel`);
    assert.equal(cancelled.json().status, 'cancelled');
    const afterCancel = (await api('GET', `/api/v1/events/occurrences/${occurrence.id}/registrations`)).json();
    assert.deepEqual(afterCancel.confirmed.map((r: { name: string }) => r.name), ['Ann', 'Cat']);

    const moved = await api('PATCH', `/api/v1/events/occurrences/${occurrence.id}`, { startsAt: '2026-03-19T19:00:00+01:00', venue: 'Town hall' });
    assert.equal(moved.statusCode, 200);
    assert.deepEqual([moved.json().startsAt, moved.json().venue, moved.json().sequence], ['2026-03-19T18:00:00.000Z', 'Town hall', 1]);
    assert.equal((await api('PATCH', `/api/v1/events/occurrences/${occurrence.id}`, { capacity: 5 }, viewer)).statusCode, 403);
    const backwards = await api('PATCH', `/api/v1/events/occurrences/${occurrence.id}`, { endsAt: '2026-03-19T10:00:00Z' });
    assert.equal(backwards.json().errors[0].path, 'body.endsAt');
    const listed = (await api('GET', '/api/v1/events/occurrences?from=2026-03-19T00:00:00Z&to=2026-03-20T00:00:00Z', undefined, viewer)).json();
    assert.equal(listed.items.find((o: { id: string }) => o.id === occurrence.id).confirmed, 2);
    const gone = await api('POST', `/api/v1/events/occurrences/${occurrence.id}/cancel`);
    assert.equal(gone.json().status, 'cancelled');
  });

  test('after the event the rest become no-shows (the job), and the follow-up goes to those who came', async () => {
    const body = (await api('POST', '/api/v1/events', { ...series, rrule: null, title: 'Late night', localStart: '2026-03-05T19:00' })).json();
    const occurrence = body.occurrences[0];
    for (const email of ['x@example.org', 'y@example.org']) {
      await t.app.inject({ method: 'POST', url: `/e/${occurrence.slug}/register`, payload: `name=X&email=${encodeURIComponent(email)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    }
    const [x] = (await api('GET', `/api/v1/events/occurrences/${occurrence.id}/registrations?q=x@`)).json().confirmed;
    clock.advance(4 * 24 * 3600 * 1000 + 10 * 3600 * 1000); // 5 March, 19:00 UTC: during the event
    await api('POST', `/api/v1/events/occurrences/${occurrence.id}/check-in`, { registrationId: x.id });
    clock.advance(6 * 3600 * 1000);
    const jobs = Object.fromEntries((await import('../../app.ts')).allJobs(t.services, t.database).map((j) => [j.name, j]));
    await jobs['events-no-shows']!.handler({});
    await jobs['events-follow-ups']!.handler({});
    const groups = (await api('GET', `/api/v1/events/occurrences/${occurrence.id}/registrations`)).json();
    assert.deepEqual(groups.noShow.map((r: { email: string }) => r.email), ['y@example.org']);
    const followUps = (await t.database.query(`select message->>'to' as "to" from mail_queue where message->>'subject' = 'Thank you for coming: Late night'`)).rows.map((r) => r.to);
    assert.deepEqual(followUps, ['x@example.org']);
  });
});

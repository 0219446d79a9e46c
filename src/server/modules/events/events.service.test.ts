import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eventsTestApp } from './events.test-support.ts';

describe('series and occurrences', () => {
  let s: Awaited<ReturnType<typeof eventsTestApp>>;
  before(async () => { s = await eventsTestApp(new Date('2026-02-01T09:00:00Z')); });
  after(() => s.t.close());

  test('"2nd and 4th Thursday 19:00 Europe/Berlin" stays 19:00 in Berlin across the March and October changes', async () => {
    const series = await s.t.services.events.createSeries(s.auth, {
      title: 'Meetup', description: '', rrule: 'FREQ=MONTHLY;BYDAY=2TH,4TH', timezone: 'Europe/Berlin', localStart: '2026-02-12T19:00',
      durationMinutes: 120, capacity: 60, venue: 'Café', address: null, onlineUrl: null, isPublic: true,
    });
    // Materialised ahead: 120 days from 1 February reach May.
    const starts = series.occurrences.map((o) => o.startsAt.toISOString());
    assert.deepEqual(starts.slice(0, 6), [
      '2026-02-12T18:00:00.000Z', '2026-02-26T18:00:00.000Z',
      '2026-03-12T18:00:00.000Z', '2026-03-26T18:00:00.000Z', // CET, before 29 March
      '2026-04-09T17:00:00.000Z', '2026-04-23T17:00:00.000Z', // CEST
    ]);
    assert.equal(series.occurrences.at(-1)!.startsAt.toISOString() < '2026-06-01', true);
    // The job moves the horizon along as time passes; October's change is crossed too.
    s.clock.advance(200 * 24 * 3600 * 1000);
    assert.ok(await s.t.services.events.materialiseAll() > 0);
    assert.equal(await s.t.services.events.materialiseAll(), 0, 'running it again makes nothing twice');
    const autumn = await s.t.services.events.listOccurrences(s.auth, { from: new Date('2026-10-01T00:00Z'), to: new Date('2026-11-30T00:00Z') });
    assert.deepEqual(autumn.items.map((o) => o.startsAt.toISOString()), [
      '2026-10-08T17:00:00.000Z', '2026-10-22T17:00:00.000Z', // CEST, before 25 October
      '2026-11-12T18:00:00.000Z', '2026-11-26T18:00:00.000Z', // CET
    ]);
    const berlin = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', weekday: 'short' });
    assert.deepEqual([...new Set(autumn.items.map((o) => berlin.format(o.startsAt)))], ['Thu 19:00']);
    assert.ok(autumn.items.every((o) => o.endsAt.getTime() - o.startsAt.getTime() === 120 * 60_000));
  });

  test('a bad rule or zone is a 400 naming the field, and nothing is written', async () => {
    const base = { title: 'X', description: '', timezone: 'Europe/Berlin', localStart: '2026-03-01T10:00', durationMinutes: 60, capacity: 5, venue: null, address: null, onlineUrl: null, isPublic: true };
    await assert.rejects(s.t.services.events.createSeries(s.auth, { ...base, rrule: 'FREQ=SOMETIMES' }), (e: { code: string; issues: { path: string }[] }) => e.code === 'VALIDATION_FAILED' && e.issues[0]!.path === 'body.rrule');
    await assert.rejects(s.t.services.events.createSeries(s.auth, { ...base, rrule: null, timezone: 'Europe/Atlantis' }), (e: { issues: { path: string }[] }) => e.issues[0]!.path === 'body.timezone');
    assert.equal((await s.t.services.events.listSeries(s.auth)).items.filter((x) => x.title === 'X').length, 0);
  });

  test('an occurrence is edited alone: series edits no longer touch it', async () => {
    const series = await s.t.services.events.createSeries(s.auth, {
      title: 'Weekly', description: '', rrule: 'FREQ=WEEKLY;BYDAY=MO', timezone: 'America/New_York', localStart: '2026-08-24T18:30',
      durationMinutes: 90, capacity: 20, venue: 'Library', address: null, onlineUrl: null, isPublic: true,
    });
    const [first, second] = series.occurrences;
    await s.t.services.events.updateOccurrence(s.auth, first!.id, { capacity: 35, venue: 'Town hall' });
    const updated = await s.t.services.events.updateSeries(s.auth, series.id, { capacity: 25, title: 'Weekly meetup' });
    const one = updated.occurrences.find((o) => o.id === first!.id)!;
    const two = updated.occurrences.find((o) => o.id === second!.id)!;
    assert.deepEqual([one.capacity, one.venue, one.detached, one.sequence], [35, 'Town hall', true, 1]);
    assert.deepEqual([two.capacity, two.title, two.detached], [25, 'Weekly meetup', false]);
  });

  test('a single event moved to another zone moves its one occurrence (found by the fuzzer: the search for it ran past the dates PostgreSQL reads)', async () => {
    const single = await s.t.services.events.createSeries(s.auth, {
      title: 'One evening', description: '', rrule: null, timezone: 'Europe/Berlin', localStart: '2026-09-10T19:00',
      durationMinutes: 60, capacity: 10, venue: null, address: null, onlineUrl: null, isPublic: true,
    });
    const moved = await s.t.services.events.updateSeries(s.auth, single.id, { timezone: 'UTC' });
    assert.equal(moved.occurrences.length, 1);
    assert.equal(moved.occurrences[0]!.id, single.occurrences[0]!.id);
    assert.equal(moved.occurrences[0]!.startsAt.toISOString(), '2026-09-10T19:00:00.000Z');
  });

  test('the read functions for nudges: next occurrence with places, and what is running now', async () => {
    const { events } = s.t.services;
    const event = await s.single({ localStart: '2026-12-03T19:00', capacity: 1, title: 'Tiny' });
    const occurrence = event.occurrences[0]!;
    assert.equal((await events.occurrenceRunningAt(s.auth.workspaceId, new Date('2026-12-03T18:30:00Z')))?.id, occurrence.id);
    assert.equal(await events.occurrenceRunningAt(s.auth.workspaceId, new Date('2026-12-03T20:00:00Z')), null);
    const before = await events.nextOpenOccurrence(s.auth.workspaceId, new Date('2026-12-03T00:00:00Z'));
    assert.equal(before?.id, occurrence.id);
    await s.t.services.registrations.register(occurrence.slug, s.person(1));
    const full = await events.nextOpenOccurrence(s.auth.workspaceId, new Date('2026-12-03T00:00:00Z'));
    assert.notEqual(full?.id, occurrence.id, 'a full occurrence is not offered');
  });
});

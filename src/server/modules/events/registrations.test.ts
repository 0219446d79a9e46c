import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eventsTestApp, readCalendar } from './events.test-support.ts';

const ics = (mail: { attachments?: { filename: string; content: unknown }[] }) => {
  const file = mail.attachments?.find((a) => a.filename === 'invite.ics');
  return file ? readCalendar(String(file.content)) : null;
};

describe('registrations: capacity, waitlist, promotion, check-in', () => {
  let s: Awaited<ReturnType<typeof eventsTestApp>>;
  before(async () => { s = await eventsTestApp(); });
  after(() => s.t.close());

  test('2,000 simultaneous registrations for 60 places give exactly 60 confirmed and a waitlist in arrival order', async () => {
    const occurrence = (await s.single({ localStart: '2026-03-12T19:00', capacity: 60 })).occurrences[0]!;
    const results = await Promise.all(Array.from({ length: 2000 }, (_, i) => s.t.services.registrations.register(occurrence.slug, s.person(i))));
    assert.equal(results.filter((r) => r.status === 'confirmed').length, 60);
    assert.equal(results.filter((r) => r.status === 'waitlisted').length, 1940);
    assert.deepEqual(results.filter((r) => r.position !== null).map((r) => r.position).sort((a, b) => a! - b!), Array.from({ length: 1940 }, (_, i) => i + 1));
    const groups = await s.t.services.registrations.list(s.auth, occurrence.id);
    assert.equal(groups.confirmed.length, 60);
    assert.equal(groups.waitlist.length, 1940);
    const view = await s.t.services.events.getOccurrence(s.auth, occurrence.id);
    assert.deepEqual([view.confirmed, view.waitlisted, view.placesLeft], [60, 1940, 0]);
    const mails = (await s.mails()).filter((m) => m.text.includes(occurrence.slug));
    assert.equal(mails.filter((m) => m.subject.startsWith("You're in")).length, 60);
    assert.equal(mails.filter((m) => m.subject.startsWith('On the waitlist')).length, 1940);
  });

  test('registered together, each is one person with the registration on their timeline; a known address finds its person; ticked boxes become consents', async () => {
    const occurrence = (await s.single({ localStart: '2026-03-12T20:00', capacity: 10, title: 'Batch night' })).occurrences[0]!;
    const { registrations, people, consent } = s.t.services;
    const { person: known } = await people.create(s.auth, {
      name: 'Kim Known', emails: ['kim@example.org'], phones: [], handles: [], tags: ['client'], isClient: true, isFriend: false, source: null, notes: null,
      givenName: null, familyName: null, organisation: null, introducedById: null, timezone: null, locale: null, cadenceDays: null,
    });
    const forms = [
      ...Array.from({ length: 30 }, (_, i) => ({ ...s.person(5000 + i), consent: i % 3 === 0 })),
      { ...s.person(0), name: 'Kimberly', email: 'KIM@example.org', source: 'a friend' },
    ];
    const results = await Promise.all(forms.map((form) => registrations.register(occurrence.slug, form)));
    assert.equal(results.filter((r) => r.status === 'confirmed').length, 10);
    assert.equal(results.filter((r) => r.status === 'waitlisted').length, 21);

    const kim = await people.get(s.auth, known.id);
    assert.deepEqual([kim.name, kim.source, kim.tags], ['Kim Known', 'a friend', ['client']], 'the known person keeps their name and gains the source');
    assert.equal((await people.list(s.auth, { q: 'kim@example.org', limit: 10 })).items.length, 1, 'no second Kim');
    const groups = await registrations.list(s.auth, occurrence.id);
    const everyone = [...groups.confirmed, ...groups.waitlist];
    assert.equal(everyone.find((r) => r.email === 'kim@example.org')!.personId, known.id);
    assert.equal(new Set(everyone.map((r) => r.personId)).size, 31);
    for (const registration of everyone) {
      const timeline = await people.listInteractions(s.auth, registration.personId!, { limit: 10 });
      const status = groups.confirmed.includes(registration) ? 'confirmed' : 'waitlisted';
      assert.deepEqual(timeline.items.map((i) => i.kind), ['event_registered']);
      assert.ok(timeline.items[0]!.note!.startsWith('Batch night, ') && timeline.items[0]!.note!.endsWith(`: ${status}`), timeline.items[0]!.note!);
    }
    for (const [i, form] of forms.entries()) {
      const state = (await consent.lookup(s.auth, form.email)).states.event_updates;
      assert.equal(state, form.consent ? 'subscribed' : 'none', `${form.email} (${i})`);
    }
  });

  test('the same email twice, even at once, is one registration', async () => {
    const occurrence = (await s.single({ localStart: '2026-03-13T19:00', capacity: 5 })).occurrences[0]!;
    const results = await Promise.all(Array.from({ length: 10 }, () => s.t.services.registrations.register(occurrence.slug, { ...s.person(7), email: ' Guest7@Example.org ' })));
    assert.equal(results.filter((r) => r.status === 'confirmed').length, 1);
    assert.equal(results.filter((r) => r.status === 'already').length, 9);
    assert.equal((await s.t.services.registrations.list(s.auth, occurrence.id)).confirmed.length, 1);
  });

  test('a cancellation promotes the first waitlisted person and emails both, with calendar files that update in place', async () => {
    const occurrence = (await s.single({ localStart: '2026-03-14T19:00', capacity: 1, title: 'One seat' })).occurrences[0]!;
    const { registrations } = s.t.services;
    const ann = await registrations.register(occurrence.slug, { ...s.person(1), name: 'Ann', email: 'ann@example.org' });
    const bob = await registrations.register(occurrence.slug, { ...s.person(2), name: 'Bob', email: 'bob@example.org' });
    const cat = await registrations.register(occurrence.slug, { ...s.person(3), name: 'Cat', email: 'cat@example.org' });
    assert.deepEqual([ann.status, bob.status, bob.position, cat.status, cat.position], ['confirmed', 'waitlisted', 1, 'waitlisted', 2]);
    const annFirst = ics((await s.mails()).find((m) => m.to === 'ann@example.org')!)!;
    assert.equal(annFirst.method, 'REQUEST');
    assert.equal(annFirst.events[0]!.summary, 'One seat');
    assert.equal(annFirst.events[0]!.start.toISOString(), '2026-03-14T18:00:00.000Z');

    assert.equal(await registrations.cancelByToken(ann.manageToken!), true);
    const after = await registrations.list(s.auth, occurrence.id);
    assert.deepEqual(after.confirmed.map((r) => r.name), ['Bob']);
    assert.deepEqual(after.waitlist.map((r) => [r.name, r.position]), [['Cat', 1]]);
    assert.deepEqual(after.cancelled.map((r) => r.name), ['Ann']);

    const mails = await s.mails();
    const cancelled = ics(mails.find((m) => m.to === 'ann@example.org' && m.subject.startsWith('Cancelled'))!)!;
    assert.equal(cancelled.method, 'CANCEL');
    assert.equal(cancelled.events[0]!.uid, annFirst.events[0]!.uid, 'the same UID, so the calendar removes that entry');
    assert.ok(cancelled.events[0]!.sequence > annFirst.events[0]!.sequence);
    const promoted = mails.find((m) => m.to === 'bob@example.org' && m.subject.startsWith('A place opened up'))!;
    assert.ok(promoted.text.includes('Your check-in code'));
    assert.equal(ics(promoted)!.method, 'REQUEST');
    assert.ok(promoted.attachments!.some((a) => a.contentType === 'image/png' && a.cid === 'check-in-qr'));
    // Cancelling twice changes nothing more.
    await registrations.cancelByToken(ann.manageToken!);
    assert.equal((await registrations.list(s.auth, occurrence.id)).confirmed.length, 1);
  });

  test('moving or cancelling an occurrence tells everyone, with a higher SEQUENCE and then METHOD:CANCEL', async () => {
    const occurrence = (await s.single({ localStart: '2026-03-20T19:00', capacity: 1, title: 'Movable' })).occurrences[0]!;
    const { registrations, events } = s.t.services;
    await registrations.register(occurrence.slug, { ...s.person(1), email: 'dan@example.org' });
    await registrations.register(occurrence.slug, { ...s.person(2), email: 'eve@example.org' });
    await events.updateOccurrence(s.auth, occurrence.id, { startsAt: new Date('2026-03-21T18:00:00Z') });
    let mails = (await s.mails()).filter((m) => m.to === 'dan@example.org');
    const moved = ics(mails.find((m) => m.subject.startsWith('Changed'))!)!;
    assert.equal(moved.events[0]!.start.toISOString(), '2026-03-21T18:00:00.000Z');
    assert.equal(moved.events[0]!.end.toISOString(), '2026-03-21T20:00:00.000Z');
    assert.ok(moved.events[0]!.sequence > ics(mails[0]!)!.events[0]!.sequence);
    assert.ok((await s.mails()).some((m) => m.to === 'eve@example.org' && m.subject.startsWith('Changed')), 'the waitlist hears too');
    // More places: the waitlist moves up.
    await events.updateOccurrence(s.auth, occurrence.id, { capacity: 2 });
    assert.ok((await s.mails()).some((m) => m.to === 'eve@example.org' && m.subject.startsWith('A place opened up')));
    await events.cancelOccurrence(s.auth, occurrence.id);
    mails = (await s.mails()).filter((m) => m.to === 'dan@example.org');
    const cancelled = ics(mails.find((m) => m.subject === 'Cancelled: Movable')!)!;
    assert.equal(cancelled.method, 'CANCEL');
    assert.equal(cancelled.events[0]!.status, 'CANCELLED');
    await assert.rejects(registrations.register(occurrence.slug, s.person(9)), (e: { code: string }) => e.code === 'EVENT_CLOSED');
  });

  test('a suppressed address is registered but never mailed', async () => {
    const occurrence = (await s.single({ localStart: '2026-03-22T19:00' })).occurrences[0]!;
    await s.t.services.consent.suppress(s.auth.workspaceId, 'gone@example.org', 'unsubscribed');
    const result = await s.t.services.registrations.register(occurrence.slug, { ...s.person(1), email: 'gone@example.org' });
    assert.equal(result.status, 'confirmed');
    assert.equal((await s.mails()).filter((m) => m.to === 'gone@example.org').length, 0);
  });

  test('check-in by code or tap makes the person Met; the ticked box is an event_updates consent with its wording', async () => {
    const occurrence = (await s.single({ localStart: '2026-03-25T19:00', capacity: 1 })).occurrences[0]!;
    const { registrations, people, consent } = s.t.services;
    await registrations.register(occurrence.slug, { ...s.person(1), name: 'Fay', email: 'fay@example.org', consent: true, locale: 'de', ip: '198.51.100.7', userAgent: 'Firefox' });
    await registrations.register(occurrence.slug, { ...s.person(2), email: 'gus@example.org' });
    const groups = await registrations.list(s.auth, occurrence.id);
    const fay = groups.confirmed[0]!;
    assert.equal((await people.get(s.auth, fay.personId!)).ladder, 'aware');
    const timeline = await people.listInteractions(s.auth, fay.personId!, { limit: 10 });
    assert.deepEqual(timeline.items.map((i) => i.kind), ['event_registered']);

    const checked = await registrations.checkIn(s.auth, occurrence.id, { code: fay.checkInCode });
    assert.equal(checked.status, 'attended');
    assert.equal((await people.get(s.auth, fay.personId!)).ladder, 'met');
    // A second scan changes nothing; a waitlisted person cannot check in.
    assert.equal((await registrations.checkIn(s.auth, occurrence.id, { registrationId: fay.id })).status, 'attended');
    assert.equal((await people.listInteractions(s.auth, fay.personId!, { limit: 10 })).items.filter((i) => i.kind === 'event_attended').length, 1);
    await assert.rejects(registrations.checkIn(s.auth, occurrence.id, { registrationId: groups.waitlist[0]!.id }), (e: { code: string }) => e.code === 'NOT_CONFIRMED');
    await assert.rejects(registrations.checkIn(s.auth, occurrence.id, { code: 'ZZZZZZ' }), (e: { code: string }) => e.code === 'NOT_FOUND');

    const ledger = await consent.lookup(s.auth, 'fay@example.org');
    assert.equal(ledger.states.event_updates, 'subscribed');
    const record = ledger.records.find((r) => r.purpose === 'event_updates')!;
    assert.deepEqual([record.wording?.startsWith('Ja, schickt mir E-Mails'), record.ip, record.userAgent, record.method], [true, '198.51.100.7', 'Firefox', 'form']);
    assert.equal((await consent.lookup(s.auth, 'gus@example.org')).records.length, 0, 'no box ticked, no record');
  });

  test('reminder 24 h before, follow-up to those who came, the rest no-shows: each once', async () => {
    const occurrence = (await s.single({ localStart: '2026-04-02T19:00', capacity: 3, title: 'Jobs night' })).occurrences[0]!;
    const { registrations } = s.t.services;
    await registrations.register(occurrence.slug, { ...s.person(1), email: 'came@example.org' });
    await registrations.register(occurrence.slug, { ...s.person(2), email: 'stayed-home@example.org' });
    const dayBefore = new Date('2026-04-01T18:30:00Z').getTime() - s.clock.now().getTime();
    s.clock.advance(dayBefore);
    assert.equal(await registrations.sendReminders(), 2);
    assert.equal(await registrations.sendReminders(), 0, 'once');
    const reminder = (await s.mails()).find((m) => m.to === 'came@example.org' && m.subject === 'Tomorrow: Jobs night')!;
    assert.ok(reminder.text.includes('Your check-in code'));
    const came = (await registrations.list(s.auth, occurrence.id)).confirmed.find((r) => r.email === 'came@example.org')!;
    s.clock.advance(24 * 3600 * 1000);
    await registrations.checkIn(s.auth, occurrence.id, { registrationId: came.id });
    s.clock.advance(3 * 3600 * 1000);
    assert.equal(await registrations.markNoShows() >= 1, true);
    assert.equal(await registrations.markNoShows(), 0, 'once');
    const groups = await registrations.list(s.auth, occurrence.id);
    assert.deepEqual(groups.noShow.map((r) => r.email), ['stayed-home@example.org']);
    await registrations.sendFollowUps();
    assert.equal(await registrations.sendFollowUps(), 0, 'once');
    const followUps = (await s.mails()).filter((m) => m.subject === 'Thank you for coming: Jobs night');
    assert.deepEqual(followUps.map((m) => m.to), ['came@example.org']);
  });

  test('merging two people moves their registrations to the survivor', async () => {
    const occurrence = (await s.single({ localStart: '2026-05-07T19:00' })).occurrences[0]!;
    const { registrations, people } = s.t.services;
    await registrations.register(occurrence.slug, { ...s.person(1), name: 'Hal', email: 'hal@work.example' });
    const other = (await registrations.list(s.auth, occurrence.id)).confirmed[0]!;
    const { person: survivor } = await people.create(s.auth, { name: 'Hal Home', emails: ['hal@home.example'], phones: [], handles: [], tags: [], isClient: false, isFriend: false, source: null, notes: null, givenName: null, familyName: null, organisation: null, introducedById: null, timezone: null, locale: null, cadenceDays: null });
    await people.merge(s.auth, survivor.id, other.personId!);
    assert.equal((await registrations.list(s.auth, occurrence.id)).confirmed[0]!.personId, survivor.id);
  });
});

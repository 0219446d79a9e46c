import assert from 'node:assert/strict';
import { connect, type AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { eventsTestApp } from './events.test-support.ts';

// The first sold-out meetup of a new workspace: thousands of people added within seconds.
describe('a burst of registrations on a new workspace', () => {
  let s: Awaited<ReturnType<typeof eventsTestApp>>;
  before(async () => { s = await eventsTestApp(); });
  after(() => s.t.close());

  test('keeps the planner\'s statistics of the growing people tables current (PGlite has no autovacuum)', async () => {
    const occurrence = (await s.single({ localStart: '2026-03-12T19:00', capacity: 60 })).occurrences[0]!;
    const register = (i: number) => s.t.services.registrations.register(occurrence.slug, s.person(i));
    await Promise.all(Array.from({ length: 600 }, (_, i) => register(i)));
    // The next registration's batch plans its statements (the foreign-key checks among them) on what is there now.
    await register(600);
    const count = async (table: string) => Number((await s.t.database.query(`select count(*)::int as n from ${table}`)).rows[0]!.n);
    const estimate = async (table: string) => Number((await s.t.database.query('select reltuples from pg_class where relname = $1', [table])).rows[0]!.reltuples);
    // Statistics are taken again once a table has grown by a fifth (and past a few pages): never analyzed, the estimate would be -1.
    for (const table of ['people', 'interactions']) {
      const [rows, estimated] = [await count(table), await estimate(table)];
      assert.ok(rows >= 601 && estimated >= rows / 1.25, `${table}: ${rows} rows, the planner thinks ${estimated}`);
    }
  });
});

describe('a new person who registers', () => {
  let s: Awaited<ReturnType<typeof eventsTestApp>>;
  before(async () => { s = await eventsTestApp(); });
  after(() => s.t.close());

  test('is written with the facts of their registration (a known person and a returning one keep theirs current too)', async () => {
    const occurrence = (await s.single({ localStart: '2026-03-12T19:00', capacity: 2 })).occurrences[0]!;
    const { registrations, people } = s.t.services;
    const { person: known } = await people.create(s.auth, {
      name: 'Kim Known', emails: ['guest1@example.org'], phones: [], handles: [], tags: [], isClient: false, isFriend: false, source: null, notes: null,
      givenName: null, familyName: null, organisation: null, introducedById: null, timezone: null, locale: null, cadenceDays: null,
    });
    await people.addInteraction(s.auth, known.id, { channel: 'email', kind: 'email', direction: 'in', occurredAt: new Date('2026-01-20T10:00:00Z'), durationMinutes: null, note: null });
    // The same address twice in one burst, a known person, and newcomers.
    await Promise.all([0, 1, 2, 0, 3].map((i) => registrations.register(occurrence.slug, s.person(i))));
    const byEmail = async (email: string) => (await people.list(s.auth, { q: email, limit: 10 })).items;
    const registeredAt = s.clock.now().toISOString();
    for (const i of [0, 2, 3]) {
      const [person, ...others] = await byEmail(`guest${i}@example.org`);
      assert.equal(others.length, 0);
      assert.deepEqual([person!.interactionCount, person!.lastInteractionAt?.toISOString(), person!.ladder], [1, registeredAt, 'aware'], `guest${i}`);
    }
    const kim = await people.get(s.auth, known.id);
    assert.deepEqual([kim.interactionCount, kim.lastInteractionAt?.toISOString()], [2, registeredAt]);
    // Cancelled and back: the same person, one more line.
    const [first] = (await registrations.list(s.auth, occurrence.id)).confirmed.filter((r) => r.email === 'guest0@example.org');
    await registrations.cancelByOrganiser(s.auth, occurrence.id, first!.id);
    s.clock.advance(60_000);
    await registrations.register(occurrence.slug, s.person(0));
    const [again] = await byEmail('guest0@example.org');
    assert.deepEqual([again!.interactionCount, again!.lastInteractionAt?.toISOString()], [2, s.clock.now().toISOString()]);
  });
});

describe('a waitlist filled by one burst', () => {
  let s: Awaited<ReturnType<typeof eventsTestApp>>;
  before(async () => { s = await eventsTestApp(); });
  after(() => s.t.close());

  test('is in the order each person was told their position', async () => {
    const occurrence = (await s.single({ localStart: '2026-03-12T19:00', capacity: 2 })).occurrences[0]!;
    const results = await Promise.all(Array.from({ length: 120 }, (_, i) => s.t.services.registrations.register(occurrence.slug, s.person(i))));
    const told = new Map(results.map((r, i) => [`guest${i}@example.org`, r.position]));
    const { waitlist } = await s.t.services.registrations.list(s.auth, occurrence.id);
    assert.equal(waitlist.length, 118);
    assert.deepEqual(waitlist.map((r) => told.get(r.email)), waitlist.map((r) => r.position));
    assert.deepEqual(waitlist.map((r) => r.position), Array.from({ length: 118 }, (_, i) => i + 1));
  });
});

// Node takes one new connection per turn of its event loop; on the embedded database a batch of
// registrations used to fill one long turn, so visitors who connected meanwhile waited for it, one turn each.
describe('visitors who open the site during a burst of registrations', () => {
  let s: Awaited<ReturnType<typeof eventsTestApp>>;
  before(async () => { s = await eventsTestApp(); });
  after(() => s.t.close());

  test('are let in and answered while the burst is written, not after it', async () => {
    const occurrence = (await s.single({ localStart: '2026-03-12T19:00', capacity: 60 })).occurrences[0]!;
    const { server } = s.t.app;
    await s.t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.address() as AddressInfo;
    let written = false;
    let answeredMeanwhile = 0;
    server.on('request', (_request, response) => response.once('finish', () => { if (!written) answeredMeanwhile++; }));
    // 200 RSVPs arrive as the first visitor's connection is taken; the others are waiting to be let in.
    let burst: Promise<unknown> | undefined;
    server.once('connection', () => {
      burst = Promise.all(Array.from({ length: 200 }, (_, i) => s.t.services.registrations.register(occurrence.slug, s.person(i)))).then(() => { written = true; });
    });
    const visitors = 20;
    const statuses = await Promise.all(Array.from({ length: visitors }, () => new Promise<string>((resolve, reject) => {
      let text = '';
      const socket = connect(port, '127.0.0.1', () => socket.end('GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'));
      socket.on('data', (chunk) => { text += chunk.toString(); });
      socket.on('end', () => resolve(text.split('\r\n')[0]!));
      socket.on('error', reject);
    })));
    await burst;
    assert.deepEqual(statuses, Array(visitors).fill('HTTP/1.1 302 Found'));
    assert.equal(answeredMeanwhile, visitors, 'every visitor answered before the burst was written');
    assert.equal((await s.t.database.query('select count(*)::int as n from event_registrations where occurrence_id = $1', [occurrence.id])).rows[0]!.n, 200);
  });
});

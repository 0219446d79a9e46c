import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eventsTestApp } from './events.test-support.ts';

// Production serves an event's page from memory for up to a second (pageCacheMs); other tests turn that off.
describe('the event page under a burst of visitors', () => {
  let s: Awaited<ReturnType<typeof eventsTestApp>>;
  before(async () => { s = await eventsTestApp(new Date('2026-03-01T09:00:00Z'), { pageCacheMs: 500 }); });
  after(() => s.t.close());

  const page = async (slug: string, language = 'en') =>
    (await s.t.app.inject({ method: 'GET', url: `/e/${slug}`, headers: { 'accept-language': language } })).body;

  test('is rendered once per language and moment, and shows the new count once that moment has passed', async () => {
    const occurrence = (await s.single({ localStart: '2026-03-20T19:00', capacity: 3, title: 'Cached meetup' })).occurrences[0]!;
    assert.match(await page(occurrence.slug), /3 places left/);
    // Registered elsewhere (another process, the API): this process shows the page as rendered for the moment.
    await s.t.services.registrations.register(occurrence.slug, s.person(1));
    assert.match(await page(occurrence.slug), /3 places left/, 'within the moment: the page as rendered');
    assert.match(await page(occurrence.slug, 'de'), /Noch 2 Plätze frei/, 'German is its own page, rendered now');
    s.clock.advance(500);
    assert.match(await page(occurrence.slug), /2 places left/);
    // Registered through this process's own form: the page is rendered afresh at once.
    const posted = await s.t.app.inject({ method: 'POST', url: `/e/${occurrence.slug}/register`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'name=Lou&email=lou%40example.org' });
    assert.equal(posted.statusCode, 303);
    assert.match(await page(occurrence.slug), /1 place left/);
    // An unknown event is never remembered as a page.
    assert.equal((await s.t.app.inject({ method: 'GET', url: '/e/no-such-event' })).statusCode, 404);
  });

  test('a page served from memory is the response the first visitor got: its headers, its language, its bytes', async () => {
    const occurrence = (await s.single({ localStart: '2026-03-22T19:00', capacity: 5, title: 'Kept meetup' })).occurrences[0]!;
    const get = (language: string) => s.t.app.inject({ method: 'GET', url: `/e/${occurrence.slug}`, headers: { 'accept-language': language } });
    const first = await get('de');
    const again = await get('de-AT,de;q=0.9');
    const { date: _firstDate, ...firstHeaders } = first.headers;
    const { date: _againDate, ...againHeaders } = again.headers;
    assert.equal(again.statusCode, 200);
    assert.deepEqual(againHeaders, firstHeaders);
    assert.equal(again.body, first.body);
    assert.equal(again.headers['content-language'], 'de');
    assert.match(String(again.headers['content-security-policy']), /default-src 'self'/);
    assert.equal(again.headers['x-frame-options'], 'SAMEORIGIN');
    assert.match(again.body, /Noch 5 Plätze frei/);
    const head = await s.t.app.inject({ method: 'HEAD', url: `/e/${occurrence.slug}`, headers: { 'accept-language': 'de' } });
    assert.equal(head.statusCode, 200);
    assert.equal(head.body, '');
    // A page not kept (here the calendar file beside it) still goes on to its handler.
    const calendar = await s.t.app.inject({ method: 'GET', url: `/e/${occurrence.slug}.ics` });
    assert.match(String(calendar.headers['content-type']), /text\/calendar/);
  });

  test('the form finds its occurrence from memory, but registers only as the database has it now', async () => {
    const occurrence = (await s.single({ localStart: '2026-03-21T19:00', capacity: 1, title: 'Remembered meetup' })).occurrences[0]!;
    const post = (i: number) => s.t.app.inject({ method: 'POST', url: `/e/${occurrence.slug}/register`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `name=Guest+${i}&email=guest${i}%40example.org` });
    assert.equal((await post(1)).statusCode, 303);
    // Cancelled elsewhere within the moment: the form's lookup is remembered, the admission is not fooled.
    await s.t.services.events.cancelOccurrence(s.auth, occurrence.id);
    const refused = await post(2);
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /cancelled/i);
    const groups = await s.t.services.registrations.list(s.auth, occurrence.id);
    assert.deepEqual(groups.confirmed.map((r) => r.email), ['guest1@example.org']);
    assert.equal(groups.waitlist.length, 0);
  });
});

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
    await s.t.services.registrations.register(occurrence.slug, s.person(1));
    assert.match(await page(occurrence.slug), /3 places left/, 'within the moment: the page as rendered');
    assert.match(await page(occurrence.slug, 'de'), /Noch 2 Plätze frei/, 'German is its own page, rendered now');
    s.clock.advance(500);
    assert.match(await page(occurrence.slug), /2 places left/);
    // An unknown event is never remembered as a page.
    assert.equal((await s.t.app.inject({ method: 'GET', url: '/e/no-such-event' })).statusCode, 404);
  });
});

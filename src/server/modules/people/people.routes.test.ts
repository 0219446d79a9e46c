import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeTestApp, setupOwner, type Browser, type TestApp } from '../../../../test/helpers.ts';

describe('people API', () => {
  let t: TestApp;
  let browser: Browser;
  before(async () => {
    t = await makeTestApp();
    browser = await setupOwner(t.app);
  });
  after(() => t.close());

  const post = (url: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: browser.headers, payload: payload as object });
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: browser.headers });

  test('a person is created, read back, changed and deleted', async () => {
    const created = await post('/api/v1/people', {
      name: 'Sam Rivera', emails: ['Sam@Example.org'], tags: ['client', 'client'], organisation: 'Rivera Bakes',
      handles: [{ platform: 'mastodon', handle: '@sam@social.example', url: 'https://social.example/@sam' }],
    });
    assert.equal(created.statusCode, 201);
    const sam = created.json();
    assert.deepEqual(sam.emails, ['sam@example.org']);
    assert.deepEqual(sam.tags, ['client']);

    const read = await get(`/api/v1/people/${sam.id}`);
    assert.equal(read.json().handles[0].handle, '@sam@social.example');

    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/people/${sam.id}`, headers: browser.headers, payload: { organisation: 'Rivera Bread' } });
    assert.equal(patched.statusCode, 200);
    assert.equal(patched.json().organisation, 'Rivera Bread');
    assert.equal(patched.json().name, 'Sam Rivera');

    const removed = await t.app.inject({ method: 'DELETE', url: `/api/v1/people/${sam.id}`, headers: browser.headers });
    assert.equal(removed.statusCode, 204);
    assert.equal((await get(`/api/v1/people/${sam.id}`)).statusCode, 404);
  });

  test('search finds people by name, organisation, email and handle; tag filter narrows', async () => {
    await post('/api/v1/people', { name: 'Ada Lovelace', organisation: 'Analytical Engines', tags: ['friend'] });
    await post('/api/v1/people', { name: 'Grace Hopper', emails: ['grace@navy.example'], tags: ['client'] });
    await post('/api/v1/people', { name: 'Linus Ode', handles: [{ platform: 'bluesky', handle: 'linus.bsky.social' }], tags: ['client'] });

    const names = async (query: string) => (await get(`/api/v1/people?${query}`)).json().items.map((p: { name: string }) => p.name);
    assert.deepEqual(await names('q=analytical'), ['Ada Lovelace']);
    assert.deepEqual(await names('q=NAVY.example'), ['Grace Hopper']);
    assert.deepEqual(await names('q=linus.bsky'), ['Linus Ode']);
    assert.deepEqual(await names('tag=client'), ['Grace Hopper', 'Linus Ode']);
    assert.deepEqual(await names('tag=client&q=grace'), ['Grace Hopper']);
    assert.deepEqual(await names('q=100%25'), []);
  });

  test('cursor pages walk the whole list once, in name order', async () => {
    for (const name of ['Pa', 'Pb', 'Pc', 'Pd', 'Pe']) await post('/api/v1/people', { name, tags: ['paging'] });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { name: string }[]; nextCursor: string | null } = (await get(`/api/v1/people?tag=paging&limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      seen.push(...page.items.map((p: { name: string }) => p.name));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, ['Pa', 'Pb', 'Pc', 'Pd', 'Pe']);
  });

  test('a logged call appears on the timeline, newest first, and can be deleted', async () => {
    const person = (await post('/api/v1/people', { name: 'Timeline Tess' })).json();
    await post(`/api/v1/people/${person.id}/interactions`, { channel: 'mastodon', kind: 'reply', direction: 'in', occurredAt: '2026-11-01T10:00:00Z' });
    const call = await post(`/api/v1/people/${person.id}/interactions`, { channel: 'phone', kind: 'call', direction: 'out', occurredAt: '2026-11-20T15:30:00+01:00', durationMinutes: 25, note: 'Talked about the spring workshop' });
    assert.equal(call.statusCode, 201);
    const timeline = (await get(`/api/v1/people/${person.id}/interactions`)).json().items;
    assert.deepEqual(timeline.map((i: { kind: string }) => i.kind), ['call', 'reply']);
    assert.equal(timeline[0].occurredAt, '2026-11-20T14:30:00.000Z');
    assert.equal(timeline[0].durationMinutes, 25);

    // An empty patch changes nothing (it was a 500: an UPDATE without columns).
    const unchanged = await t.app.inject({ method: 'PATCH', url: `/api/v1/people/${person.id}/interactions/${call.json().id}`, headers: browser.headers, payload: {} });
    assert.equal(unchanged.statusCode, 200);
    assert.equal(unchanged.json().note, 'Talked about the spring workshop');

    const removed = await t.app.inject({ method: 'DELETE', url: `/api/v1/people/${person.id}/interactions/${call.json().id}`, headers: browser.headers });
    assert.equal(removed.statusCode, 204);
    assert.equal((await get(`/api/v1/people/${person.id}/interactions`)).json().items.length, 1);
  });

  test('a patch changes only the fields it names', async () => {
    const full = (await post('/api/v1/people', {
      name: 'Patchy Pat', emails: [' Pat@Example.org '], phones: ['+49 30 1234567'], tags: ['client'], notes: 'Met at the fair', isClient: true,
      handles: [{ platform: 'bluesky', handle: 'pat.bsky.social' }],
    })).json();
    assert.deepEqual(full.emails, ['pat@example.org']);
    const patched = (await t.app.inject({ method: 'PATCH', url: `/api/v1/people/${full.id}`, headers: browser.headers, payload: { organisation: 'Pat & Co' } })).json();
    assert.equal(patched.organisation, 'Pat & Co');
    assert.deepEqual(patched.emails, ['pat@example.org']);
    assert.deepEqual(patched.phones, ['+49 30 1234567']);
    assert.deepEqual(patched.tags, ['client']);
    assert.equal(patched.handles.length, 1);
    assert.equal(patched.notes, 'Met at the fair');
    assert.equal(patched.isClient, true);
    const cleared = (await t.app.inject({ method: 'PATCH', url: `/api/v1/people/${full.id}`, headers: browser.headers, payload: { notes: null, tags: [] } })).json();
    assert.equal(cleared.notes, null);
    assert.deepEqual(cleared.tags, []);
  });

  test('the tags in use are listed with their counts', async () => {
    await post('/api/v1/people', { name: 'Tag One', tags: ['tag-count-a', 'tag-count-b'] });
    await post('/api/v1/people', { name: 'Tag Two', tags: ['tag-count-a'] });
    const items = (await get('/api/v1/people/tags')).json().items.filter((i: { tag: string }) => i.tag.startsWith('tag-count'));
    assert.deepEqual(items, [{ tag: 'tag-count-a', count: 2 }, { tag: 'tag-count-b', count: 1 }]);
  });

  test('bad input names the field and writes nothing', async () => {
    const before = (await get('/api/v1/people?q=invalid')).json().items.length;
    const response = await post('/api/v1/people', { name: 'Invalid Ivy', emails: ['not-an-email'], cadenceDays: -3 });
    assert.equal(response.statusCode, 400);
    assert.match(response.headers['content-type'] as string, /application\/problem\+json/);
    const body = response.json();
    assert.equal(body.code, 'VALIDATION_FAILED');
    const paths = body.errors.map((e: { path: string }) => e.path);
    assert.ok(paths.includes('body.emails.0'), paths.join());
    assert.ok(paths.includes('body.cadenceDays'), paths.join());
    assert.equal((await get('/api/v1/people?q=invalid')).json().items.length, before);
  });

  test('an introducer must exist in the workspace', async () => {
    const response = await post('/api/v1/people', { name: 'Intro Ian', introducedById: '00000000-0000-4000-8000-000000000000' });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().errors[0].path, 'body.introducedById');
    const introducer = (await post('/api/v1/people', { name: 'Introducer Iris' })).json();
    const ok = await post('/api/v1/people', { name: 'Intro Ian', introducedById: introducer.id });
    assert.equal(ok.json().introducedById, introducer.id);
    // Deleting the introducer keeps the person and drops the link.
    await t.app.inject({ method: 'DELETE', url: `/api/v1/people/${introducer.id}`, headers: browser.headers });
    assert.equal((await get(`/api/v1/people/${ok.json().id}`)).json().introducedById, null);
  });

  test('a bad cursor and an unknown person give problems, not 500s', async () => {
    const badCursor = await get('/api/v1/people?cursor=garbage');
    assert.equal(badCursor.statusCode, 400);
    assert.equal(badCursor.json().code, 'BAD_CURSOR');
    const tampered = Buffer.from(JSON.stringify(['zed', 'not-a-uuid'])).toString('base64url');
    assert.equal((await get(`/api/v1/people?cursor=${tampered}`)).statusCode, 400);
    assert.equal((await get(`/api/v1/people?q=someone&cursor=${tampered}`)).statusCode, 400);
    const tamperedDate = Buffer.from(JSON.stringify(['yesterday', '00000000-0000-4000-8000-000000000000'])).toString('base64url');
    const person = (await post('/api/v1/people', { name: 'Cursor Carl' })).json();
    assert.equal((await get(`/api/v1/people/${person.id}/interactions?cursor=${tamperedDate}`)).statusCode, 400);
    const unknown = await get('/api/v1/people/00000000-0000-4000-8000-000000000000/interactions');
    assert.equal(unknown.statusCode, 404);
    const notUuid = await get('/api/v1/people/42');
    assert.equal(notUuid.statusCode, 400);
  });
});

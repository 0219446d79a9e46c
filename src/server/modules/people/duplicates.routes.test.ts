import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeTestApp, setupOwner, type Browser, type TestApp } from '../../../../test/helpers.ts';

describe('exact duplicates and merge', () => {
  let t: TestApp;
  let browser: Browser;
  before(async () => {
    t = await makeTestApp();
    browser = await setupOwner(t.app);
  });
  after(() => t.close());

  const send = (method: 'POST' | 'PATCH' | 'GET', url: string, payload?: object) => t.app.inject({ method, url, headers: browser.headers, payload });
  const count = async (q: string) => (await send('GET', `/api/v1/people?q=${encodeURIComponent(q)}`)).json().items.length;

  test('a person with an email someone already has is merged into them, not created twice', async () => {
    const first = await send('POST', '/api/v1/people', { name: 'Sam Rivera', emails: ['sam@rivera.example'], tags: ['client'] });
    assert.equal(first.statusCode, 201);
    const again = await send('POST', '/api/v1/people', { name: 'Samuel Rivera', emails: ['SAM@Rivera.example'], organisation: 'Rivera Bakes', tags: ['meetup'] });
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().id, first.json().id);
    assert.equal(again.json().name, 'Sam Rivera');
    assert.equal(again.json().organisation, 'Rivera Bakes');
    assert.deepEqual(again.json().tags, ['client', 'meetup']);
    assert.equal(await count('rivera.example'), 1);
  });

  test('the same handle on one platform, or the same phone however written, is the same person', async () => {
    const m = (await send('POST', '/api/v1/people', { name: 'Mo', handles: [{ platform: 'mastodon', handle: '@mo@social.example' }] })).json();
    const m2 = await send('POST', '/api/v1/people', { name: 'Mo Ahmed', handles: [{ platform: 'mastodon', handle: 'Mo@Social.Example' }] });
    assert.equal(m2.json().id, m.id);
    // Another platform's handle with the same name is someone else.
    assert.equal((await send('POST', '/api/v1/people', { name: 'Mo on X', handles: [{ platform: 'x', handle: 'mo@social.example' }] })).statusCode, 201);

    const p = (await send('POST', '/api/v1/people', { name: 'Phone Pia', phones: ['+49 30 12345678'] })).json();
    const p2 = await send('POST', '/api/v1/people', { name: 'Pia', phones: ['+49 (30) 123-456-78'] });
    assert.equal(p2.json().id, p.id);
  });

  test('giving a person an email that another person has is refused, naming the other', async () => {
    const a = (await send('POST', '/api/v1/people', { name: 'Owner Ola', emails: ['ola@example.com'] })).json();
    const b = (await send('POST', '/api/v1/people', { name: 'Other Otto' })).json();
    const clash = await send('PATCH', `/api/v1/people/${b.id}`, { emails: ['Ola@example.com'] });
    assert.equal(clash.statusCode, 409);
    assert.equal(clash.json().code, 'DUPLICATE_PERSON');
    assert.match(clash.json().detail, new RegExp(a.id));
    assert.deepEqual((await send('GET', `/api/v1/people/${b.id}`)).json().emails, []);
    // Removing and re-adding one's own email is fine.
    assert.equal((await send('PATCH', `/api/v1/people/${a.id}`, { emails: [] })).statusCode, 200);
    assert.equal((await send('PATCH', `/api/v1/people/${b.id}`, { emails: ['ola@example.com'] })).statusCode, 200);
  });

  test('a merge moves interactions, plans and introductions, keeps every handle, and the other is gone', async () => {
    const keep = (await send('POST', '/api/v1/people', { name: 'Keep Kim', emails: ['kim@example.com'], tags: ['client'] })).json();
    const gone = (await send('POST', '/api/v1/people', { name: 'Kim K.', handles: [{ platform: 'bluesky', handle: 'kim.bsky.social' }], tags: ['speaker'] })).json();
    await send('POST', `/api/v1/people/${keep.id}/interactions`, { channel: 'email', kind: 'email', direction: 'in', occurredAt: '2026-10-01T10:00:00Z' });
    await send('POST', `/api/v1/people/${gone.id}/interactions`, { channel: 'phone', kind: 'call', direction: 'out', occurredAt: '2026-10-05T10:00:00Z' });
    await send('POST', '/api/v1/plans', { personId: gone.id, kind: 'coffee', startsAt: '2026-12-01T10:00:00Z' });
    const friend = (await send('POST', '/api/v1/people', { name: 'Friend of Kim', introducedById: gone.id })).json();

    const merged = await send('POST', `/api/v1/people/${keep.id}/merge`, { otherId: gone.id });
    assert.equal(merged.statusCode, 200);
    assert.deepEqual(merged.json().tags, ['client', 'speaker']);
    assert.equal(merged.json().handles[0].handle, 'kim.bsky.social');
    assert.equal(merged.json().ladder, 'talked');
    assert.equal(merged.json().isReferrer, true);
    assert.equal((await send('GET', `/api/v1/people/${gone.id}`)).statusCode, 404);
    const timeline = (await send('GET', `/api/v1/people/${keep.id}/interactions`)).json().items;
    assert.deepEqual(timeline.map((i: { kind: string }) => i.kind), ['call', 'email']);
    const plans = (await send('GET', '/api/v1/plans?from=2026-11-01T00:00:00Z&to=2027-01-01T00:00:00Z')).json().items;
    assert.equal(plans.find((p: { personName: string }) => p.personName === 'Keep Kim')?.kind, 'coffee');
    assert.equal((await send('GET', `/api/v1/people/${friend.id}`)).json().introducedById, keep.id);
    // The merged-away handle now finds the survivor.
    const again = await send('POST', '/api/v1/people', { name: 'Kim again', handles: [{ platform: 'bluesky', handle: 'KIM.bsky.social' }] });
    assert.equal(again.json().id, keep.id);
  });

  test('possible duplicates are listed with their reasons; "not a duplicate" is remembered; a merge clears the pair', async () => {
    const a = (await send('POST', '/api/v1/people', { name: 'Fuzzy Greta Lindqvist', organisation: 'Nordlicht Design', handles: [{ platform: 'mastodon', handle: '@greta_lindqvist@social.example' }] })).json();
    const b = (await send('POST', '/api/v1/people', { name: 'Fuzzy Greta Lindquist', organisation: 'nordlicht design', handles: [{ platform: 'linkedin', handle: 'in/greta-lindqvist' }] })).json();
    const c = (await send('POST', '/api/v1/people', { name: 'Fuzzy Hanna Berg' })).json();
    const d = (await send('POST', '/api/v1/people', { name: 'Fuzzy Hanna Berg' })).json();
    await send('POST', '/api/v1/people', { name: 'Fuzzy Gustav Lindquist' });
    const items = (await send('GET', '/api/v1/people/duplicates')).json().items as { a: { id: string }; b: { id: string }; reasons: string[] }[];
    const pairOf = (x: string, y: string) => items.find((i) => (i.a.id === x && i.b.id === y) || (i.a.id === y && i.b.id === x));
    assert.deepEqual(pairOf(a.id, b.id)?.reasons, ['similar_name', 'same_organisation', 'similar_handle']);
    assert.deepEqual(pairOf(c.id, d.id)?.reasons, ['same_name']);
    assert.equal(items.filter((i) => JSON.stringify(i).includes('Gustav')).length, 0, 'the same family name alone is not a duplicate');

    assert.equal((await send('POST', '/api/v1/people/duplicates/dismiss', { aId: d.id, bId: c.id })).statusCode, 204);
    const after = (await send('GET', '/api/v1/people/duplicates')).json().items as { a: { id: string }; b: { id: string } }[];
    assert.ok(!after.some((i) => [i.a.id, i.b.id].includes(c.id)));
    await send('POST', `/api/v1/people/${a.id}/merge`, { otherId: b.id });
    const merged = (await send('GET', '/api/v1/people/duplicates')).json().items as { a: { id: string }; b: { id: string } }[];
    assert.ok(!merged.some((i) => [i.a.id, i.b.id].includes(b.id)));
  });

  test('creating the same person from many requests at once makes one person', async () => {
    const responses = await Promise.all(Array.from({ length: 6 }, (_, i) =>
      send('POST', '/api/v1/people', { name: `Racer ${i}`, emails: ['racer@example.com'] })));
    assert.deepEqual(responses.map((r) => r.statusCode).sort(), [200, 200, 200, 200, 200, 201]);
    assert.equal(new Set(responses.map((r) => r.json().id)).size, 1);
  });
});

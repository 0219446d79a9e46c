import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeTestApp, setupOwner, type Browser, type TestApp } from '../../../../test/helpers.ts';

describe('the ladder follows interactions', () => {
  let t: TestApp;
  let browser: Browser;
  before(async () => {
    t = await makeTestApp();
    browser = await setupOwner(t.app);
  });
  after(() => t.close());

  const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => t.app.inject({ method, url, headers: browser.headers, payload });
  const ladderOf = async (id: string) => (await t.app.inject({ url: `/api/v1/people/${id}`, headers: browser.headers })).json().ladder;
  const touch = async (id: string, kind: string, direction: string, channel = 'mastodon', occurredAt = '2026-11-01T10:00:00Z') =>
    (await send('POST', `/api/v1/people/${id}/interactions`, { channel, kind, direction, occurredAt })).json().id as string;

  test('added, edited and deleted interactions move the step up and down', async () => {
    const sam = (await send('POST', '/api/v1/people', { name: 'Ladder Sam' })).json();
    assert.equal(sam.ladder, 'aware');
    await touch(sam.id, 'like', 'in');
    assert.equal(await ladderOf(sam.id), 'aware');
    await touch(sam.id, 'reply', 'out');
    assert.equal(await ladderOf(sam.id), 'engaged');
    await touch(sam.id, 'dm', 'in');
    assert.equal(await ladderOf(sam.id), 'engaged');
    const dmOut = await touch(sam.id, 'dm', 'out');
    assert.equal(await ladderOf(sam.id), 'conversing');
    const call = await touch(sam.id, 'call', 'out', 'phone');
    assert.equal(await ladderOf(sam.id), 'talked');

    assert.equal((await send('DELETE', `/api/v1/people/${sam.id}/interactions/${call}`)).statusCode, 204);
    assert.equal(await ladderOf(sam.id), 'conversing');

    const edited = await send('PATCH', `/api/v1/people/${sam.id}/interactions/${dmOut}`, { kind: 'coffee', channel: 'in_person' });
    assert.equal(edited.statusCode, 200);
    assert.equal(edited.json().kind, 'coffee');
    assert.equal(await ladderOf(sam.id), 'met');
  });

  test('the people list filters by step', async () => {
    const talker = (await send('POST', '/api/v1/people', { name: 'Filter Talker', tags: ['ladder-filter'] })).json();
    await send('POST', '/api/v1/people', { name: 'Filter Quiet', tags: ['ladder-filter'] });
    await touch(talker.id, 'call', 'in', 'video');
    const talked = (await t.app.inject({ url: '/api/v1/people?tag=ladder-filter&step=talked', headers: browser.headers })).json().items;
    assert.deepEqual(talked.map((p: { name: string }) => p.name), ['Filter Talker']);
    const aware = (await t.app.inject({ url: '/api/v1/people?tag=ladder-filter&step=aware', headers: browser.headers })).json().items;
    assert.deepEqual(aware.map((p: { name: string }) => p.name), ['Filter Quiet']);
  });

  test('someone who introduced a person is a referrer, until the introduction is undone', async () => {
    const iris = (await send('POST', '/api/v1/people', { name: 'Referrer Iris' })).json();
    assert.equal(iris.isReferrer, false);
    const ian = (await send('POST', '/api/v1/people', { name: 'Introduced Ian', introducedById: iris.id })).json();
    assert.equal((await t.app.inject({ url: `/api/v1/people/${iris.id}`, headers: browser.headers })).json().isReferrer, true);
    await send('PATCH', `/api/v1/people/${ian.id}`, { introducedById: null });
    assert.equal((await t.app.inject({ url: `/api/v1/people/${iris.id}`, headers: browser.headers })).json().isReferrer, false);
  });

  test('the introductions tree shows who introduced whom, up and down', async () => {
    const grandma = (await send('POST', '/api/v1/people', { name: 'Tree Grandma' })).json();
    const mum = (await send('POST', '/api/v1/people', { name: 'Tree Mum', introducedById: grandma.id })).json();
    const kid1 = (await send('POST', '/api/v1/people', { name: 'Tree Kid One', introducedById: mum.id })).json();
    await send('POST', '/api/v1/people', { name: 'Tree Kid Two', introducedById: mum.id });
    await send('POST', '/api/v1/people', { name: 'Tree Grandkid', introducedById: kid1.id });
    const tree = (await t.app.inject({ url: `/api/v1/people/${mum.id}/introductions`, headers: browser.headers })).json();
    assert.deepEqual(tree.introducedBy.map((p: { name: string }) => p.name), ['Tree Grandma']);
    assert.deepEqual(tree.introduced.map((p: { name: string; level: number }) => `${p.level} ${p.name}`), ['1 Tree Kid One', '1 Tree Kid Two', '2 Tree Grandkid']);
    assert.equal(tree.introduced[2].parentId, kid1.id);
  });

  test('after a bulk load straight into the database, recomputing brings every step up to date', async () => {
    const bulk = (await send('POST', '/api/v1/people', { name: 'Bulk Loaded' })).json();
    const auth = await t.services.auth.ownerAuth();
    await t.database.query(`insert into interactions (workspace_id, person_id, channel, kind, direction, occurred_at) values ($1, $2, 'in_person', 'coffee', 'out', now())`, [auth.workspaceId, bulk.id]);
    assert.equal(await ladderOf(bulk.id), 'aware');
    assert.ok((await t.services.people.recomputeTouches(auth)) >= 1);
    assert.equal(await ladderOf(bulk.id), 'met');
  });

  test('the last interaction date is the interaction\'s own date, not when it was logged', async () => {
    const lena = (await send('POST', '/api/v1/people', { name: 'Dated Lena' })).json();
    await touch(lena.id, 'email', 'in', 'email', '2026-03-04T08:00:00Z');
    await touch(lena.id, 'email', 'out', 'email', '2026-02-01T08:00:00Z');
    const read = (await t.app.inject({ url: `/api/v1/people/${lena.id}`, headers: browser.headers })).json();
    assert.equal(read.lastInteractionAt, '2026-03-04T08:00:00.000Z');
    assert.equal(read.interactionCount, 2);
  });
});

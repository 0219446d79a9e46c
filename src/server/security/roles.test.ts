import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fixedClock } from '../core/clock.ts';
import { bearer, makeTestApp, setupOwner, type TestApp } from '../../../test/helpers.ts';
import { exampleOf, multipartUpload, operationsOf, type Operation } from '../../../test/openapi-requests.ts';
import { addMember, seedWorkspace, sender, type Seeded } from '../../../test/workspaces.ts';
import { bodyIdKinds, computeOnlyPosts, fillRoute, multipartRoutes } from '../../../test/route-ids.ts';

// Roles over the whole route table: a viewer reads, an editor writes, an owner manages members and settings.
// API tokens carry their user's role. A new write route is covered without editing this file.

// Writes a viewer may make: they concern only the viewer's own things.
const viewerMayWrite: Record<string, string> = {
  'POST /api/v1/tokens': 'a token of one\'s own, carrying one\'s own (viewer) role',
  'POST /api/v1/focus/sessions': 'one\'s own focus session',
  'POST /api/v1/focus/sessions/:id/end': 'ending one\'s own focus session',
  'DELETE /api/v1/focus/budget': 'one\'s own weekly budget (the workspace scope needs the owner)',
  'PUT /api/v1/focus/reflections/:week': 'one\'s own weekly reflection',
  ...Object.fromEntries([...computeOnlyPosts].map((url) => [`POST ${url}`, 'computes an answer, writes nothing'])),
};

// Writes only an owner may make: members, invitations and the workspace's settings.
const ownerOnly = [
  'PATCH /api/v1/members/:id', 'DELETE /api/v1/members/:id', 'POST /api/v1/invitations',
];


describe('roles: viewer, editor, owner, and their API tokens', () => {
  let t: TestApp;
  let seeded: Seeded;
  let operations: Map<string, Operation>;
  const as: Record<string, Record<string, string>> = {};

  before(async () => {
    t = await makeTestApp({ clock: fixedClock(new Date('2026-03-01T09:00:00Z')) });
    const owner = await setupOwner(t.app);
    seeded = await seedWorkspace(t, sender(t, owner.headers), 'Rolemark');
    const viewer = await addMember(t, owner, 'viewer', 'viewer@example.org');
    const editor = await addMember(t, owner, 'editor', 'editor@example.org');
    Object.assign(as, {
      owner: owner.headers, viewer: viewer.headers, editor: editor.headers,
      ownerToken: await bearer(t.app, owner), viewerToken: await bearer(t.app, viewer), editorToken: await bearer(t.app, editor),
    });
    operations = new Map(operationsOf(t.app.swagger()).map((o) => [`${o.method} ${o.url}`, o]));
  });
  after(() => t.close());

  const writes = () => t.routes.filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method) && !r.public && r.url.startsWith('/api/v1/'));
  const call = (who: string, method: string, route: string) => {
    const operation = operations.get(`${method} ${route}`);
    const idFor = (name: string) => (bodyIdKinds[name] ? seeded.ids[bodyIdKinds[name]!] : undefined);
    const query = operation?.query ? `?${new URLSearchParams(exampleOf(operation.query, '', idFor) as Record<string, string>)}` : '';
    const url = fillRoute(route, seeded.ids) + query;
    if (multipartRoutes.has(`${method} ${route}`)) {
      const upload = multipartUpload();
      return t.app.inject({ method: method as 'POST', url, headers: { ...as[who], ...upload.headers }, payload: upload.payload });
    }
    const payload = operation?.body && operation.contentType === 'application/json' ? exampleOf(operation.body, '', idFor) as object : undefined;
    return t.app.inject({ method: method as 'POST', url, headers: as[who], ...(payload === undefined ? {} : { payload }) });
  };

  for (const who of ['viewer', 'viewerToken']) {
    test(`a ${who === 'viewer' ? 'viewer (session)' : 'viewer\'s API token'} is refused every write with 403 FORBIDDEN, except their own things`, async () => {
      const wrong: string[] = [];
      for (const route of writes()) {
        const key = `${route.method} ${route.url}`;
        const response = await call(who, route.method, route.url);
        assert.ok(response.statusCode < 500, `${key} → ${response.statusCode}`);
        if (viewerMayWrite[key]) {
          if (response.statusCode === 403) wrong.push(`${key} is on the allow-list (${viewerMayWrite[key]}) but refused`);
          continue;
        }
        if (response.statusCode !== 403 || response.json().code !== 'FORBIDDEN') wrong.push(`${key} → ${response.statusCode} ${response.body.slice(0, 120)}`);
      }
      assert.deepEqual(wrong, []);
      for (const key of Object.keys(viewerMayWrite)) assert.ok(writes().some((r) => `${r.method} ${r.url}` === key), `${key} on the allow-list is not a route any more`);
    });
  }

  for (const who of ['editor', 'editorToken']) {
    test(`an ${who === 'editor' ? 'editor (session)' : 'editor\'s API token'} cannot manage members or invite`, async () => {
      for (const key of ownerOnly) {
        const [method, url] = key.split(' ') as [string, string];
        const response = await call(who, method, url);
        assert.equal(response.statusCode, 403, `${key} → ${response.statusCode}`);
        assert.equal(response.json().code, 'FORBIDDEN');
      }
      assert.equal((await call(who, 'POST', '/api/v1/people')).statusCode, 201, 'an editor writes');
    });
  }

  test('a viewer sets their own focus budget, not the workspace\'s', async () => {
    const own = await t.app.inject({ method: 'PUT', url: '/api/v1/focus/budget', headers: as.viewerToken, payload: { scope: 'user', channels: [] } });
    assert.equal(own.statusCode, 200);
    const workspace = await t.app.inject({ method: 'PUT', url: '/api/v1/focus/budget', headers: as.viewerToken, payload: { scope: 'workspace', channels: [] } });
    assert.equal(workspace.statusCode, 403);
  });

  test('an owner\'s API token manages members: it invites', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/invitations', headers: as.ownerToken, payload: { role: 'viewer' } });
    assert.equal(response.statusCode, 201);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fixedClock } from '../core/clock.ts';
import { makeTestApp, setupOwner, type TestApp } from '../../../test/helpers.ts';
import { exampleOf, operationsOf, type Operation } from '../../../test/openapi-requests.ts';
import { bodyIdKinds, computeOnlyPosts, kindOf, notIds, staticWildcards } from '../../../test/route-ids.ts';
import { addWorkspace, seedWorkspace, sender, type Seeded } from '../../../test/workspaces.ts';

// Every route of the app, taken from its own route table: a member of workspace A who uses the ids of
// workspace B gets 404, and A's lists never show B's rows. A new route is covered without editing this file;
// a route whose parameter cannot be mapped to a kind of record fails until test/route-ids.ts learns it.

describe('tenant isolation: every route, workspace A against workspace B', () => {
  let t: TestApp;
  let a: Seeded;
  let b: Seeded;
  let asA: ReturnType<typeof sender>;
  let asB: ReturnType<typeof sender>;
  let operations: Map<string, Operation>;

  before(async () => {
    t = await makeTestApp({ clock: fixedClock(new Date('2026-03-01T09:00:00Z')) });
    const ownerA = await setupOwner(t.app);
    const ownerB = await addWorkspace(t, 'Bravo Bakery', 'bravo.owner@example.org');
    asA = sender(t, ownerA.headers);
    asB = sender(t, ownerB.headers);
    a = await seedWorkspace(t, asA, 'Alphamark');
    b = await seedWorkspace(t, asB, 'Bravomark');
    operations = new Map(operationsOf(t.app.swagger()).map((o) => [`${o.method} ${o.url}`, o]));
  });
  after(() => t.close());

  const idOf = (seeded: Seeded, kind: string) => {
    const id = seeded.ids[kind];
    assert.ok(id, `the seed has no ${kind}`);
    return id;
  };
  const fill = (url: string, values: Record<string, string>) => url.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(values[name]!));
  const requestFor = (method: string, url: string, bodyIds: Seeded = a) => {
    const operation = operations.get(`${method} ${url}`);
    const idFor = (name: string) => (bodyIdKinds[name] ? bodyIds.ids[bodyIdKinds[name]!] : undefined);
    const query = operation?.query ? new URLSearchParams(exampleOf(operation.query, '', idFor) as Record<string, string>).toString() : '';
    const body = operation?.body && operation.contentType === 'application/json' ? exampleOf(operation.body, '', idFor) : undefined;
    return { query, body };
  };
  const backupOf = async (send: typeof asB) => {
    const response = await send('GET', '/api/v1/export/backup');
    assert.equal(response.statusCode, 200);
    return response.body;
  };

  test('the route table is mapped: every route with parameters is public, static, or has an id kind for each parameter', () => {
    const withParams = t.routes.filter((r) => r.method !== 'HEAD' && /[:*]/.test(r.url));
    assert.ok(withParams.length >= 30);
    for (const route of withParams) {
      if (route.public || staticWildcards.has(route.url)) continue;
      assert.ok(route.url.startsWith('/api/v1/'), `${route.method} ${route.url} is signed-in but outside /api/v1: teach this test about it`);
      for (const [, param] of route.url.matchAll(/:(\w+)/g)) kindOf(route.url, param!);
    }
  });

  test('with B\'s ids in the path, every signed-in route answers A with 404 problem+json, and B\'s data is unchanged', async () => {
    const before = await backupOf(asB);
    const failures: string[] = [];
    let checked = 0;
    for (const route of t.routes) {
      if (route.method === 'HEAD' || route.public || staticWildcards.has(route.url) || !route.url.includes(':')) continue;
      const params = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const own: Record<string, string> = {};
      const foreign: Record<string, string> = {};
      for (const param of params) {
        const kind = kindOf(route.url, param);
        own[param] = kind ? idOf(a, kind) : notIds[param]!;
        foreign[param] = kind ? idOf(b, kind) : notIds[param]!;
      }
      // Each id parameter foreign in turn (the others A's own), then all of them foreign.
      const variants = params.filter((p) => kindOf(route.url, p)).map((p) => ({ ...own, [p]: foreign[p]! }));
      if (params.length > 1) variants.push(foreign);
      for (const values of variants) {
        const { query, body } = requestFor(route.method, route.url);
        const url = fill(route.url, values) + (query ? `?${query}` : '');
        const response = await asA(route.method, url, body);
        checked++;
        const problemJson = String(response.headers['content-type']).startsWith('application/problem+json');
        if (response.statusCode !== 404 || !problemJson) failures.push(`${route.method} ${url} → ${response.statusCode} ${response.body.slice(0, 160)}`);
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(checked >= 40, `only ${checked} requests made`);
    assert.equal(await backupOf(asB), before, 'B\'s backup changed');
  });

  test('with B\'s ids in the body (a plan\'s person, a post\'s channel, a merge…), A\'s writes are refused as 404 or 422, and B\'s data is unchanged', async () => {
    const before = await backupOf(asB);
    const failures: string[] = [];
    let checked = 0;
    for (const route of t.routes) {
      if (!['POST', 'PUT', 'PATCH'].includes(route.method) || route.public || !route.url.startsWith('/api/v1/')) continue;
      const operation = operations.get(`${route.method} ${route.url}`);
      if (!operation?.body || !JSON.stringify(operation.body).match(new RegExp(`"(${Object.keys(bodyIdKinds).join('|')})"`))) continue;
      const values: Record<string, string> = {};
      for (const [, param] of route.url.matchAll(/:(\w+)/g)) {
        const kind = kindOf(route.url, param!);
        values[param!] = kind ? idOf(a, kind) : notIds[param!]!;
      }
      const { query, body } = requestFor(route.method, route.url, b);
      const url = fill(route.url, values) + (query ? `?${query}` : '');
      const response = await asA(route.method, url, body);
      checked++;
      const text = response.body.toLowerCase();
      const leaked = Object.values(b.ids).some((id) => id && text.includes(id)) || text.includes('bravomark');
      // A 400 from the service (not the schema: its detail starts with "body.") is a refusal too, e.g. "the introducer is not in this workspace".
      const refused = [404, 422].includes(response.statusCode) || (response.statusCode === 400 && !/^body\./.test(response.json().detail ?? ''));
      if (leaked || !(refused || (computeOnlyPosts.has(route.url) && response.statusCode === 200))) failures.push(`${route.method} ${url} ${JSON.stringify(body)} → ${response.statusCode} ${response.body.slice(0, 160)}`);
    }
    assert.deepEqual(failures, []);
    assert.ok(checked >= 8, `only ${checked} routes take ids in their body`);
    assert.equal(await backupOf(asB), before, 'B\'s backup changed');
  });

  test('no answer A gets from a GET route (its own ids in the path) contains B\'s ids or texts', async () => {
    const leaks: string[] = [];
    const bValues = [...Object.values(b.ids).filter(Boolean), 'bravomark', b.workspaceSlug];
    let showsA = 0;
    for (const route of t.routes) {
      if (route.method !== 'GET' || route.public || staticWildcards.has(route.url) || !route.url.startsWith('/api/v1/')) continue;
      const values: Record<string, string> = {};
      for (const [, param] of route.url.matchAll(/:(\w+)/g)) {
        const kind = kindOf(route.url, param!);
        values[param!] = kind ? idOf(a, kind) : notIds[param!]!;
      }
      const { query } = requestFor('GET', route.url);
      const response = await asA('GET', fill(route.url, values) + (query ? `?${query}` : ''));
      assert.ok(response.statusCode < 500, `${route.url} → ${response.statusCode}`);
      const text = response.body.toLowerCase();
      for (const value of bValues) if (text.includes(value.toLowerCase())) leaks.push(`${route.url} shows B's ${value}`);
      if (text.includes('alphamark')) showsA++;
    }
    // Searching for B's records by their texts finds nothing either.
    for (const url of ['/api/v1/people?q=Bravomark', '/api/v1/consent?email=bravomark.one%40example.org', '/api/v1/people?tag=bravomark-tag']) {
      const response = await asA('GET', url);
      // The lookup echoes the address asked about; nothing else of B's may be there.
      if (response.body.toLowerCase().replaceAll('bravomark.one@example.org', '').includes('bravomark')) leaks.push(`${url} shows B's rows`);
    }
    assert.deepEqual(leaks, []);
    assert.ok(showsA >= 10, `only ${showsA} GET routes show A's own data: the check would pass vacuously`);
  });
});

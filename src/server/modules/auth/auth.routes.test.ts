import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildApp } from '../../app.ts';
import { bearer, browserFrom, makeTestApp, owner, setupOwner, testConfig, type Browser, type TestApp } from '../../../../test/helpers.ts';

describe('setup, sign-in and sessions', () => {
  let t: TestApp;
  before(async () => { t = await makeTestApp(); });
  after(() => t.close());

  test('first run creates the owner once; a second setup is refused', async () => {
    assert.deepEqual((await t.app.inject({ url: '/api/v1/setup' })).json(), { setupDone: false });
    const browser = await setupOwner(t.app);
    const session = await t.app.inject({ url: '/api/v1/auth/session', headers: browser.headers });
    assert.equal(session.json().user.role, 'owner');
    assert.equal(session.json().workspace.name, owner.workspaceName);
    assert.equal(session.json().workspace.slug, 'green-door-coaching');

    const again = await t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: { ...owner, email: 'mallory@example.com' } });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'SETUP_DONE');
    assert.deepEqual((await t.app.inject({ url: '/api/v1/setup' })).json(), { setupDone: true });
  });

  test('the session cookie is HttpOnly and SameSite', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: owner.email, password: owner.password } });
    assert.equal(response.statusCode, 200);
    const cookie = response.cookies.find((c) => c.name === 'onland_session');
    assert.equal(cookie?.httpOnly, true);
    assert.equal(cookie?.sameSite, 'Lax');
  });

  test('a wrong password and an unknown email get the same answer', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: owner.email, password: 'wrong password' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'nobody@example.com', password: 'wrong password' } });
    assert.equal(wrong.statusCode, 401);
    assert.deepEqual(wrong.json(), unknown.json());
    assert.equal(wrong.json().code, 'INVALID_CREDENTIALS');
  });

  test('a cookie write without the CSRF token is refused; with it, it goes through', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: owner.email, password: owner.password } });
    const browser = browserFrom(login);
    const forged = await t.app.inject({ method: 'POST', url: '/api/v1/people', headers: { cookie: browser.headers.cookie! }, payload: { name: 'Forged Fred' } });
    assert.equal(forged.statusCode, 403);
    assert.equal(forged.json().code, 'CSRF_FAILED');
    const real = await t.app.inject({ method: 'POST', url: '/api/v1/people', headers: browser.headers, payload: { name: 'Real Rita' } });
    assert.equal(real.statusCode, 201);
    // Reads need no token.
    assert.equal((await t.app.inject({ url: '/api/v1/people', headers: { cookie: browser.headers.cookie! } })).statusCode, 200);
  });

  test('logout ends the session', async () => {
    const browser = browserFrom(await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: owner.email, password: owner.password } }));
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: browser.headers })).statusCode, 204);
    const after = await t.app.inject({ url: '/api/v1/people', headers: browser.headers });
    assert.equal(after.statusCode, 401);
  });

  test('logout with an expired or unknown session still clears the cookie', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: 'onland_session=long-gone' } });
    assert.equal(response.statusCode, 204);
    const cleared = response.cookies.find((c) => c.name === 'onland_session');
    assert.equal(cleared?.value, '');
  });

  test('an API token works as Bearer without CSRF; a made-up token does not', async () => {
    const browser = browserFrom(await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: owner.email, password: owner.password } }));
    const auth = await bearer(t.app, browser);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/people', headers: auth, payload: { name: 'Scripted Sue' } });
    assert.equal(created.statusCode, 201);
    const fake = await t.app.inject({ url: '/api/v1/people', headers: { authorization: 'Bearer onl_made_up' } });
    assert.equal(fake.statusCode, 401);
  });

  test('unknown API routes are problem+json 404s, not 401s', async () => {
    const response = await t.app.inject({ url: '/api/v1/nothing-here' });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().code, 'ROUTE_NOT_FOUND');
  });
});

describe('members, roles and invitations', () => {
  let t: TestApp;
  let ownerBrowser: Browser;
  before(async () => {
    t = await makeTestApp();
    ownerBrowser = await setupOwner(t.app);
  });
  after(() => t.close());

  async function invite(role: string, email?: string) {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/invitations', headers: ownerBrowser.headers, payload: { role, email } });
    assert.equal(response.statusCode, 201);
    return response.json().url.split('/invite/')[1] as string;
  }
  const accept = (token: string, email: string) =>
    t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { name: email.split('@')[0], email, password: 'a long enough password' } });

  test('an invitation link makes a member with its role, and works once', async () => {
    const token = await invite('viewer');
    const accepted = await accept(token, 'vera@example.com');
    assert.equal(accepted.statusCode, 201);
    assert.equal(accepted.json().user.role, 'viewer');
    const reused = await accept(token, 'victor@example.com');
    assert.equal(reused.statusCode, 410);
    assert.equal(reused.json().code, 'INVITATION_INVALID');
  });

  test('an invitation for one email cannot be taken by another', async () => {
    const token = await invite('editor', 'eddie@example.com');
    assert.equal((await accept(token, 'someone@example.com')).statusCode, 410);
  });

  test('a viewer reads but cannot write; an editor writes but cannot manage members', async () => {
    const viewer = browserFrom(await accept(await invite('viewer'), 'vic@example.com'));
    assert.equal((await t.app.inject({ url: '/api/v1/people', headers: viewer.headers })).statusCode, 200);
    const write = await t.app.inject({ method: 'POST', url: '/api/v1/people', headers: viewer.headers, payload: { name: 'Nope' } });
    assert.equal(write.statusCode, 403);
    assert.equal(write.json().code, 'FORBIDDEN');

    const editor = browserFrom(await accept(await invite('editor'), 'edna@example.com'));
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/people', headers: editor.headers, payload: { name: 'Yes' } })).statusCode, 201);
    const manage = await t.app.inject({ method: 'POST', url: '/api/v1/invitations', headers: editor.headers, payload: { role: 'owner' } });
    assert.equal(manage.statusCode, 403);
  });

  test('a viewer\'s API token carries the viewer role', async () => {
    const viewer = browserFrom(await accept(await invite('viewer'), 'vip@example.com'));
    const auth = await bearer(t.app, viewer);
    const write = await t.app.inject({ method: 'POST', url: '/api/v1/people', headers: auth, payload: { name: 'Nope' } });
    assert.equal(write.statusCode, 403);
  });

  test('the last owner cannot be demoted', async () => {
    const members = (await t.app.inject({ url: '/api/v1/members', headers: ownerBrowser.headers })).json().items;
    const me = members.find((m: { role: string }) => m.role === 'owner');
    const demote = await t.app.inject({ method: 'PATCH', url: `/api/v1/members/${me.id}`, headers: ownerBrowser.headers, payload: { role: 'viewer' } });
    assert.equal(demote.statusCode, 409);
    assert.equal(demote.json().code, 'LAST_OWNER');
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  before(async () => { t = await makeTestApp({ loginRateLimit: 3 }); });
  after(() => t.close());

  test('the fourth attempt in a minute is refused with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'x@example.com', password: 'whatever' } })).statusCode);
    }
    assert.deepEqual(statuses, [401, 401, 401, 429]);
    const limited = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'x@example.com', password: 'whatever' } });
    assert.equal(limited.json().code, 'RATE_LIMITED');
  });

  test('the count is kept in the database, so a second server process on it sees the same limit', async () => {
    const second = await buildApp({ config: testConfig(), database: t.database, loginRateLimit: 3 });
    try {
      const attempt = { method: 'POST' as const, url: '/api/v1/auth/login', remoteAddress: '10.0.0.7', payload: { email: 'y@example.com', password: 'whatever' } };
      assert.equal((await t.app.inject(attempt)).statusCode, 401);
      assert.equal((await second.app.inject(attempt)).statusCode, 401);
      assert.equal((await t.app.inject(attempt)).statusCode, 401);
      assert.equal((await second.app.inject(attempt)).statusCode, 429);
    } finally {
      await second.app.close();
    }
  });
});

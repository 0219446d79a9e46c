import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fixedClock } from '../core/clock.ts';
import { browserFrom, makeTestApp, owner, setupOwner, type Browser, type TestApp } from '../../../test/helpers.ts';
import { sender } from '../../../test/workspaces.ts';

// Sign-in and secrets: sessions end, password reset links work once and expire, channel credentials are not
// readable in the database. (The login rate limit is in modules/auth/auth.routes.test.ts.)

const day = 24 * 3600_000;

describe('auth: sessions, password reset links, credentials at rest', () => {
  const clock = fixedClock(new Date('2026-03-01T09:00:00Z'));
  let t: TestApp;
  let browser: Browser;
  before(async () => {
    t = await makeTestApp({ clock, loginRateLimit: 20 });
    browser = await setupOwner(t.app);
  });
  after(() => t.close());

  const login = (password = owner.password) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: owner.email, password } });
  const session = (b: Browser) => t.app.inject({ url: '/api/v1/auth/session', headers: b.headers });
  const resetLinks = async () => (await t.database.query(`select message->>'to' as "to", message->>'text' as text from mail_queue where message->>'text' like '%/app/reset/%' order by created_at`)).rows
    .map((r) => ({ to: (r as { to: string }).to, token: /\/app\/reset\/([\w-]+)/.exec((r as { text: string }).text)![1]! }));
  const reset = (token: string, password: string) => t.app.inject({ method: 'POST', url: `/api/v1/auth/password-reset/${token}`, payload: { password } });

  test('a session ends after the configured days, and the hourly job deletes it', async () => {
    const signedIn = browserFrom(await login());
    clock.advance(29 * day);
    assert.equal((await session(signedIn)).statusCode, 200);
    clock.advance(1 * day + 1000);
    const expired = await session(signedIn);
    assert.equal(expired.statusCode, 401);
    assert.equal(expired.json().code, 'UNAUTHENTICATED');
    assert.ok((await t.services.auth.purgeExpiredSessions()) >= 1);
    browser = browserFrom(await login());
  });

  test('a reset link sets a new password once, ends every session, and the old password stops working', async () => {
    const other = browserFrom(await login());
    const asked = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: owner.email.toUpperCase() } });
    assert.equal(asked.statusCode, 202);
    const [link] = await resetLinks();
    assert.equal(link?.to, owner.email);
    assert.equal((await reset(link!.token, 'a brand new password')).statusCode, 204);
    // Once only.
    const again = await reset(link!.token, 'yet another password');
    assert.equal(again.statusCode, 410);
    assert.equal(again.json().code, 'RESET_INVALID');
    assert.equal((await session(other)).statusCode, 401, 'the sessions of before are over');
    assert.equal((await login()).statusCode, 401);
    assert.equal((await login('a brand new password')).statusCode, 200);
    owner.password = 'a brand new password';
  });

  test('a reset link expires after an hour; a newer password voids the older links', async () => {
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: owner.email } });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: owner.email } });
    const [, first, second] = await resetLinks();
    clock.advance(61 * 60_000);
    assert.equal((await reset(first!.token, 'too late a password')).json().code, 'RESET_INVALID');
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: owner.email } });
    const third = (await resetLinks()).at(-1)!;
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: owner.email } });
    const fourth = (await resetLinks()).at(-1)!;
    assert.equal((await reset(third.token, 'the third password')).statusCode, 204);
    assert.equal((await reset(fourth.token, 'the fourth password')).statusCode, 410, 'voided by the newer password');
    assert.notEqual(second!.token, third.token);
    owner.password = 'the third password';
    assert.equal((await login()).statusCode, 200);
  });

  test('asking for a reset tells nobody whether the address has an account, mails nobody unknown, and is rate limited', async () => {
    const known = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: owner.email } });
    const before = (await resetLinks()).length;
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'nobody@example.org' } });
    assert.deepEqual([unknown.statusCode, unknown.body], [known.statusCode, known.body]);
    assert.equal(unknown.statusCode, 202);
    assert.equal((await resetLinks()).length, before);
    assert.equal((await reset('made-up-token', 'some long password')).statusCode, 410);
    const answers = [];
    for (let i = 0; i < 21; i++) answers.push((await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'nobody@example.org' }, remoteAddress: '192.0.2.77' })).statusCode);
    assert.deepEqual([answers[19], answers[20]], [202, 429]);
  });

  test('channel credentials are unreadable in a dump of every table and in the backup export', async () => {
    browser = browserFrom(await login());
    const api = sender(t, browser.headers);
    const secret = 'mastodon-access-token-7f3a9c1e5b';
    const created = await api('POST', '/api/v1/channels', { platform: 'mastodon', name: 'Mastodon', mode: 'api', account: 'https://social.example/@olivia', credentials: { accessToken: secret } });
    assert.equal(created.statusCode, 201);
    assert.ok(!created.body.includes(secret), 'the API never returns it');
    // Every row of every table as text: what a pg_dump or a stolen data folder would show.
    const tables = (await t.database.query(`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`)).rows.map((r) => (r as { table_name: string }).table_name);
    assert.ok(tables.includes('channels'));
    let dump = '';
    for (const table of tables) dump += (await t.database.query(`select t::text as row from "${table}" t`)).rows.map((r) => (r as { row: string }).row).join('\n');
    assert.ok(dump.includes('social.example/@olivia'), 'the dump holds the channel');
    assert.ok(!dump.includes(secret), 'the token is not in the dump');
    assert.ok(!dump.includes(Buffer.from(secret).toString('base64')), 'nor in base64');
    const backup = await api('GET', '/api/v1/export/backup');
    assert.ok(!backup.body.includes(secret), 'nor in the backup export');
    // It is still there for the publisher, sealed with the instance secret.
    const { workspaceId } = await t.services.auth.ownerAuth();
    assert.deepEqual(await t.services.posts.credentialsOf(workspaceId, created.json().id), { accessToken: secret });
  });
});

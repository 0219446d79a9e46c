import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fixedClock } from '../../core/clock.ts';
import { browserFrom, makeTestApp, owner, setupOwner, type Browser, type TestApp } from '../../../../test/helpers.ts';
import type { Auth } from '../auth/index.ts';

const day = 24 * 3600 * 1000;

describe('the consent ledger', () => {
  const clock = fixedClock(new Date('2026-11-20T12:00:00Z'));
  let t: TestApp;
  let browser: Browser;
  let auth: Auth;
  before(async () => {
    t = await makeTestApp({ clock });
    browser = await setupOwner(t.app);
    auth = await t.services.auth.ownerAuth();
  });
  after(() => t.close());

  const consent = () => t.services.consent;
  const evidence = { purpose: 'newsletter' as const, basis: 'express' as const, method: 'form' as const, form: 'subscribe', wording: 'Yes, email me updates (about once a month).', wordingVersion: 'v1', ip: '203.0.113.7', userAgent: 'Firefox' };

  test('no update or delete reaches a consent record, whatever the SQL', async () => {
    const record = await consent().record(auth.workspaceId, { ...evidence, email: 'ledger@example.org', action: 'request' });
    await assert.rejects(t.database.query('update consent_records set action = $1 where id = $2', ['confirm', record.id]), /append-only/);
    await assert.rejects(t.database.query('delete from consent_records where id = $1', [record.id]), /append-only/);
    await assert.rejects(t.database.query('delete from consent_records'), /append-only/);
    const { rows } = await t.database.query('select action from consent_records where id = $1', [record.id]);
    assert.equal(rows[0]!.action, 'request');
  });

  test('double opt-in: mailable only after the confirmation, and never once unsubscribed', async () => {
    const email = 'sub@example.org';
    await consent().record(auth.workspaceId, { ...evidence, email, action: 'request' });
    assert.equal(await consent().canMail(auth.workspaceId, email, 'newsletter'), false);
    await consent().record(auth.workspaceId, { ...evidence, email: ' SUB@example.org', action: 'confirm' });
    assert.equal(await consent().canMail(auth.workspaceId, email, 'newsletter'), true);
    assert.equal(await consent().canMail(auth.workspaceId, email, 'event_updates'), false, 'consent is per purpose');
    await consent().record(auth.workspaceId, { ...evidence, email, action: 'withdraw', method: 'email' });
    assert.equal(await consent().canMail(auth.workspaceId, email, 'newsletter'), false);
  });

  test('implied consent from an inquiry lasts six months', async () => {
    const email = 'asker@example.org';
    const expiresAt = new Date(clock.now().getTime() + 182 * day);
    await consent().record(auth.workspaceId, { email, purpose: 'newsletter', action: 'grant', basis: 'implied', expiresAt, method: 'form', form: 'ask' });
    assert.equal(await consent().canMail(auth.workspaceId, email, 'newsletter'), true);
    clock.advance(183 * day);
    assert.equal(await consent().canMail(auth.workspaceId, email, 'newsletter'), false);
  });

  test('a suppressed address is never mailable, consent or not', async () => {
    const email = 'bounced@example.org';
    await consent().record(auth.workspaceId, { ...evidence, email, action: 'grant', method: 'in_person' });
    await consent().suppress(auth.workspaceId, email, 'bounced');
    assert.equal(await consent().canMail(auth.workspaceId, email, 'newsletter'), false);
  });

  test('erasing forgets the address but keeps the anonymous proof and the suppression', async () => {
    const email = 'erase.me@example.org';
    await consent().record(auth.workspaceId, { ...evidence, email, action: 'grant', method: 'in_person' });
    const before = (await t.database.query('select count(*)::int as n from consent_records')).rows[0]!.n;
    await consent().erase(auth, email);
    assert.equal((await t.database.query('select count(*)::int as n from consent_records')).rows[0]!.n, before);
    assert.equal((await t.database.query(`select count(*)::int as n from consent_subjects where email = $1`, [email])).rows[0]!.n, 0);
    assert.equal(await consent().canMail(auth.workspaceId, email, 'newsletter'), false);
    // Signing up again does not undo an erasure's suppression.
    await consent().record(auth.workspaceId, { ...evidence, email, action: 'confirm' });
    assert.equal(await consent().canMail(auth.workspaceId, email, 'newsletter'), false);
  });

  test('the API shows the proof for one address; a member records consent given in person', async () => {
    // A session of its own: other tests move the clock.
    browser = browserFrom(await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: owner.email, password: owner.password } }));
    const given = await t.app.inject({ method: 'POST', url: '/api/v1/consent/in-person', headers: browser.headers, payload: { email: 'Met@Example.org', purpose: 'event_updates', wording: 'Yes, tell me about the next meetup.' } });
    assert.equal(given.statusCode, 204);
    const lookup = (await t.app.inject({ url: '/api/v1/consent?email=met@example.org', headers: browser.headers })).json();
    assert.equal(lookup.states.event_updates, 'subscribed');
    assert.equal(lookup.states.newsletter, 'none');
    assert.equal(lookup.records[0].wording, 'Yes, tell me about the next meetup.');
    assert.equal(lookup.records[0].method, 'in_person');
    await t.app.inject({ method: 'POST', url: '/api/v1/suppressions', headers: browser.headers, payload: { email: 'met@example.org' } });
    const after = (await t.app.inject({ url: '/api/v1/consent?email=met@example.org', headers: browser.headers })).json();
    assert.equal(after.suppressed.reason, 'manual');
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeTestApp, setupOwner, type Browser, type TestApp } from '../../../../test/helpers.ts';

describe('a person\'s rights: export and erasure', () => {
  let t: TestApp;
  let browser: Browser;
  before(async () => {
    t = await makeTestApp();
    browser = await setupOwner(t.app);
  });
  after(() => t.close());

  const api = (method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers: browser.headers, payload });
  const ask = (body: string) => t.app.inject({ method: 'POST', url: '/ask', payload: body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });

  test('everything about one person comes out as one JSON file', async () => {
    await ask('name=Eva+Export&email=eva%40example.org&question=Hello%3F&newsletter=yes');
    const [eva] = (await api('GET', '/api/v1/people?q=eva')).json().items;
    await api('POST', '/api/v1/plans', { personId: eva.id, kind: 'call', startsAt: '2027-01-10T10:00:00Z' });
    const response = await api('GET', `/api/v1/people/${eva.id}/export`);
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-disposition'] as string, /attachment/);
    const data = response.json();
    assert.equal(data.person.name, 'Eva Export');
    assert.equal(data.interactions[0].kind, 'question');
    assert.equal(data.plans.length, 1);
    assert.equal(data.questions[0].body, 'Hello?');
    assert.deepEqual(data.consent[0].records.map((r: { action: string }) => r.action), ['grant', 'request']);
  });

  test('erasure removes the person and their data, cancels queued mail, and keeps the address suppressed', async () => {
    const [eva] = (await api('GET', '/api/v1/people?q=eva')).json().items;
    const queuedBefore = (await t.database.query(`select count(*)::int as n from mail_queue where message->>'to' = 'eva@example.org' and status = 'queued'`)).rows[0]!.n;
    assert.equal(queuedBefore, 1, 'the confirmation email was waiting');
    assert.equal((await api('POST', `/api/v1/people/${eva.id}/erase`)).statusCode, 204);
    assert.equal((await api('GET', `/api/v1/people/${eva.id}`)).statusCode, 404);
    assert.equal((await api('GET', '/api/v1/questions')).json().items.length, 0);
    assert.equal((await t.database.query(`select count(*)::int as n from mail_queue where message->>'to' = 'eva@example.org'`)).rows[0]!.n, 0);
    assert.equal((await t.database.query(`select count(*)::int as n from consent_subjects where email = 'eva@example.org'`)).rows[0]!.n, 0);
    const lookup = (await api('GET', '/api/v1/consent?email=eva@example.org')).json();
    assert.equal(lookup.suppressed.reason, 'erased');
    // Asking again later is a new person, but the address is never mailed.
    await ask('name=Eva&email=eva%40example.org&question=Me+again&newsletter=yes');
    assert.equal(await t.services.consent.canMail((await t.services.auth.ownerAuth()).workspaceId, 'eva@example.org', 'newsletter'), false);
    assert.equal((await t.database.query(`select count(*)::int as n from mail_queue where message->>'to' = 'eva@example.org'`)).rows[0]!.n, 0);
  });
});

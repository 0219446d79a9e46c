import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { browserFrom, makeTestApp, setupOwner, type Browser, type TestApp } from '../../../../test/helpers.ts';

describe('outbox API', () => {
  let t: TestApp;
  let browser: Browser;
  before(async () => {
    t = await makeTestApp();
    browser = await setupOwner(t.app);
  });
  after(() => t.close());

  test('the owner sees mail that went to the local outbox and can read it', async () => {
    const { workspaceId } = await t.services.auth.ownerAuth();
    await t.services.mailer.send({ to: 'sam@example.org', subject: 'Welcome aboard', text: 'Hello Sam' }, { workspaceId });
    // Another workspace's mail on the same machine is not this owner's to read.
    await t.services.mailer.send({ to: 'eve@example.org', subject: 'Elsewhere', text: 'Hello Eve' }, { workspaceId: '00000000-0000-4000-8000-00000000000e' });
    const list = await t.app.inject({ url: '/api/v1/outbox', headers: browser.headers });
    assert.equal(list.statusCode, 200);
    assert.deepEqual(list.json().items.map((m: { subject: string }) => m.subject), ['Welcome aboard']);
    const [entry] = list.json().items;
    assert.equal(entry.subject, 'Welcome aboard');
    const message = await t.app.inject({ url: `/api/v1/outbox/${entry.id}`, headers: browser.headers });
    assert.equal(message.headers['content-type'], 'message/rfc822');
    assert.match(message.body, /Hello Sam/);
    assert.equal((await t.app.inject({ url: '/api/v1/outbox/nope', headers: browser.headers })).statusCode, 404);
  });

  test('an editor may not read the outbox', async () => {
    const invitation = await t.app.inject({ method: 'POST', url: '/api/v1/invitations', headers: browser.headers, payload: { role: 'editor' } });
    const token = invitation.json().url.split('/invite/')[1];
    const editor = browserFrom(await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { name: 'Ed', email: 'ed@example.com', password: 'long enough password' } }));
    assert.equal((await t.app.inject({ url: '/api/v1/outbox', headers: editor.headers })).statusCode, 403);
  });
});

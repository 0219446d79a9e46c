import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { makeTestApp, type TestApp } from '../../../test/helpers.ts';
import { createMailer, deliverQueuedMail, enqueueMail, enqueueMails, type Mailer } from './index.ts';

describe('mail queue', () => {
  let t: TestApp;
  let workspaceId: string;
  before(async () => {
    t = await makeTestApp();
    await t.services.auth.setup({ workspaceName: 'Queue', name: 'Q', email: 'q@example.org', password: 'long enough password' });
    workspaceId = (await t.services.auth.ownerAuth()).workspaceId;
  });
  after(() => t.close());

  const now = () => new Date();
  const message = (to: string) => ({ to, subject: `Hello ${to}`, text: 'Hi' });

  test('queued mail is sent once by the worker; the same dedupe key queues nothing more', async () => {
    assert.equal(await enqueueMail(t.database.db, workspaceId, message('a@example.org'), { dedupeKey: 'confirm:a', now: now() }), true);
    assert.equal(await enqueueMail(t.database.db, workspaceId, message('a@example.org'), { dedupeKey: 'confirm:a', now: now() }), false);
    await enqueueMail(t.database.db, workspaceId, message('b@example.org'), { now: now() });
    const mailer = createMailer({ dataDir: mkdtempSync(join(tmpdir(), 'onland-queue-')), from: 'Onland <o@example.org>' });
    assert.deepEqual(await deliverQueuedMail(t.database.db, mailer, now), { sent: 2, failed: 0 });
    assert.deepEqual(await deliverQueuedMail(t.database.db, mailer, now), { sent: 0, failed: 0 });
    assert.deepEqual((await mailer.listOutbox(workspaceId)).map((m) => m.to).sort(), ['a@example.org', 'b@example.org']);
  });

  test('many messages queued at once arrive as written, each dedupe key once', async () => {
    const qr = Buffer.from('not really a png').toString('base64');
    const items = [
      { message: { ...message('c@example.org'), html: '<p>Hi Ç</p>', attachments: [{ filename: 'check-in.png', content: qr, encoding: 'base64' as const, contentType: 'image/png', cid: 'qr' }] }, dedupeKey: 'many:c' },
      { message: message('d@example.org'), dedupeKey: 'many:d' },
      { message: message('e@example.org') },
    ];
    assert.equal(await enqueueMails(t.database.db, workspaceId, items, { now: now() }), 3);
    assert.equal(await enqueueMails(t.database.db, workspaceId, items.slice(0, 2), { now: now() }), 0, 'already queued');
    const dir = mkdtempSync(join(tmpdir(), 'onland-queue-'));
    const mailer = createMailer({ dataDir: dir, from: 'Onland <o@example.org>' });
    assert.deepEqual(await deliverQueuedMail(t.database.db, mailer, now), { sent: 3, failed: 0 });
    const outbox = await mailer.listOutbox(workspaceId);
    const c = await mailer.readOutbox(workspaceId, outbox.find((m) => m.to === 'c@example.org')!.id);
    assert.match(c!, /filename=check-in\.png/);
    assert.ok(c!.replace(/\r?\n/g, '').includes(qr));
  });

  test('while the web server has requests waiting, a run sends ten and leaves the rest to the next', async () => {
    await enqueueMails(t.database.db, workspaceId, Array.from({ length: 25 }, (_, i) => ({ message: message(`burst${i}@example.org`) })), { now: now() });
    const mailer = createMailer({ dataDir: mkdtempSync(join(tmpdir(), 'onland-queue-')), from: 'Onland <o@example.org>' });
    assert.deepEqual(await deliverQueuedMail(t.database.db, mailer, now, 100, { busy: () => true }), { sent: 10, failed: 0 });
    assert.deepEqual(await deliverQueuedMail(t.database.db, mailer, now, 100, { busy: () => false }), { sent: 15, failed: 0 });
    assert.equal((await mailer.listOutbox(workspaceId)).length, 25);
  });

  test('a message the SMTP server refuses stays queued for the next run, and fails after five tries', async () => {
    await enqueueMail(t.database.db, workspaceId, message('refused@example.org'), { now: now() });
    // Failure injection: a mailer whose server refuses everything.
    const refusing: Mailer = { send: async () => { throw new Error('550 mailbox unavailable'); }, listOutbox: async () => [], readOutbox: async () => null, close: () => {} };
    for (let run = 1; run <= 5; run++) assert.deepEqual(await deliverQueuedMail(t.database.db, refusing, now), { sent: 0, failed: 1 });
    assert.deepEqual(await deliverQueuedMail(t.database.db, refusing, now), { sent: 0, failed: 0 });
    const { rows } = await t.database.query(`select status, attempts, last_error from mail_queue where message->>'to' = 'refused@example.org'`);
    assert.deepEqual(rows[0], { status: 'failed', attempts: 5, last_error: '550 mailbox unavailable' });
  });
});

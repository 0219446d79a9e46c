import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { createMailer, deliverQueuedMail } from '../../mail/index.ts';
import { makeTestApp, type TestApp } from '../../../../test/helpers.ts';

describe('double opt-in and one-click unsubscribe', () => {
  let t: TestApp;
  let workspaceId: string;
  const inbox: string[] = [];
  let smtp: SMTPServer;
  let smtpUrl: string;
  before(async () => {
    t = await makeTestApp();
    await t.services.auth.setup({ workspaceName: 'Green Door', name: 'O', email: 'owner@example.org', password: 'long enough password' });
    workspaceId = (await t.services.auth.ownerAuth()).workspaceId;
    smtp = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
      onData(stream, _session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => { inbox.push(Buffer.concat(chunks).toString('utf8')); done(); });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`;
  });
  after(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await t.close();
  });

  const form = (url: string, body: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
  // Each delivery run's mailer is closed after it, so the SMTP server is not left waiting on its connections.
  const deliver = async () => {
    const mailer = createMailer({ smtpUrl, dataDir: t.config.dataDir, from: 'Green Door <news@green.example>' });
    try {
      return await deliverQueuedMail(t.database.db, mailer, () => new Date());
    } finally {
      mailer.close();
    }
  };
  const canMail = (email: string) => t.services.consent.canMail(workspaceId, email, 'newsletter');

  test('the form works without JavaScript, in German too', async () => {
    const page = await t.app.inject({ url: '/subscribe', headers: { 'accept-language': 'de' } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Neuigkeiten von Green Door/);
    assert.match(page.body, /<form method="post" action="\/subscribe"/);
    assert.doesNotMatch(page.body, /<script/);
  });

  test('sign up, one email for two requests, a GET confirms nothing, the button does; the proof is in the ledger', async () => {
    const email = 'Fan@Example.org';
    const first = await form('/subscribe', `email=${encodeURIComponent(email)}`, { 'user-agent': 'TestBrowser/1.0' });
    assert.equal(first.statusCode, 303);
    assert.equal(first.headers.location, '/subscribe/check-inbox');
    await form('/subscribe', 'email=fan%40example.org');
    assert.deepEqual(await deliver(), { sent: 1, failed: 0 });
    assert.equal(inbox.length, 1);
    assert.match(inbox[0]!, /To: fan@example\.org/);
    const link = inbox[0]!.replace(/=\r?\n/g, '').match(/http:\/\/localhost:3000(\/subscribe\/confirm\/[\w.-]+)/)![1]!;

    const landing = await t.app.inject({ url: link });
    assert.equal(landing.statusCode, 200);
    assert.match(landing.body, /<form method="post"/);
    assert.equal(await canMail(email), false, 'a link scanner following the GET confirms nothing');

    const confirmed = await form(link, '');
    assert.equal(confirmed.statusCode, 200);
    assert.match(confirmed.body, /You are subscribed/);
    assert.equal(await canMail(email), true);

    const proof = await t.services.consent.lookup(await t.services.auth.ownerAuth(), email);
    assert.deepEqual(proof.records.map((r) => r.action), ['request', 'confirm']);
    assert.match(proof.records[0]!.wording ?? '', /unsubscribe at any time/);
    assert.equal(proof.records[0]!.userAgent, 'TestBrowser/1.0');
    assert.ok(proof.records[0]!.ip);
  });

  test('sign-ups arriving together: each new address one email, the same address sent at once still one, a bounced address none', async () => {
    await t.services.consent.suppress(workspaceId, 'bounced@example.org', 'bounced');
    const queued = async () => Number((await t.database.query(`select count(*)::int as n from mail_queue where dedupe_key like 'subscribe-confirm:%'`)).rows[0]!.n);
    const before = await queued();
    const addresses = [...Array.from({ length: 12 }, (_, i) => `crowd${i}@example.org`), ...Array.from({ length: 6 }, () => 'Twice@Example.org'), 'bounced@example.org'];
    const answers = await Promise.all(addresses.map((email) => form('/subscribe', `email=${encodeURIComponent(email)}`)));
    assert.deepEqual([...new Set(answers.map((a) => a.statusCode))], [303]);
    assert.equal(await queued() - before, 13);
    const auth = await t.services.auth.ownerAuth();
    for (const email of ['crowd0@example.org', 'crowd11@example.org', 'twice@example.org']) {
      const proof = await t.services.consent.lookup(auth, email);
      assert.deepEqual([proof.states.newsletter, proof.records.map((r) => r.action)], ['pending', ['request']], email);
    }
    assert.equal((await t.services.consent.lookup(auth, 'bounced@example.org')).records.length, 0);
  });

  test('one-click unsubscribe (RFC 8058 POST) takes effect at once, without a login', async () => {
    const email = 'fan@example.org';
    const link = new URL(t.services.subscribe.unsubscribeLink(workspaceId, email)).pathname;
    const page = await t.app.inject({ url: link });
    assert.match(page.body, /<button class="button" type="submit">Unsubscribe<\/button>/);
    assert.equal(await canMail(email), true, 'opening the page changes nothing');
    const done = await form(link, 'List-Unsubscribe=One-Click');
    assert.equal(done.statusCode, 200);
    assert.equal(await canMail(email), false);
    assert.equal(await t.services.consent.isSuppressed(workspaceId, email), true);
  });

  test('a bot filling the hidden field and a bad address write nothing; a tampered link is refused', async () => {
    const before = (await t.database.query('select count(*)::int as n from consent_records')).rows[0]!.n;
    const bot = await form('/subscribe', 'email=bot%40example.org&website=http%3A%2F%2Fspam.example');
    assert.equal(bot.statusCode, 303);
    const bad = await form('/subscribe', 'email=not-an-address');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Please enter an email address/);
    assert.equal((await t.database.query('select count(*)::int as n from consent_records')).rows[0]!.n, before);
    assert.equal((await form('/subscribe/confirm/eyJ3IjoieCJ9.forged', '')).statusCode, 410);
    assert.equal((await form('/unsubscribe/garbage', '')).statusCode, 410);
  });
});

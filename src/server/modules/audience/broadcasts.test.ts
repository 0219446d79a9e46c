import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decodeQuotedPrintable, startSmtpInbox } from '../../../../test/smtp-inbox.ts';
import { makeTestApp, onPostgres, setupOwner, type Browser, type TestApp } from '../../../../test/helpers.ts';
import type { Auth } from '../auth/index.ts';

type Inbox = Awaited<ReturnType<typeof startSmtpInbox>>;

// Broadcasts through a real SMTP server: who gets one, what it looks like, leaving with one click.
describe('broadcasts', () => {
  let inbox: Inbox;
  let t: TestApp;
  let browser: Browser;
  let auth: Auth;
  before(async () => {
    inbox = await startSmtpInbox();
    t = await makeTestApp({ config: { smtpUrl: inbox.url } });
    browser = await setupOwner(t.app);
    auth = await t.services.auth.ownerAuth();
    // No waiting between messages in these tests, unless a test sets a rate.
    await api('PATCH', '/api/v1/settings/audience', { sendRatePerMinute: null });
  });
  after(async () => {
    await t.close();
    await inbox.close();
  });

  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => t.app.inject({ method, url, headers: browser.headers, payload });
  const subscribed = async (email: string, purpose: 'newsletter' | 'event_updates' = 'newsletter') => {
    await t.services.consent.record(auth.workspaceId, { email, purpose, action: 'request', basis: 'express', method: 'form', form: 'subscribe' });
    await t.services.consent.record(auth.workspaceId, { email, purpose, action: 'confirm', basis: 'express', method: 'form', form: 'subscribe' });
  };
  const person = (name: string, emails: string[], tags: string[] = []) => api('POST', '/api/v1/people', { name, emails, tags });
  const draft = async (subject: string, segment: object, body = 'Hello **everyone**.\n\nSee you [at the meetup](https://green.example/meetup).') => {
    const response = await api('POST', '/api/v1/broadcasts', { subject, body, segment });
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as { id: string };
  };
  const sendNow = async (id: string) => {
    const response = await api('POST', `/api/v1/broadcasts/${id}/send`, {});
    assert.equal(response.statusCode, 200, response.body);
    return t.services.broadcastSender.run();
  };
  const receivedBy = (subject: string) => inbox.received.filter((m) => m.raw.includes(`Subject: ${subject}`)).flatMap((m) => m.to).sort();

  test('a broadcast reaches exactly the consented, unsuppressed addresses, each once, with both parts and the one-click headers', async () => {
    await subscribed('ann@example.org');
    await subscribed('ben@example.org');
    await subscribed('cat@example.org');
    await t.services.consent.suppress(auth.workspaceId, 'cat@example.org', 'bounced');
    await subscribed('dan@example.org', 'event_updates');
    // An imported contact without consent, and a subscriber who is also a person: one email each at most.
    await person('Imported Ida', ['ida@example.org'], ['imported']);
    await person('Ann Again', ['ann@example.org'], ['friends']);
    // Pending, never confirmed.
    await t.services.consent.record(auth.workspaceId, { email: 'eve@example.org', purpose: 'newsletter', action: 'request', basis: 'express', method: 'form' });

    const segment = { purpose: 'newsletter' };
    assert.equal((await api('POST', '/api/v1/broadcasts/audience', segment)).json().count, 2);
    const { id } = await draft('November news', segment);
    const run = await sendNow(id);
    assert.equal(run.sent, 2);
    assert.deepEqual(receivedBy('November news'), ['ann@example.org', 'ben@example.org']);

    const ann = decodeQuotedPrintable(inbox.received.find((m) => m.to[0] === 'ann@example.org')!.raw);
    const link = ann.match(/List-Unsubscribe: <(http:\/\/localhost:3000\/unsubscribe\/[\w.-]+)>/)?.[1];
    assert.ok(link, 'List-Unsubscribe carries the one-click link');
    assert.match(ann, /List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
    assert.match(ann, /Content-Type: text\/plain/);
    assert.match(ann, /Content-Type: text\/html/);
    assert.match(ann, /Hello \*\*everyone\*\*\./, 'the text part is the markdown');
    assert.match(ann, /<p>Hello <strong>everyone<\/strong>\.<\/p>/, 'the HTML part is rendered');
    assert.match(ann, /<a href="https:\/\/green\.example\/meetup">at the meetup<\/a>/);

    // One click in the mail client: a POST to the header's link, no login.
    const unsubscribe = await t.app.inject({ method: 'POST', url: new URL(link).pathname, payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(unsubscribe.statusCode, 200);
    const lookup = (await api('GET', '/api/v1/consent?email=ann@example.org')).json();
    assert.equal(lookup.states.newsletter, 'unsubscribed');
    assert.equal(lookup.suppressed.reason, 'unsubscribed');

    const report = (await api('GET', `/api/v1/broadcasts/${id}`)).json();
    assert.equal(report.status, 'sent');
    assert.deepEqual(report.report, { recipients: 2, pending: 0, sent: 2, failed: 0, skipped: 0, unsubscribedSince: 1 });

    // The next broadcast leaves Ann out.
    const next = await draft('December news', segment);
    await sendNow(next.id);
    assert.deepEqual(receivedBy('December news'), ['ben@example.org']);
  });

  test('segments by tag and ladder step only ever pick people who consented', async () => {
    await subscribed('fay@example.org');
    await subscribed('gus@example.org');
    await person('Fay', ['fay@example.org'], ['coaching']);
    await person('Gus', ['gus@example.org'], ['bakery']);
    await person('Hal', ['hal@example.org'], ['coaching']);
    const byTag = { purpose: 'newsletter', tags: ['coaching'] };
    assert.equal((await api('POST', '/api/v1/broadcasts/audience', byTag)).json().count, 1);
    const { id } = await draft('Coaching corner', byTag);
    await sendNow(id);
    assert.deepEqual(receivedBy('Coaching corner'), ['fay@example.org']);
    // Nobody of them has met in person yet.
    assert.equal((await api('POST', '/api/v1/broadcasts/audience', { purpose: 'newsletter', tags: ['coaching'], minLadderStep: 'met' })).json().count, 0);
  });

  test('a segment by event attendance picks who came, at the address they registered with, and only those who consented', async () => {
    const localStart = new Date(Date.now() + 7 * 24 * 3600_000).toISOString().slice(0, 10) + 'T19:00';
    const series = await t.services.events.createSeries(auth, {
      title: 'Harbour meetup', description: '', rrule: null, timezone: 'Europe/Berlin', localStart, durationMinutes: 120,
      capacity: 10, venue: 'The Boathouse', address: null, onlineUrl: null, isPublic: true,
    });
    const occurrence = series.occurrences[0]!;
    const register = (name: string, email: string) => t.services.registrations.register(occurrence.slug, { name, email, source: null, consent: false, locale: 'en', ip: '192.0.2.1', userAgent: 'test' });
    // Ivy and Kay come; Jon registers but stays away. Ivy and Jon subscribed to the newsletter, Kay did not.
    for (const [name, email] of [['Ivy', 'ivy@example.org'], ['Jon', 'jon@example.org'], ['Kay', 'kay@example.org']] as const) await register(name, email);
    await subscribed('ivy@example.org');
    await subscribed('jon@example.org');
    const list = (await api('GET', `/api/v1/events/occurrences/${occurrence.id}/registrations`)).json() as { confirmed: { id: string; email: string }[] };
    for (const email of ['ivy@example.org', 'kay@example.org']) {
      const registration = list.confirmed.find((r) => r.email === email)!;
      assert.equal((await api('POST', `/api/v1/events/occurrences/${occurrence.id}/check-in`, { registrationId: registration.id })).statusCode, 200);
    }

    const cameSegment = { purpose: 'newsletter', attendedOccurrenceIds: [occurrence.id] };
    assert.equal((await api('POST', '/api/v1/broadcasts/audience', cameSegment)).json().count, 1);
    // Narrowed further by a tag none of them carries: nobody.
    assert.equal((await api('POST', '/api/v1/broadcasts/audience', { ...cameSegment, tags: ['coaching'] })).json().count, 0);
    const { id } = await draft('Thanks for coming', cameSegment);
    await sendNow(id);
    assert.deepEqual(receivedBy('Thanks for coming'), ['ivy@example.org']);
  });

  test('a send interrupted by the mail server resumes where it stopped and mails nobody twice', async () => {
    // The fourth message is refused for now, as a server that is shutting down does (421).
    const flaky = await startSmtpInbox({ onMessage: (_to, count) => (count === 4 ? Object.assign(new Error('Shutting down'), { responseCode: 421 }) : undefined) });
    const app = await makeTestApp({ config: { smtpUrl: flaky.url } });
    try {
      await app.services.auth.setup({ workspaceName: 'Flaky', name: 'F', email: 'f@example.org', password: 'long enough password' });
      const owner = await app.services.auth.ownerAuth();
      await app.services.audienceSettings.update(owner, { sendRatePerMinute: null });
      const addresses = Array.from({ length: 8 }, (_, i) => `reader${i}@example.org`);
      for (const email of addresses) {
        await app.services.consent.record(owner.workspaceId, { email, purpose: 'newsletter', action: 'grant', basis: 'express', method: 'in_person' });
      }
      const broadcast = await app.services.broadcasts.create(owner, { subject: 'Resume me', body: 'Once each.', segment: { purpose: 'newsletter', tags: [], minLadderStep: null, attendedOccurrenceIds: [] } });
      await app.services.broadcasts.send(owner, broadcast.id, null);
      const first = await app.services.broadcastSender.run();
      // One at a time on PGlite: three went out before the refusal. PostgreSQL sends a few side by side.
      if (!onPostgres) assert.equal(first.sent, 3, 'the run stops where the server refused');
      assert.ok(first.sent >= 3 && first.sent < 8, `the run stops where the server refused (${first.sent} sent)`);
      assert.equal((await app.services.broadcasts.get(owner, broadcast.id)).report!.pending, 8 - first.sent);
      const second = await app.services.broadcastSender.run();
      assert.equal(second.sent, 8 - first.sent);
      assert.deepEqual(flaky.received.flatMap((m) => m.to).sort(), addresses);
      const report = (await app.services.broadcasts.get(owner, broadcast.id));
      assert.equal(report.status, 'sent');
      assert.deepEqual({ sent: report.report!.sent, pending: report.report!.pending }, { sent: 8, pending: 0 });
    } finally {
      await app.close();
      await flaky.close();
    }
  });

  test('a refused address fails its delivery and the send goes on', async () => {
    const picky = await startSmtpInbox({ onMessage: (to) => (to.includes('nope@example.org') ? Object.assign(new Error('No such mailbox'), { responseCode: 550 }) : undefined) });
    const app = await makeTestApp({ config: { smtpUrl: picky.url } });
    try {
      await app.services.auth.setup({ workspaceName: 'Picky', name: 'P', email: 'p@example.org', password: 'long enough password' });
      const owner = await app.services.auth.ownerAuth();
      await app.services.audienceSettings.update(owner, { sendRatePerMinute: null });
      for (const email of ['yes@example.org', 'nope@example.org', 'also@example.org']) {
        await app.services.consent.record(owner.workspaceId, { email, purpose: 'newsletter', action: 'grant', basis: 'express', method: 'in_person' });
      }
      const broadcast = await app.services.broadcasts.create(owner, { subject: 'Picky', body: 'Hi', segment: { purpose: 'newsletter', tags: [], minLadderStep: null, attendedOccurrenceIds: [] } });
      await app.services.broadcasts.send(owner, broadcast.id, null);
      await app.services.broadcastSender.run();
      const { report } = await app.services.broadcasts.get(owner, broadcast.id);
      assert.deepEqual({ sent: report!.sent, failed: report!.failed, pending: report!.pending }, { sent: 2, failed: 1, pending: 0 });
    } finally {
      await app.close();
      await picky.close();
    }
  });

  test('the sending rate holds: one message per slot', async () => {
    await subscribed('rate1@example.org', 'event_updates');
    await subscribed('rate2@example.org', 'event_updates');
    assert.equal((await api('PATCH', '/api/v1/settings/audience', { sendRatePerMinute: 60 })).json().sendRatePerMinute, 60);
    const { id } = await draft('Slow and steady', { purpose: 'event_updates' });
    await api('POST', `/api/v1/broadcasts/${id}/send`, {});
    await t.services.broadcastSender.startDue();
    const broadcast = (await t.services.broadcasts.list(auth)).items.find((b) => b.id === id)!;
    // A second's slot each: in half a second, one message goes out.
    const row = (await t.database.query(`select * from broadcasts where id = $1`, [id])).rows[0] as Record<string, unknown>;
    const first = await t.services.broadcastSender.deliver({ ...broadcast, workspaceId: auth.workspaceId, paceAt: row.pace_at as Date | null, createdBy: null }, 500);
    assert.equal(first.sent, 1);
    await api('PATCH', '/api/v1/settings/audience', { sendRatePerMinute: null });
    await t.services.broadcastSender.run();
    assert.deepEqual(receivedBy('Slow and steady'), ['dan@example.org', 'rate1@example.org', 'rate2@example.org']);
  });

  test('scheduled for later waits; a sent broadcast cannot change; the preview escapes HTML', async () => {
    const { id } = await draft('Later', { purpose: 'newsletter' });
    const at = new Date(Date.now() + 3600_000).toISOString();
    const scheduled = (await api('POST', `/api/v1/broadcasts/${id}/send`, { at })).json();
    assert.equal(scheduled.status, 'scheduled');
    assert.equal(scheduled.scheduledAt, at);
    await t.services.broadcastSender.run();
    assert.equal((await api('GET', `/api/v1/broadcasts/${id}`)).json().status, 'scheduled');
    assert.equal((await api('POST', `/api/v1/broadcasts/${id}/unschedule`)).json().status, 'draft');
    const past = await api('POST', `/api/v1/broadcasts/${id}/send`, { at: '2020-01-01T00:00:00Z' });
    assert.equal(past.statusCode, 400);
    assert.equal(past.json().errors[0].path, 'at');

    const sent = (await api('GET', '/api/v1/broadcasts')).json().items.find((b: { subject: string }) => b.subject === 'November news');
    const edit = await api('PATCH', `/api/v1/broadcasts/${sent.id}`, { subject: 'Changed' });
    assert.equal(edit.statusCode, 409);
    assert.equal(edit.json().code, 'BROADCAST_SENT');

    const preview = (await api('POST', '/api/v1/broadcasts/preview', { subject: 'x', body: '<script>alert(1)</script>\n\n[click](javascript:alert(1))' })).json();
    assert.match(preview.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(preview.html, /<script|href="javascript/);
    assert.match(preview.text, /<script>alert\(1\)<\/script>/, 'the text part is plain text');
  });

  test('a test send goes to your own address only, through the queue, with the one-click headers', async () => {
    const { id } = await draft('Test me', { purpose: 'newsletter' });
    const response = await api('POST', `/api/v1/broadcasts/${id}/test`);
    assert.equal(response.statusCode, 202);
    assert.equal(response.json().to, 'olivia@example.com');
    const { rows } = await t.database.query(`select message from mail_queue where message->>'subject' = '[Test] Test me'`);
    assert.equal(rows.length, 1);
    const message = (rows[0] as { message: { to: string; headers: Record<string, string> } }).message;
    assert.equal(message.to, 'olivia@example.com');
    assert.equal(message.headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
    assert.equal((await api('GET', `/api/v1/broadcasts/${id}`)).json().status, 'draft');
  });

  test('bounces and complaints are recorded by API and never mailed again', async () => {
    await subscribed('bouncy@example.org');
    await subscribed('grumpy@example.org');
    const before = (await api('POST', '/api/v1/broadcasts/audience', { purpose: 'newsletter' })).json().count;
    assert.equal((await api('POST', '/api/v1/suppressions', { email: 'Bouncy@example.org', reason: 'bounced' })).statusCode, 204);
    assert.equal((await api('POST', '/api/v1/suppressions', { email: 'grumpy@example.org', reason: 'complained' })).statusCode, 204);
    assert.equal((await api('GET', '/api/v1/consent?email=bouncy@example.org')).json().suppressed.reason, 'bounced');
    assert.equal((await api('GET', '/api/v1/consent?email=grumpy@example.org')).json().suppressed.reason, 'complained');
    assert.equal((await api('POST', '/api/v1/broadcasts/audience', { purpose: 'newsletter' })).json().count, before - 2);
    // A confirmation email still waiting in the queue is dropped when the address bounces.
    await t.app.inject({ method: 'POST', url: '/subscribe', payload: 'email=late%40example.org', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const queued = `select count(*)::int as n from mail_queue where message->>'to' = 'late@example.org' and status = 'queued'`;
    assert.equal((await t.database.query(queued)).rows[0]!.n, 1);
    await api('POST', '/api/v1/suppressions', { email: 'late@example.org', reason: 'bounced' });
    assert.equal((await t.database.query(queued)).rows[0]!.n, 0);
    const bad = await api('POST', '/api/v1/suppressions', { email: 'x@example.org', reason: 'annoyed' });
    assert.equal(bad.statusCode, 400);
  });

  test('the workspace decides whether IP and user agent are kept with consent', async () => {
    const form = (email: string) => t.app.inject({ method: 'POST', url: '/subscribe', payload: `email=${email}`, headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'Kept/1.0' } });
    await form('kept%40example.org');
    assert.equal((await api('GET', '/api/v1/consent?email=kept@example.org')).json().records[0].userAgent, 'Kept/1.0');
    assert.equal((await api('PATCH', '/api/v1/settings/audience', { recordIpAndUserAgent: false })).json().recordIpAndUserAgent, false);
    await form('private%40example.org');
    const record = (await api('GET', '/api/v1/consent?email=private@example.org')).json().records[0];
    assert.deepEqual({ ip: record.ip, userAgent: record.userAgent }, { ip: null, userAgent: null });
    await api('PATCH', '/api/v1/settings/audience', { recordIpAndUserAgent: true });
  });
});

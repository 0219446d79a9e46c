import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { crc32, inflateSync } from 'node:zlib';
import jsqr, { type QRCode } from 'jsqr';
import { SMTPServer } from 'smtp-server';
import { createMailer, deliverQueuedMail } from '../../mail/index.ts';
import { eventsTestApp, readCalendar } from './events.test-support.ts';

// A raw message's part by file name, decoded (base64 or quoted-printable).
function part(raw: string, filename: string): string | null {
  return partBytes(raw, filename)?.toString('utf8') ?? null;
}
function partBytes(raw: string, filename: string): Buffer | null {
  const at = raw.indexOf(`filename=${filename}`);
  if (at < 0) return null;
  const head = raw.slice(raw.lastIndexOf('\n--', at), at + 200);
  const start = raw.indexOf('\r\n\r\n', at) + 4;
  const body = raw.slice(start, raw.indexOf('\r\n--', start));
  return /base64/i.test(head) ? Buffer.from(body.replace(/\s+/g, ''), 'base64') : Buffer.from(body.replace(/=\r?\n/g, ''));
}

// What a phone's camera reads from a PNG QR code: the chunks (their checksums checked), then the pixels of a
// black-and-white image without row filters (what the emails carry; anything else fails here), then jsQR.
// jsQR is a CommonJS bundle: Node gives its function as the default export, TypeScript's types see it one level down.
const jsQR = jsqr as unknown as (data: Uint8ClampedArray, width: number, height: number) => QRCode | null;
function scanQr(png: Buffer): string | null {
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks = new Map<string, Buffer>();
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    assert.equal(png.readUInt32BE(at + 8 + length), crc32(png.subarray(at + 4, at + 8 + length)), `${type} checksum`);
    chunks.set(type, Buffer.concat([chunks.get(type) ?? Buffer.alloc(0), png.subarray(at + 8, at + 8 + length)]));
    at += 12 + length;
  }
  const header = chunks.get('IHDR')!;
  const [width, height] = [header.readUInt32BE(0), header.readUInt32BE(4)];
  assert.deepEqual([...header.subarray(8)], [1, 0, 0, 0, 0], 'one bit a pixel, greyscale, not interlaced');
  const raw = inflateSync(chunks.get('IDAT')!);
  const rowBytes = Math.ceil(width / 8);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    assert.equal(raw[y * (rowBytes + 1)], 0);
    for (let x = 0; x < width; x++) rgba.fill(raw[y * (rowBytes + 1) + 1 + (x >> 3)]! & (0x80 >> (x & 7)) ? 255 : 0, (y * width + x) * 4, (y * width + x) * 4 + 3).fill(255, (y * width + x) * 4 + 3, (y * width + x) * 4 + 4);
  }
  return jsQR(rgba, width, height)?.data ?? null;
}
const unfold = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');

describe('public event pages, RSVP and emails over SMTP', () => {
  let s: Awaited<ReturnType<typeof eventsTestApp>>;
  let smtp: SMTPServer;
  let smtpUrl: string;
  const inbox: string[] = [];
  before(async () => {
    s = await eventsTestApp(new Date('2026-03-01T09:00:00Z'));
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
    await s.t.close();
  });

  const form = (url: string, body: Record<string, string>, headers: Record<string, string> = {}) =>
    s.t.app.inject({ method: 'POST', url, payload: new URLSearchParams(body).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
  // Each delivery run's mailer is closed after it, so the SMTP server is not left waiting on its connections.
  const deliver = async () => {
    const mailer = createMailer({ smtpUrl, dataDir: s.t.config.dataDir, from: 'Green Door <events@green.example>' });
    try {
      return await deliverQueuedMail(s.t.database.db, mailer, () => new Date());
    } finally {
      mailer.close();
    }
  };
  const mailTo = (to: string) => inbox.filter((m) => m.includes(`To: ${to}`));

  test('the page: time in the event\'s zone, venue with a map link, places left; German too; no script, small', async () => {
    const occurrence = (await s.single({ localStart: '2026-03-26T19:00', capacity: 2, title: 'Founders meetup' })).occurrences[0]!;
    const page = await s.t.app.inject({ url: `/e/${occurrence.slug}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Founders meetup<\/h1>/);
    assert.match(page.body, /Thursday 26 March 2026 at 19:00 CET|Thursday, 26 March 2026 at 19:00 CET|26 March 2026.*19:00/);
    assert.match(page.body, /Green Door Café, Oranienstraße 1, Berlin/);
    assert.match(page.body, /href="https:\/\/www\.openstreetmap\.org\/search\?query=Oranienstra%C3%9Fe%201%2C%20Berlin"/);
    assert.match(page.body, /2 places left/);
    assert.match(page.body, /<input id="consent" name="consent" type="checkbox" value="yes">/, 'the consent box is not ticked');
    assert.doesNotMatch(page.body, /<script/);
    assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
    assert.ok(Buffer.byteLength(page.body) < 30 * 1024);
    const german = await s.t.app.inject({ url: `/e/${occurrence.slug}`, headers: { 'accept-language': 'de-DE,de;q=0.9' } });
    assert.match(german.body, /Donnerstag, 26\. März 2026 um 19:00 MEZ|26\. März 2026.*19:00/);
    assert.match(german.body, /Noch 2 Plätze frei/);
    assert.equal((await s.t.app.inject({ url: '/e/no-such-event' })).statusCode, 404);
  });

  test('register → confirmation page and email with calendar file, QR code and manage link; cancel through it promotes the waitlist', async () => {
    const occurrence = (await s.single({ localStart: '2026-04-09T19:00', capacity: 1, title: 'Spring meetup' })).occurrences[0]!;
    const later = (await s.single({ localStart: '2026-04-23T19:00', capacity: 10, title: 'Late spring meetup' })).occurrences[0]!;
    const first = await form(`/e/${occurrence.slug}/register`, { name: 'Ann', email: 'ann@example.org', source: 'A friend' });
    assert.equal(first.statusCode, 303);
    const confirmation = await s.t.app.inject({ url: first.headers.location as string });
    assert.match(confirmation.body, /You&#39;re in!|You're in!/);

    const full = await s.t.app.inject({ url: `/e/${occurrence.slug}` });
    assert.match(full.body, /Sold out — join the waitlist/);
    assert.match(full.body, new RegExp(`href="/e/${later.slug}"`), 'a link to the next occurrence with places');
    const second = await form(`/e/${occurrence.slug}/register`, { name: 'Bob', email: 'bob@example.org' }, { 'accept-language': 'de' });
    const waiting = await s.t.app.inject({ url: second.headers.location as string, headers: { 'accept-language': 'de' } });
    assert.match(waiting.body, /Du bist Nummer 1 auf der Warteliste/);
    // The same address again: one registration, and no link to it for whoever typed it.
    const again = await form(`/e/${occurrence.slug}/register`, { name: 'Not Ann', email: 'ANN@example.org' });
    assert.equal(again.headers.location, `/e/${occurrence.slug}/thanks`);

    await deliver();
    const [annMail] = mailTo('ann@example.org');
    assert.ok(annMail);
    assert.match(annMail, /Subject: You're in: Spring meetup/);
    const calendar = readCalendar(part(annMail, 'invite.ics')!);
    assert.equal(calendar.method, 'REQUEST');
    assert.equal(calendar.events[0]!.summary, 'Spring meetup');
    assert.equal(calendar.events[0]!.start.toISOString(), '2026-04-09T17:00:00.000Z');
    assert.match(annMail, /Content-Type: image\/png/);
    assert.match(unfold(annMail), /src="cid:check-in-qr"/);
    const code = unfold(annMail).match(/Your check-in code: ([A-Z2-9]{6})/)![1]!;
    assert.equal(scanQr(partBytes(annMail, 'check-in.png')!), code, 'the QR code scans to the check-in code');
    const link = unfold(annMail).match(/http:\/\/localhost:3000(\/e\/r\/[\w-]+)/)![1]!;
    assert.equal(link, first.headers.location);
    const [bobMail] = mailTo('bob@example.org');
    assert.match(bobMail!, /Subject: =\?UTF-8\?|Auf der Warteliste/);
    assert.equal(part(bobMail!, 'invite.ics'), null, 'the waitlist gets no calendar entry yet');

    const manage = await s.t.app.inject({ url: link });
    assert.match(manage.body, /<form method="post" action="\/e\/r\/[\w-]+\/cancel">/);
    const cancelled = await form(`${link}/cancel`, {});
    assert.equal(cancelled.statusCode, 303);
    assert.match((await s.t.app.inject({ url: link })).body, /Your registration is cancelled/);
    await deliver();
    const cancelMail = mailTo('ann@example.org').find((m) => /Subject: Cancelled/.test(m))!;
    const cancel = readCalendar(part(cancelMail, 'invite.ics')!);
    assert.equal(cancel.method, 'CANCEL');
    assert.equal(cancel.events[0]!.uid, calendar.events[0]!.uid);
    assert.ok(cancel.events[0]!.sequence > calendar.events[0]!.sequence);
    const promoted = mailTo('bob@example.org').find((m) => m.includes('invite.ics'))!;
    assert.ok(promoted, 'Bob is promoted and emailed');
    assert.match(unfold(promoted), /Dein Check-in-Code: [A-Z2-9]{6}/);
    const groups = await s.t.services.registrations.list(s.auth, occurrence.id);
    assert.deepEqual(groups.confirmed.map((r) => r.name), ['Bob']);
    assert.equal(groups.cancelled[0]!.checkInCode, code);
    // Ann's timeline has the registration.
    const timeline = await s.t.services.people.listInteractions(s.auth, groups.cancelled[0]!.personId!, { limit: 5 });
    assert.deepEqual(timeline.items.map((i) => i.kind), ['event_registered']);
  });

  test('bad input re-renders the form with the field marked; a bot filling the honeypot writes nothing', async () => {
    const occurrence = (await s.single({ localStart: '2026-04-30T19:00', title: 'Honeypot night' })).occurrences[0]!;
    const bad = await form(`/e/${occurrence.slug}/register`, { name: '', email: 'nope' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /id="email-error"/);
    assert.match(bad.body, /id="name-error"/);
    const bot = await form(`/e/${occurrence.slug}/register`, { name: 'Bot', email: 'bot@example.org', website: 'http://spam.example' });
    assert.equal(bot.statusCode, 303);
    assert.equal((await s.t.services.registrations.list(s.auth, occurrence.id)).confirmed.length, 0);
  });

  test('calendar feeds: one occurrence and the workspace, read by ical.js', async () => {
    const occurrence = (await s.single({ localStart: '2026-05-14T19:00', title: 'Feed night' })).occurrences[0]!;
    await s.single({ localStart: '2026-05-15T19:00', title: 'Private dinner', isPublic: false });
    const one = await s.t.app.inject({ url: `/e/${occurrence.slug}.ics` });
    assert.equal(one.statusCode, 200);
    assert.match(String(one.headers['content-type']), /^text\/calendar/);
    const parsed = readCalendar(one.body);
    assert.deepEqual(parsed.events.map((e) => [e.summary, e.start.toISOString(), e.location]), [['Feed night', '2026-05-14T17:00:00.000Z', 'Green Door Café, Oranienstraße 1, Berlin']]);
    const feed = readCalendar((await s.t.app.inject({ url: '/events.ics' })).body);
    const titles = feed.events.map((e) => e.summary);
    assert.ok(titles.includes('Feed night'));
    assert.ok(!titles.includes('Private dinner'), 'only public events');
    assert.equal(new Set(feed.events.map((e) => e.uid)).size, feed.events.length);
  });
});

describe('the RSVP form\'s rate limit', () => {
  test('past the limit per address and minute, a 429', async () => {
    const { makeTestApp } = await import('../../../../test/helpers.ts');
    const t = await makeTestApp({ formRateLimit: 3 });
    try {
      await t.services.auth.setup({ workspaceName: 'Green Door', name: 'O', email: 'owner@example.org', password: 'long enough password' });
      const auth = await t.services.auth.ownerAuth();
      const event = await t.services.events.createSeries(auth, { title: 'Limited', description: '', rrule: null, timezone: 'UTC', localStart: '2030-01-01T10:00', durationMinutes: 60, capacity: 10, venue: null, address: null, onlineUrl: null, isPublic: true });
      const slug = event.occurrences[0]!.slug;
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await t.app.inject({ method: 'POST', url: `/e/${slug}/register`, payload: `name=N&email=n${i}%40example.org`, headers: { 'content-type': 'application/x-www-form-urlencoded' } })).statusCode);
      assert.deepEqual(codes, [303, 303, 303, 429]);
    } finally {
      await t.close();
    }
  });
});

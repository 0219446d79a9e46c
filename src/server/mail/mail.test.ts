import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { createMailer } from './index.ts';

const message = {
  to: 'sam@example.org',
  subject: 'Your place at Thursday’s meetup',
  text: 'See you on Thursday.',
  html: '<p>See you on Thursday.</p>',
  headers: { 'List-Unsubscribe': '<https://onland.example/u/abc>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  attachments: [{ filename: 'invite.ics', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', contentType: 'text/calendar' }],
};

describe('mailer', () => {
  test('with SMTP_URL, a real SMTP server receives the message with its headers and attachment', async () => {
    const received: { from: string; to: string[]; data: string }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as { port: number };
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, dataDir: mkdtempSync(join(tmpdir(), 'onland-mail-')), from: 'Onland <hello@onland.example>' });
    try {
      const sent = await mailer.send(message, { workspaceId: 'w1' });
      assert.equal(sent.via, 'smtp');
      assert.equal(received.length, 1);
      assert.equal(received[0]!.from, 'hello@onland.example');
      assert.deepEqual(received[0]!.to, ['sam@example.org']);
      assert.match(received[0]!.data, /List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
      assert.match(received[0]!.data, /filename=invite\.ics/);
    } finally {
      mailer.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  test('without SMTP_URL, the message lands as an .eml file in the outbox and is listed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'onland-mail-'));
    const mailer = createMailer({ dataDir, from: 'Onland <hello@onland.example>' });
    const sent = await mailer.send(message, { workspaceId: 'w1' });
    assert.equal(sent.via, 'outbox');
    const files = readdirSync(join(dataDir, 'outbox', 'w1'));
    assert.equal(files.length, 1);
    assert.match(readFileSync(join(dataDir, 'outbox', 'w1', files[0]!), 'utf8'), /To: sam@example.org/);
    assert.deepEqual(await mailer.listOutbox('w2'), []);
    const listed = await mailer.listOutbox('w1');
    assert.equal(listed[0]!.subject, 'Your place at Thursday’s meetup');
    assert.equal(listed[0]!.to, 'sam@example.org');
    assert.match((await mailer.readOutbox('w1', listed[0]!.id)) ?? '', /See you on Thursday/);
    assert.equal(await mailer.readOutbox('w2', listed[0]!.id), null);
    assert.equal(await mailer.readOutbox('w1', '../secret'), null);
    assert.equal(await mailer.readOutbox('..', listed[0]!.id), null);
  });
});

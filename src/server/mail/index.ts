import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  from?: string;
  replyTo?: string;
  headers?: Record<string, string>;
  // Content travels as JSON through the queue: binary goes as base64 text with encoding 'base64'; cid makes it inline.
  attachments?: { filename: string; content: string | Buffer; contentType?: string; encoding?: 'base64'; cid?: string }[];
};

export type SentMail = { messageId: string; via: 'smtp' | 'outbox' };

export type SendOptions = {
  // Whose mail it is: the local outbox keeps each workspace's messages apart.
  workspaceId: string;
  // Runs once the whole message is with the server, just before the final dot that hands it over.
  // What it records (a delivery marked sent) is then true unless the server refuses the message:
  // a process killed before it has sent nothing (the server drops an unfinished message), one
  // killed after it has already recorded the send.
  beforeAccept?: () => Promise<void>;
};
export type OutboxEntry = { id: string; to: string; subject: string; date: string };

export type Mailer = {
  send: (message: MailMessage, options: SendOptions) => Promise<SentMail>;
  // The local outbox (no SMTP_URL): what would have been sent, one folder per workspace.
  listOutbox: (workspaceId: string) => Promise<OutboxEntry[]>;
  readOutbox: (workspaceId: string, id: string) => Promise<string | null>;
  close: () => void;
};

// One mailer: SMTP when SMTP_URL is set, otherwise .eml files in <data>/outbox/<workspace id>.
export function createMailer({ smtpUrl, dataDir, from }: { smtpUrl?: string; dataDir: string; from: string }): Mailer {
  const outbox = join(dataDir, 'outbox');
  const safe = (name: string) => /^[\w-]+$/.test(name);
  const outboxOf = (workspaceId: string) => {
    if (!safe(workspaceId)) throw new Error('not a workspace id');
    return join(outbox, workspaceId);
  };
  // A pool keeps a few connections open, so a broadcast does not connect once per message. It never
  // requeues a message on its own: a connection lost after the final dot may have delivered it, and
  // the callers (mail queue, broadcast deliveries) decide about retries.
  const transport = smtpUrl ? nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: 4, maxRequeues: 0 }) : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  return {
    async send(message, options) {
      if (smtpUrl && options.beforeAccept) {
        const node = new MailComposer({ from, ...message }).compile();
        const raw = await node.build();
        const info = await transport.sendMail({ envelope: node.getEnvelope(), messageId: node.messageId(), raw: gated(raw, options.beforeAccept) });
        return { messageId: info.messageId, via: 'smtp' };
      }
      if (!smtpUrl) await options.beforeAccept?.();
      const info = await transport.sendMail({ from, ...message });
      if (smtpUrl) return { messageId: info.messageId, via: 'smtp' };
      const outboxDir = outboxOf(options.workspaceId);
      mkdirSync(outboxDir, { recursive: true });
      const id = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}`;
      await writeFile(join(outboxDir, `${id}.eml`), (info as unknown as { message: Buffer }).message);
      return { messageId: info.messageId, via: 'outbox' };
    },

    async listOutbox(workspaceId) {
      const outboxDir = outboxOf(workspaceId);
      let files: string[];
      try {
        files = (await readdir(outboxDir)).filter((f) => f.endsWith('.eml')).sort().reverse();
      } catch {
        return [];
      }
      return Promise.all(files.slice(0, 200).map(async (file) => {
        const head = (await readFile(join(outboxDir, file), 'utf8')).split(/\r?\n\r?\n/)[0] ?? '';
        return { id: file.slice(0, -4), to: header(head, 'To'), subject: decodeMime(header(head, 'Subject')), date: header(head, 'Date') };
      }));
    },

    async readOutbox(workspaceId, id) {
      if (!safe(id) || !safe(workspaceId)) return null;
      try {
        return await readFile(join(outboxOf(workspaceId), `${id}.eml`), 'utf8');
      } catch {
        return null;
      }
    },

    close: () => transport.close(),
  };
}

// The message's bytes, then a pause for `beforeAccept`, then the end (after which the SMTP client writes the final dot).
function gated(raw: Buffer, beforeAccept: () => Promise<void>): Readable {
  let stage = 0;
  return new Readable({
    read() {
      if (stage === 0) {
        stage = 1;
        this.push(raw);
      } else if (stage === 1) {
        stage = 2;
        beforeAccept().then(() => this.push(null), (error: Error) => this.destroy(error));
      }
    },
  });
}

function header(head: string, name: string): string {
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(name.toLowerCase() + ':'));
  return line ? line.slice(name.length + 1).trim() : '';
}

// Subjects with non-ASCII characters are MIME-encoded words (=?UTF-8?Q?...?= or ?B?).
function decodeMime(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, encoding: string, text: string) =>
    encoding.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'));
}

export { cancelQueuedMail, deliverQueuedMail, enqueueMail, enqueueMails, mailJobs } from './queue.ts';

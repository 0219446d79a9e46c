import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { to: string[]; raw: string };

// A real SMTP server on a free local port, keeping what it receives. `onMessage` may refuse a message
// (return an Error) or drop the connection mid-message ('drop'), to test what the sender does then.
export async function startSmtpInbox(options: { onMessage?: (to: string[], count: number) => Error | 'drop' | void; keepRaw?: boolean } = {}) {
  const received: ReceivedMail[] = [];
  let count = 0;
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false, maxClients: 100,
    onData(stream, session, done) {
      const to = session.envelope.rcptTo.map((r) => r.address);
      const verdict = options.onMessage?.(to, ++count);
      if (verdict === 'drop') {
        // Like a process that dies mid-message: the connection ends before the final dot.
        stream.resume();
        const connections = (server as unknown as { connections: Set<{ id: string; _socket: { destroy: () => void } }> }).connections;
        for (const connection of connections) if (connection.id === session.id) connection._socket.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => { if (options.keepRaw !== false) chunks.push(c); });
      stream.on('end', () => {
        if (verdict instanceof Error) return done(verdict);
        received.push({ to, raw: Buffer.concat(chunks).toString('utf8') });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// A received message's text, with quoted-printable soft breaks and escapes undone.
export function decodeQuotedPrintable(raw: string): string {
  return Buffer.from(raw.replace(/\r?\n[ \t]+/g, ' ').replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import * as CID from '@atcute/cid';

// A local server speaking the part of the AT Protocol XRPC API Onland uses: createSession with an app
// password, createRecord (a record key in use is refused, as a repository holds one record per key) and
// getRecord. Scripted faults hit createRecord first: 500, 429 with Retry-After, 400, or a hang.
export type BlueskyFault = { status: 500 | 502 | 429 | 400; retryAfter?: string; afterCreating?: boolean } | { hang: true; afterCreating?: boolean };
export type FakeNotification = { uri: string; reason: 'reply' | 'mention' | 'quote' | 'like'; did: string; handle: string; name: string; text: string; subject: string | null; indexedAt: string };
export type FakeBluesky = {
  url: string;
  // What app.bsky.notification.listNotifications serves, newest first, pageSize to a page (the client asks for more).
  notifications: FakeNotification[];
  pageSize: number;
  records: Map<string, { text: string; facets?: unknown[]; createdAt: string }>;
  calls: string[];
  faults: BlueskyFault[];
  close: () => Promise<void>;
};

const did = 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';
const handle = 'anna.test';
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (scope: string) => `${b64({ alg: 'ES256K', typ: 'at+jwt' })}.${b64({ scope, sub: did, iat: 1_700_000_000, exp: 4_000_000_000 })}.c2lnbmF0dXJl`;

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
}

export async function startFakeBluesky(appPassword = 'abcd-efgh-ijkl-mnop'): Promise<FakeBluesky> {
  const state = { records: new Map<string, { text: string; facets?: unknown[]; createdAt: string }>(), notifications: [] as FakeNotification[], pageSize: 50, calls: [] as string[], faults: [] as BlueskyFault[] };
  const sockets = new Set<Socket>();
  const access = jwt('com.atproto.access');
  const send = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    response.end(JSON.stringify(body));
  };
  const cidOf = async (value: unknown) => CID.toString(await CID.create(0x71, new TextEncoder().encode(JSON.stringify(value))));
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = url.pathname.replace('/xrpc/', '');
    state.calls.push(method);
    if (method === 'com.atproto.server.createSession') {
      const body = await readJson(request);
      if (body.identifier !== handle || body.password !== appPassword) return send(response, 401, { error: 'AuthenticationRequired', message: 'Invalid identifier or password' });
      return send(response, 200, { accessJwt: access, refreshJwt: jwt('com.atproto.refresh'), handle, did, active: true });
    }
    if (request.headers.authorization !== `Bearer ${access}`) return send(response, 401, { error: 'AuthenticationRequired', message: 'Authentication Required' });
    if (method === 'app.bsky.notification.listNotifications') {
      const sorted = [...state.notifications].sort((a, b) => (a.indexedAt < b.indexedAt ? 1 : -1));
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const size = Math.min(state.pageSize, Number(url.searchParams.get('limit') ?? 50));
      const page = sorted.slice(start, start + size);
      const notifications = await Promise.all(page.map(async (n) => {
        const record = {
          $type: 'app.bsky.feed.post', text: n.text, createdAt: n.indexedAt,
          ...(n.reason === 'reply' && n.subject ? { reply: { root: { uri: n.subject, cid: await cidOf(n.subject) }, parent: { uri: n.subject, cid: await cidOf(n.subject) } } } : {}),
          ...(n.reason === 'quote' && n.subject ? { embed: { $type: 'app.bsky.embed.record', record: { uri: n.subject, cid: await cidOf(n.subject) } } } : {}),
        };
        return { uri: n.uri, cid: await cidOf(n), author: { did: n.did, handle: n.handle, displayName: n.name }, reason: n.reason, record, isRead: false, indexedAt: n.indexedAt, labels: [] };
      }));
      return send(response, 200, { notifications, ...(start + size < sorted.length ? { cursor: String(start + size) } : {}) });
    }
    if (method === 'com.atproto.repo.getRecord') {
      const rkey = url.searchParams.get('rkey') ?? '';
      const record = state.records.get(rkey);
      if (!record) return send(response, 400, { error: 'RecordNotFound', message: `Could not locate record: at://${did}/app.bsky.feed.post/${rkey}` });
      return send(response, 200, { uri: `at://${did}/app.bsky.feed.post/${rkey}`, cid: await cidOf(record), value: { $type: 'app.bsky.feed.post', ...record } });
    }
    if (method === 'com.atproto.repo.createRecord') {
      const body = await readJson(request);
      const rkey = String(body.rkey ?? '');
      const record = body.record as { text: string; facets?: unknown[]; createdAt: string };
      const create = () => { if (!state.records.has(rkey)) state.records.set(rkey, { text: record.text, facets: record.facets, createdAt: record.createdAt }); };
      const fault = state.faults.shift();
      if (fault) {
        if (fault.afterCreating) create();
        if ('hang' in fault) return;
        if (fault.status === 400) return send(response, 400, { error: 'InvalidRequest', message: 'Record/text must not be longer than 300 graphemes' });
        return send(response, fault.status, { error: fault.status === 429 ? 'RateLimitExceeded' : 'InternalServerError', message: 'Try again later' }, fault.retryAfter ? { 'retry-after': fault.retryAfter } : {});
      }
      if (state.records.has(rkey)) return send(response, 400, { error: 'InvalidRequest', message: 'Record already exists' });
      create();
      return send(response, 200, { uri: `at://${did}/app.bsky.feed.post/${rkey}`, cid: await cidOf(record) });
    }
    return send(response, 501, { error: 'MethodNotImplemented', message: 'Method Not Implemented' });
  });
  server.on('connection', (socket) => { sockets.add(socket); socket.on('close', () => sockets.delete(socket)); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(state, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

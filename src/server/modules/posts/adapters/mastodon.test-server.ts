import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local server speaking the part of Mastodon's REST API Onland uses: POST /api/v1/statuses with a
// Bearer token and Idempotency-Key (the same key returns the same status instead of a second one), and
// GET /api/v1/notifications (newest first; min_id pages forward, max_id back, as Mastodon's do).
// Scripted faults come first: 500, 429 with Retry-After, 422, or a hang past the client's timeout.
export type Fault = { status: 500 | 503 | 429 | 422; retryAfter?: string; afterCreating?: boolean } | { hang: true; afterCreating?: boolean };

export type FakeMention = { id: string; acct: string; name: string; inReplyToId: string | null; text: string; createdAt: string };
export type FakeMastodon = {
  url: string;
  statuses: { id: string; text: string; key: string | null }[];
  // Mentions of the account (replies among them), as GET /api/v1/notifications?types[]=mention serves them.
  mentions: FakeMention[];
  requests: { key: string | null; auth: string | undefined }[];
  faults: Fault[];
  close: () => Promise<void>;
};

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if ((request.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(text || '{}');
  return Object.fromEntries(new URLSearchParams(text));
}

export async function startFakeMastodon(token = 'token-1'): Promise<FakeMastodon> {
  const state: Omit<FakeMastodon, 'url' | 'close'> = { statuses: [], mentions: [], requests: [], faults: [] };
  const byKey = new Map<string, { id: string; text: string }>();
  const sockets = new Set<import('node:net').Socket>();
  let server: Server;
  const json = (response: import('node:http').ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    response.end(JSON.stringify(body));
  };
  server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === 'GET' && path.pathname === '/api/v1/notifications') {
      if (request.headers.authorization !== `Bearer ${token}`) return json(response, 401, { error: 'The access token is invalid' });
      return json(response, 200, notifications(path.searchParams));
    }
    if (request.method !== 'POST' || request.url !== '/api/v1/statuses') return json(response, 404, { error: 'Record not found' });
    const key = (request.headers['idempotency-key'] as string | undefined) ?? null;
    state.requests.push({ key, auth: request.headers.authorization });
    if (request.headers.authorization !== `Bearer ${token}`) return json(response, 401, { error: 'The access token is invalid' });
    const body = await readBody(request);
    const text = String(body.status ?? '');
    if (!text) return json(response, 422, { error: "Validation failed: Text can't be blank" });
    const create = () => {
      const existing = key ? byKey.get(key) : undefined;
      if (existing) return existing;
      const status = { id: String(100000 + state.statuses.length + 1), text };
      state.statuses.push({ ...status, key });
      if (key) byKey.set(key, status);
      return status;
    };
    const fault = state.faults.shift();
    if (fault) {
      if (fault.afterCreating) create();
      if ('hang' in fault) return; // never answers
      if (fault.status === 422) return json(response, 422, { error: 'Validation failed: Text character limit of 500 exceeded' });
      return json(response, fault.status, { error: fault.status === 429 ? 'Too many requests' : 'Internal server error' }, fault.retryAfter ? { 'retry-after': fault.retryAfter } : {});
    }
    const status = create();
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return json(response, 200, {
      id: status.id, uri: `${origin}/users/anna/statuses/${status.id}`, url: `${origin}/@anna/${status.id}`, created_at: new Date().toISOString(),
      content: `<p>${status.text}</p>`, visibility: 'public', sensitive: false, spoiler_text: '', media_attachments: [], mentions: [], tags: [], emojis: [],
      reblogs_count: 0, favourites_count: 0, replies_count: 0, account: { id: '1', username: 'anna', acct: 'anna' },
    });
  });
  const numeric = (id: string) => BigInt(id);
  function notifications(query: URLSearchParams) {
    const limit = Math.min(Number(query.get('limit') ?? 15), 40);
    const minId = query.get('min_id');
    const types = query.getAll('types[]');
    let list = [...state.mentions].sort((a, b) => (numeric(a.id) < numeric(b.id) ? -1 : 1));
    if (types.length && !types.includes('mention')) list = [];
    // min_id: the page right after it (oldest first), served newest first like every page.
    list = minId ? list.filter((m) => numeric(m.id) > numeric(minId)).slice(0, limit) : list.slice(-limit);
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return list.reverse().map((m) => {
      const [username] = m.acct.split('@');
      const account = { id: `a-${m.acct}`, username, acct: m.acct, display_name: m.name, url: `${origin}/@${m.acct}` };
      return {
        id: m.id, type: 'mention', created_at: m.createdAt, account,
        status: { id: `s-${m.id}`, in_reply_to_id: m.inReplyToId, content: `<p>${m.text}</p>`, created_at: m.createdAt, account, visibility: 'public', mentions: [], tags: [], emojis: [], media_attachments: [] },
      };
    });
  }
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

import { connect, type Socket } from 'node:net';

type Response = { status: number; bytes: number };
type Request = { head: Buffer; resolve: (response: Response) => void; reject: (error: Error) => void };
type Connection = { socket: Socket; request: Request | null; buffer: Buffer; status: number; bodyAt: number; length: number; chunked: boolean; close: boolean };

// A lean load generator, as wrk and autocannon are: HTTP/1.1 written straight to kept-alive sockets, one
// per concurrent client, and only the status line, Content-Length or chunked framing read back. It runs
// on the same two cores as the server it measures, and node:http's client cost two to three times more
// per request (about 160 µs an RSVP POST against 60–100 µs), which the server then lacked.
export function httpClient(connections: number) {
  const idle: Connection[] = [];
  const open = new Set<Connection>();
  const queued: Request[] = [];
  let origin: URL | null = null;

  function send(connection: Connection, request: Request) {
    connection.request = request;
    connection.socket.write(request.head);
  }
  function answer(connection: Connection, rest: Buffer, response: Response) {
    const request = connection.request!;
    Object.assign(connection, { request: null, buffer: rest, bodyAt: -1 });
    request.resolve(response);
    if (connection.close) {
      connection.socket.destroy();
      open.delete(connection);
    } else {
      const next = queued.shift();
      if (next) send(connection, next);
      else idle.push(connection);
    }
  }
  // A connection that errs or closes is gone, busy or idle (the server ends idle ones after its keep-alive timeout).
  function fail(connection: Connection, error: Error) {
    open.delete(connection);
    if (idle.includes(connection)) idle.splice(idle.indexOf(connection), 1);
    const request = connection.request;
    connection.request = null;
    request?.reject(error);
  }
  // Reads what has arrived: the head once, then the body it announces.
  function read(connection: Connection) {
    while (connection.request) {
      const { buffer } = connection;
      if (connection.bodyAt < 0) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffer.subarray(0, end).toString('latin1').toLowerCase();
        connection.status = Number(head.slice(9, 12));
        connection.length = Number(/\r\ncontent-length: *(\d+)/.exec(head)?.[1] ?? 0);
        connection.chunked = /\r\ntransfer-encoding: *chunked/.test(head);
        connection.close = /\r\nconnection: *close/.test(head);
        connection.bodyAt = end + 4;
      }
      if (!connection.chunked) {
        const end = connection.bodyAt + connection.length;
        if (buffer.length < end) return;
        answer(connection, buffer.subarray(end), { status: connection.status, bytes: connection.length });
        continue;
      }
      // Chunks: size in hex, CRLF, data, CRLF; a chunk of size 0 ends the body.
      let at = connection.bodyAt;
      let bytes = 0;
      for (let size = -1; size !== 0; bytes += size) {
        const eol = buffer.indexOf('\r\n', at);
        if (eol < 0) return;
        size = parseInt(buffer.subarray(at, eol).toString('latin1'), 16);
        if (buffer.length < eol + 2 + size + 2) return;
        at = eol + 2 + size + 2;
      }
      answer(connection, buffer.subarray(at), { status: connection.status, bytes });
    }
  }
  function connectFor(request: Request) {
    const connection: Connection = {
      socket: connect({ host: origin!.hostname, port: Number(origin!.port), noDelay: true }),
      request: null, buffer: Buffer.alloc(0), status: 0, bodyAt: -1, length: 0, chunked: false, close: false,
    };
    open.add(connection);
    connection.socket.on('data', (chunk: Buffer) => {
      connection.buffer = connection.buffer.length ? Buffer.concat([connection.buffer, chunk]) : chunk;
      read(connection);
    });
    connection.socket.on('error', (error) => fail(connection, error));
    connection.socket.on('close', () => fail(connection, new Error('the server closed the connection before it answered')));
    send(connection, request);
  }

  return {
    send(url: string, options: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Response> {
      const target = new URL(url);
      origin ??= target;
      if (target.host !== origin.host) throw new Error(`this client sends to ${origin.host} only, not ${target.host}`);
      const body = options.body === undefined ? undefined : Buffer.from(options.body);
      const lines = [`${options.method ?? 'GET'} ${target.pathname}${target.search} HTTP/1.1`, `host: ${target.host}`,
        ...Object.entries(options.headers ?? {}).map(([name, value]) => `${name}: ${value}`), ...(body ? [`content-length: ${body.length}`] : [])];
      const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
      return new Promise((resolve, reject) => {
        const request = { head: body ? Buffer.concat([head, body]) : head, resolve, reject };
        const connection = idle.pop();
        if (connection) send(connection, request);
        else if (open.size < connections) connectFor(request);
        else queued.push(request);
      });
    },
    close() {
      for (const connection of open) connection.socket.destroy();
      open.clear();
      idle.length = 0;
    },
  };
}

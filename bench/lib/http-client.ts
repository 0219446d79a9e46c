import { Agent, request } from 'node:http';

// A lean load generator: node:http over kept-alive connections, one per concurrent client, so the
// client's own CPU (fetch costs several times more per request) does not become what is measured.
export function httpClient(connections: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  return {
    send(url: string, options: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; bytes: number }> {
      return new Promise((resolve, reject) => {
        const body = options.body === undefined ? undefined : Buffer.from(options.body);
        const req = request(url, { agent, method: options.method ?? 'GET', headers: { ...options.headers, ...(body ? { 'content-length': String(body.length) } : {}) } }, (res) => {
          let bytes = 0;
          res.on('data', (chunk: Buffer) => { bytes += chunk.length; });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}

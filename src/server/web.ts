import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import type { App } from './core/types.ts';

export const webDist = join(import.meta.dirname, '..', '..', 'dist', 'web');
const indexFile = join(webDist, 'index.html');

// index.html is re-read when a rebuild changes it, so a running server serves the new assets.
let cached: { mtimeMs: number; html: string } | undefined;
function indexTemplate(): string | undefined {
  if (!existsSync(indexFile)) return undefined;
  const { mtimeMs } = statSync(indexFile);
  if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: readFileSync(indexFile, 'utf8') };
  return cached.html;
}

// The SPA lives under /app/; every path there that is not a file gets index.html with this response's CSP nonce.
export async function webRoutes(app: App, { withCspNonce }: { withCspNonce: (reply: FastifyReply) => { style: string } }) {
  await app.register(fastifyStatic, { root: join(webDist, 'assets'), prefix: '/app/assets/', decorateReply: false, immutable: true, maxAge: '365d' });
  app.get('/', { schema: { hide: true }, config: { public: true } }, (_request, reply) => reply.redirect('/app/'));
  const spa = (_request: unknown, reply: FastifyReply) => {
    const template = indexTemplate();
    if (!template) return reply.code(503).type('text/plain; charset=utf-8').send('The web app is not built yet: run `npm run build`, or start with `npm start`.');
    const nonce = withCspNonce(reply).style;
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(template.replaceAll('__CSP_NONCE__', nonce));
  };
  // With trailing slashes ignored, '/app' also answers '/app/'.
  app.get('/app', { schema: { hide: true }, config: { public: true } }, spa);
  app.get('/app/*', { schema: { hide: true }, config: { public: true } }, spa);
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from './core/types.ts';

export const webDist = join(import.meta.dirname, '..', '..', 'dist', 'web');

// The SPA lives under /app/; every path there that is not a file gets index.html with this response's CSP nonce.
export async function webRoutes(app: App) {
  const indexFile = join(webDist, 'index.html');
  const built = existsSync(indexFile);
  const template = built ? readFileSync(indexFile, 'utf8') : '';
  if (built) {
    await app.register(fastifyStatic, { root: join(webDist, 'assets'), prefix: '/app/assets/', decorateReply: false, immutable: true, maxAge: '365d' });
  }
  app.get('/', { schema: { hide: true }, config: { public: true } }, (_request, reply) => reply.redirect('/app/'));
  app.get('/app', { schema: { hide: true }, config: { public: true } }, (_request, reply) => reply.redirect('/app/'));
  app.get('/app/*', { schema: { hide: true }, config: { public: true } }, (_request, reply) => {
    if (!built) return reply.code(503).type('text/plain; charset=utf-8').send('The web app is not built yet: run `npm run build`, or start with `npm start`.');
    const nonce = reply.cspNonce?.style ?? '';
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(template.replaceAll('__CSP_NONCE__', nonce));
  });
}

import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from '../../core/types.ts';

// The shell later public pages (event pages, sign-up and question forms) build into.
export async function publicRoutes(app: App) {
  await app.register(fastifyStatic, { root: join(import.meta.dirname, 'static'), prefix: '/public/', decorateReply: false, maxAge: '1h' });
}

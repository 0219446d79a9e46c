import { z } from 'zod';
import { authOf, type App } from '../../core/types.ts';
import { OutboxId, OutboxList } from './outbox.contract.ts';
import type { OutboxService } from './outbox.service.ts';

export function outboxRoutes(app: App, { outbox }: { outbox: OutboxService }) {
  const tags = ['outbox'];
  app.get('/api/v1/outbox', { schema: { tags, summary: 'Mail written to the local outbox (no SMTP_URL), newest first (owner)', response: { 200: OutboxList } } },
    async (request) => ({ items: await outbox.list(authOf(request)) }));
  app.get('/api/v1/outbox/:id', { schema: { tags, summary: 'One outbox message as message/rfc822 (owner)', params: OutboxId, response: { 200: z.string() } } },
    async (request, reply) => reply.type('message/rfc822').send(await outbox.get(authOf(request), request.params.id)));
}

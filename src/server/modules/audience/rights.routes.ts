import { z } from 'zod';
import { authOf, type App } from '../../core/types.ts';
import type { RightsService } from './rights.service.ts';

const PersonId = z.object({ id: z.uuid() });

export function rightsRoutes(app: App, { rights }: { rights: RightsService }) {
  const tags = ['audience'];
  app.get('/api/v1/people/:id/export', { schema: { tags, summary: 'Everything about one person as JSON: details, timeline, plans, questions, consent records (owner)', params: PersonId, response: { 200: z.record(z.string(), z.unknown()) } } },
    async (request, reply) => {
      const data = await rights.export(authOf(request), request.params.id);
      return reply.header('content-disposition', `attachment; filename="person-${request.params.id}.json"`).type('application/json; charset=utf-8').send(JSON.stringify(data, null, 2) as never);
    });
  app.post('/api/v1/people/:id/erase', { schema: { tags, summary: 'Erase a person: their data goes, their addresses stay hashed on the suppression list (owner)', params: PersonId, response: { 204: z.null() } } },
    async (request, reply) => {
      await rights.erase(authOf(request), request.params.id);
      return reply.code(204).send(null);
    });
}

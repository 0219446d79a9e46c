import { z } from 'zod';
import { authOf, type App } from '../../core/types.ts';
import { ConsentLookup, ConsentLookupQuery, InPersonConsent, SuppressionInput } from './consent.contract.ts';
import type { ConsentService } from './consent.service.ts';

export function consentRoutes(app: App, { consent }: { consent: ConsentService }) {
  const tags = ['audience'];
  app.get('/api/v1/consent', { schema: { tags, summary: 'Consent of one address: state per purpose, suppression and every ledger record', querystring: ConsentLookupQuery, response: { 200: ConsentLookup } } },
    (request) => consent.lookup(authOf(request), request.query.email));
  app.post('/api/v1/consent/in-person', { schema: { tags, summary: 'Record consent given in person, with the words used', body: InPersonConsent, response: { 204: z.null() } } },
    async (request, reply) => {
      await consent.recordInPerson(authOf(request), request.body);
      return reply.code(204).send(null);
    });
  app.post('/api/v1/suppressions', { schema: { tags, summary: 'Never mail this address again: by hand, or a bounce or complaint from the mail server', body: SuppressionInput, response: { 204: z.null() } } },
    async (request, reply) => {
      await consent.suppressByHand(authOf(request), request.body.email, request.body.reason);
      return reply.code(204).send(null);
    });
}

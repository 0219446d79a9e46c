import { z } from 'zod';
import { authOf, type App } from '../../core/types.ts';
import {
  Interaction, InteractionId, InteractionInput, InteractionList, InteractionPatch, InteractionQuery,
  PeoplePage, PeopleQuery, Person, PersonId, PersonInput, PersonPatch, TagList, MergeInput, DuplicateCandidates, DismissDuplicate, Introductions,
} from './people.contract.ts';
import type { PeopleService } from './people.service.ts';

export function peopleRoutes(app: App, { people }: { people: PeopleService }) {
  const tags = ['people'];
  app.get('/api/v1/people', { schema: { tags, summary: 'List people: search, tag filter, cursor pages', querystring: PeopleQuery, response: { 200: PeoplePage } } },
    (request) => people.list(authOf(request), request.query));
  app.post('/api/v1/people', { schema: { tags, summary: 'Add a person; an exact duplicate (same email, phone, handle or profile URL) is merged into the existing person', body: PersonInput, response: { 201: Person.describe('Created'), 200: Person.describe('Merged into the person who already had one of these emails, phones or handles') } } },
    async (request, reply) => {
      const { person, merged } = await people.create(authOf(request), request.body);
      return reply.code(merged ? 200 : 201).send(person);
    });
  app.post('/api/v1/people/:id/merge', { schema: { tags, summary: 'Merge another person into this one: their interactions, plans, introductions, emails, phones, handles and tags move here', params: PersonId, body: MergeInput, response: { 200: Person } } },
    (request) => people.merge(authOf(request), request.params.id, request.body.otherId));
  app.get('/api/v1/people/tags', { schema: { tags, summary: 'Tags in use, most used first', response: { 200: TagList } } },
    (request) => people.tags(authOf(request)));
  app.get('/api/v1/people/duplicates', { schema: { tags, summary: 'Possible duplicates to review, with what they share; merge or dismiss each', response: { 200: DuplicateCandidates } } },
    (request) => people.duplicateCandidates(authOf(request)));
  app.post('/api/v1/people/duplicates/dismiss', { schema: { tags, summary: 'Not a duplicate: never suggest this pair again', body: DismissDuplicate, response: { 204: z.null() } } },
    async (request, reply) => {
      await people.dismissDuplicate(authOf(request), request.body.aId, request.body.bId);
      return reply.code(204).send(null);
    });
  app.get('/api/v1/people/:id', { schema: { tags, summary: 'One person', params: PersonId, response: { 200: Person } } },
    (request) => people.get(authOf(request), request.params.id));
  app.patch('/api/v1/people/:id', { schema: { tags, summary: 'Change a person; fields left out stay', params: PersonId, body: PersonPatch, response: { 200: Person } } },
    (request) => people.update(authOf(request), request.params.id, request.body));
  app.delete('/api/v1/people/:id', { schema: { tags, summary: 'Delete a person and their interactions', params: PersonId, response: { 204: z.null() } } },
    async (request, reply) => {
      await people.remove(authOf(request), request.params.id);
      return reply.code(204).send(null);
    });
  app.get('/api/v1/people/:id/introductions', { schema: { tags, summary: 'Who introduced whom around this person', params: PersonId, response: { 200: Introductions } } },
    (request) => people.introductions(authOf(request), request.params.id));
  app.get('/api/v1/people/:id/interactions', { schema: { tags, summary: 'A person\'s timeline, newest first', params: PersonId, querystring: InteractionQuery, response: { 200: InteractionList } } },
    (request) => people.listInteractions(authOf(request), request.params.id, request.query));
  app.post('/api/v1/people/:id/interactions', { schema: { tags, summary: 'Log a touch', params: PersonId, body: InteractionInput, response: { 201: Interaction } } },
    async (request, reply) => reply.code(201).send(await people.addInteraction(authOf(request), request.params.id, request.body)));
  app.patch('/api/v1/people/:id/interactions/:interactionId', { schema: { tags, summary: 'Change an interaction; the ladder follows', params: InteractionId, body: InteractionPatch, response: { 200: Interaction } } },
    (request) => people.updateInteraction(authOf(request), request.params.id, request.params.interactionId, request.body));
  app.delete('/api/v1/people/:id/interactions/:interactionId', { schema: { tags, summary: 'Delete an interaction', params: InteractionId, response: { 204: z.null() } } },
    async (request, reply) => {
      await people.removeInteraction(authOf(request), request.params.id, request.params.interactionId);
      return reply.code(204).send(null);
    });
}

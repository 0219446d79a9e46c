import { z } from 'zod';
import { authOf, type App } from '../../core/types.ts';
import {
  CheckInInput, MessageInput, MessageResult, Occurrence, OccurrenceId, OccurrenceList, OccurrencePatch, OccurrenceQuery, Registration,
  RegistrationGroups, RegistrationQuery, SeriesDetail, SeriesId, SeriesInput, SeriesList, SeriesPatch,
} from './events.contract.ts';
import type { EventsService } from './events.service.ts';
import type { RegistrationsService } from './registrations.service.ts';

const OccurrenceRegistration = z.object({ id: z.uuid(), registrationId: z.uuid() });

export function eventsRoutes(app: App, { events, registrations }: { events: EventsService; registrations: RegistrationsService }) {
  const tags = ['events'];
  app.get('/api/v1/events', { schema: { tags, summary: 'Event series and single events', response: { 200: SeriesList } } },
    (request) => events.listSeries(authOf(request)));
  app.post('/api/v1/events', { schema: { tags, summary: 'Create a series (with an RRULE) or a single event (without); its occurrences are made ahead', body: SeriesInput, response: { 201: SeriesDetail } } },
    async (request, reply) => reply.code(201).send(await events.createSeries(authOf(request), request.body)));
  app.get('/api/v1/events/occurrences', { schema: { tags, summary: 'Occurrences in a time range, for the calendar', querystring: OccurrenceQuery, response: { 200: OccurrenceList } } },
    (request) => events.listOccurrences(authOf(request), request.query));
  app.get('/api/v1/events/occurrences/:id', { schema: { tags, summary: 'One occurrence with its counts', params: OccurrenceId, response: { 200: Occurrence } } },
    (request) => events.getOccurrence(authOf(request), request.params.id));
  app.patch('/api/v1/events/occurrences/:id', { schema: { tags, summary: 'Edit one occurrence alone; a new time or place notifies everyone registered, more places promote the waitlist', params: OccurrenceId, body: OccurrencePatch, response: { 200: Occurrence } } },
    (request) => events.updateOccurrence(authOf(request), request.params.id, request.body));
  app.post('/api/v1/events/occurrences/:id/cancel', { schema: { tags, summary: 'Cancel one occurrence; everyone registered is told (METHOD:CANCEL)', params: OccurrenceId, response: { 200: Occurrence } } },
    (request) => events.cancelOccurrence(authOf(request), request.params.id));
  app.get('/api/v1/events/occurrences/:id/registrations', { schema: { tags, summary: 'Registrations by group: confirmed, waitlist in order, cancelled, no-shows; q searches the door list', params: OccurrenceId, querystring: RegistrationQuery, response: { 200: RegistrationGroups } } },
    (request) => registrations.list(authOf(request), request.params.id, request.query.q));
  app.get('/api/v1/events/occurrences/:id/registrations.csv', { schema: { tags, summary: 'Registrations as CSV', params: OccurrenceId, response: { 200: z.string().describe('CSV with a header row') } } },
    async (request, reply) => reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="registrations.csv"').send(await registrations.csv(authOf(request), request.params.id)));
  app.post('/api/v1/events/occurrences/:id/check-in', { schema: { tags, summary: 'Check someone in at the door, by registration id or short code; they become Met on the ladder', params: OccurrenceId, body: CheckInInput, response: { 200: Registration } } },
    (request) => registrations.checkIn(authOf(request), request.params.id, request.body));
  app.post('/api/v1/events/occurrences/:id/messages', { schema: { tags, summary: 'Email one group (confirmed, waitlisted or attended) through the mail queue', params: OccurrenceId, body: MessageInput, response: { 200: MessageResult } } },
    (request) => registrations.message(authOf(request), request.params.id, request.body));
  app.post('/api/v1/events/occurrences/:id/registrations/:registrationId/cancel', { schema: { tags, summary: 'Cancel a registration for them; the first waitlisted person is promoted and emailed', params: OccurrenceRegistration, response: { 200: Registration } } },
    (request) => registrations.cancelByOrganiser(authOf(request), request.params.id, request.params.registrationId));
  app.get('/api/v1/events/:id', { schema: { tags, summary: 'One series or single event with its upcoming occurrences', params: SeriesId, response: { 200: SeriesDetail } } },
    (request) => events.getSeries(authOf(request), request.params.id));
  app.patch('/api/v1/events/:id', { schema: { tags, summary: 'Edit a series; occurrences edited alone keep their own values', params: SeriesId, body: SeriesPatch, response: { 200: SeriesDetail } } },
    (request) => events.updateSeries(authOf(request), request.params.id, request.body));
}

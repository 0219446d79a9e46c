import fastifyFormbody from '@fastify/formbody';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Clock } from '../../core/clock.ts';
import { isAppError } from '../../core/errors.ts';
import type { App } from '../../core/types.ts';
import { createMicrocache, pageContext, renderHtml, renderPage, sendPage } from '../public/index.ts';
import type { WorkspacesService } from '../workspaces/index.ts';
import { eventMessages } from './events.i18n.ts';
import { formatWhen } from './events.mail.ts';
import type { OccurrenceDetails, OccurrenceWithCounts } from './events.repository.ts';
import type { EventsService } from './events.service.ts';
import { eventUpdatesWording, type RegistrationsService } from './registrations.service.ts';

type Deps = { events: EventsService; registrations: RegistrationsService; workspaces: WorkspacesService; clock: Clock; formRateLimit: number; pageCacheMs: number };

const SlugParams = z.object({ slug: z.string().max(200) });
const TokenParams = z.object({ token: z.string().max(200) });
const WorkspaceQuery = z.object({ w: z.string().max(60).optional() });
const RegisterForm = z.object({
  name: z.string().max(200).default(''), email: z.string().max(500).default(''), source: z.string().max(200).optional(),
  consent: z.string().max(10).optional(), website: z.string().max(500).optional(),
});
const Email = z.email();

const where = (o: { venue: string | null; address: string | null }) => [o.venue, o.address].filter(Boolean).join(', ');
const mapUrl = (o: { venue: string | null; address: string | null }) => (o.address || o.venue ? `https://www.openstreetmap.org/search?query=${encodeURIComponent(o.address || o.venue!)}` : null);

// The one link people click: server-rendered, no JavaScript, English or German, on a phone.
export async function eventPageRoutes(app: App, { events, registrations, workspaces, clock, formRateLimit, pageCacheMs }: Deps) {
  const cached = createMicrocache<Buffer>(clock, pageCacheMs);
  // Which occurrence a form posts to, as the page cache keeps pages: a burst of RSVPs reads it once a
  // moment. Admission takes nothing else from it: it locks the occurrence and reads it afresh.
  const forms = createMicrocache<OccurrenceDetails>(clock, pageCacheMs);
  await app.register(async (scope: App) => {
    await scope.register(fastifyFormbody);
    const page = { public: true };
    const limited = { public: true, rateLimit: { max: formRateLimit, timeWindow: '1 minute' } };
    const meta = (request: FastifyRequest) => ({ ip: request.ip ?? null, userAgent: request.headers['user-agent']?.slice(0, 500) ?? null });
    const calendar = (reply: FastifyReply, name: string, body: string) =>
      reply.type('text/calendar; charset=utf-8').header('content-disposition', `inline; filename="${name}.ics"`).send(body);

    async function eventPage(request: FastifyRequest, reply: FastifyReply, status: number, occurrence: OccurrenceWithCounts, values: Record<string, string> = {}, errors: Record<string, string> = {}) {
      const context = pageContext(request);
      return sendPage(reply, status, context, await eventHtml(context, occurrence, values, errors));
    }

    async function eventHtml(context: ReturnType<typeof pageContext>, occurrence: OccurrenceWithCounts, values: Record<string, string> = {}, errors: Record<string, string> = {}) {
      const e = eventMessages(context.locale);
      const left = Math.max(0, occurrence.capacity - occurrence.confirmed);
      const closed = occurrence.status === 'cancelled' ? e.cancelled : occurrence.endsAt <= clock.now() ? e.over : null;
      let next = null;
      if (!closed && left === 0) {
        const found = await events.nextOpenOccurrence(occurrence.workspaceId, occurrence.startsAt);
        if (found) next = { slug: found.slug, text: e.nextWithPlaces.replace('{title}', found.title).replace('{when}', formatWhen(found.startsAt, found.timezone, context.locale)) };
      }
      return renderHtml('event', occurrence.title, context, {
        e, occurrence, when: formatWhen(occurrence.startsAt, occurrence.timezone, context.locale), where: where(occurrence), mapUrl: mapUrl(occurrence),
        closed, full: left === 0, places: left === 0 ? e.soldOut : left === 1 ? e.onePlaceLeft : e.placesLeft.replace('{n}', String(left)),
        next, values, errors, wording: eventUpdatesWording[context.locale].text,
      });
    }

    // A page kept from a moment ago goes out as soon as the route is known: the checks and hooks that come
    // after (validation, the API's authentication) have nothing to say about a page already served once.
    // This is the path a link that goes round takes thousands of times a minute.
    const servedFromCache = (request: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply, done: () => void) => {
      const context = pageContext(request);
      const html = cached.peek(request.params.slug, context.locale);
      if (html === undefined) done();
      else sendPage(reply, 200, context, html);
    };

    scope.get('/e/:slug', { config: page, schema: { hide: true, params: SlugParams }, onRequest: servedFromCache }, async (request, reply) => {
      const { slug } = request.params;
      if (slug.endsWith('.ics')) {
        const body = await events.occurrenceCalendar(slug.slice(0, -4));
        return body ? calendar(reply, slug.slice(0, -4), body) : reply.callNotFound();
      }
      const context = pageContext(request);
      const html = await cached.get(slug, context.locale, async () => {
        const occurrence = await events.publicOccurrence(slug);
        return occurrence ? Buffer.from(await eventHtml(context, occurrence)) : null;
      });
      return html === null ? reply.callNotFound() : sendPage(reply, 200, context, html);
    });

    scope.post('/e/:slug/register', { config: limited, schema: { hide: true, params: SlugParams, body: RegisterForm } }, async (request, reply) => {
      const occurrence = await forms.get(request.params.slug, '', async () => (await events.formOccurrence(request.params.slug)) ?? null);
      if (!occurrence) return reply.callNotFound();
      const context = pageContext(request);
      const e = eventMessages(context.locale);
      const values = { name: request.body.name.trim(), email: request.body.email.trim(), source: (request.body.source ?? '').trim() };
      // A filled honeypot is a bot: it is told what a person already registered is told, and nothing is written.
      if (request.body.website) return reply.redirect(`/e/${occurrence.slug}/thanks`, 303);
      const errors: Record<string, string> = {};
      if (!values.name) errors.name = e.nameMissing;
      if (!Email.safeParse(values.email).success) errors.email = context.t.emailInvalid;
      if (Object.keys(errors).length) {
        const shown = await events.publicOccurrence(occurrence.slug);
        return shown ? eventPage(request, reply, 400, shown, values, errors) : reply.callNotFound();
      }
      try {
        const result = await registrations.register(occurrence.slug, { ...values, source: values.source || null, consent: request.body.consent === 'yes', locale: context.locale, ...meta(request) }, occurrence);
        cached.forget(occurrence.slug);
        // The same address again learns nothing about the first registration: its link went to that inbox.
        return reply.redirect(result.manageToken ? `/e/r/${result.manageToken}` : `/e/${occurrence.slug}/thanks`, 303);
      } catch (error) {
        if (isAppError(error) && error.code === 'EVENT_CLOSED') return eventPage(request, reply, 409, (await events.publicOccurrence(occurrence.slug))!);
        // Removed within the moment the form's lookup was remembered.
        if (isAppError(error) && error.code === 'NOT_FOUND') return reply.callNotFound();
        throw error;
      }
    });

    scope.get('/e/:slug/thanks', { config: page, schema: { hide: true, params: SlugParams } }, async (request, reply) => {
      const context = pageContext(request);
      const e = eventMessages(context.locale);
      return renderPage(reply, 200, 'message', e.alreadyTitle, context, { heading: e.alreadyTitle, body: e.alreadyBody });
    });

    // The confirmation page after the form, and the manage page from the email's link.
    scope.get('/e/r/:token', { config: page, schema: { hide: true, params: TokenParams } }, async (request, reply) => {
      const context = pageContext(request);
      const e = eventMessages(context.locale);
      const found = await registrations.byToken(request.params.token);
      if (!found) return renderPage(reply, 404, 'message', e.invalidTitle, context, { heading: e.invalidTitle, body: e.invalidBody });
      const { registration, occurrence } = found;
      const [heading, body] = ({
        confirmed: [e.confirmedTitle, e.confirmedBody],
        waitlisted: [e.waitlistedTitle, e.waitlistedBody.replace('{n}', String(registration.position))],
        cancelled: [e.cancelledRegistrationTitle, e.cancelledRegistrationBody],
        attended: [e.attendedTitle, ''],
        no_show: [e.noShowTitle, ''],
      } satisfies Record<string, [string, string]>)[registration.status];
      const open = occurrence.status === 'scheduled' && occurrence.endsAt > clock.now();
      return renderPage(reply, 200, 'event-registration', heading, context, {
        e, heading, body, occurrence, when: formatWhen(occurrence.startsAt, occurrence.timezone, context.locale), where: where(occurrence),
        token: request.params.token, canCancel: open && (registration.status === 'confirmed' || registration.status === 'waitlisted'),
      });
    });

    scope.post('/e/r/:token/cancel', { config: limited, schema: { hide: true, params: TokenParams } }, async (request, reply) => {
      const context = pageContext(request);
      const e = eventMessages(context.locale);
      if (!(await registrations.cancelByToken(request.params.token))) return renderPage(reply, 404, 'message', e.invalidTitle, context, { heading: e.invalidTitle, body: e.invalidBody });
      // A place may have opened: no page here shows the old count (cancellations are few).
      cached.forget();
      return reply.redirect(`/e/r/${request.params.token}`, 303);
    });

    // Every public event of a workspace, for calendar apps to subscribe to.
    scope.get('/events.ics', { config: page, schema: { hide: true, querystring: WorkspaceQuery } }, async (request, reply) => {
      const all = await workspaces.listAll();
      const workspace = request.query.w ? all.find((w) => w.slug === request.query.w) : all[0];
      if (!workspace) return reply.callNotFound();
      return calendar(reply, workspace.slug, await events.workspaceCalendar(workspace.id, workspace.name));
    });
  });
}

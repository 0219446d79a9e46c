import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { authOf, type App } from '../../core/types.ts';
import {
  CalendarFeed, LosingTouch, NudgeAction, Plan, PlanDone, PlanId, PlanInput, PlanQuery,
  RelationshipSettingsPatch, RelationshipSettingsSchema, Today,
} from './nudges.contract.ts';
import type { NudgesService } from './nudges.service.ts';
import { plansCalendar } from './plans.ics.ts';

export function nudgesRoutes(app: App, { nudges, publicUrl }: { nudges: NudgesService; publicUrl: string }) {
  const tags = ['today'];
  app.get('/api/v1/today', { schema: { tags, summary: 'Who to call or meet, replies owed, then keeping in touch', response: { 200: Today } } },
    (request) => nudges.today(authOf(request)));
  app.get('/api/v1/losing-touch', { schema: { tags, summary: 'Everyone whose keep-in-touch cadence is overdue, most overdue first', response: { 200: LosingTouch } } },
    (request) => nudges.losingTouch(authOf(request)));
  app.post('/api/v1/nudges/actions', { schema: { tags, summary: 'Snooze, dismiss or mark a nudge done', body: NudgeAction, response: { 204: z.null() } } },
    async (request, reply) => {
      await nudges.act(authOf(request), request.body);
      return reply.code(204).send(null);
    });
  app.get('/api/v1/settings/relationships', { schema: { tags, summary: 'Nudge thresholds and cadences per tag', response: { 200: RelationshipSettingsSchema } } },
    (request) => nudges.getSettings(authOf(request)));
  app.patch('/api/v1/settings/relationships', { schema: { tags, summary: 'Change nudge thresholds or cadences per tag (owner)', body: RelationshipSettingsPatch, response: { 200: RelationshipSettingsSchema } } },
    (request) => nudges.updateSettings(authOf(request), request.body));

  app.post('/api/v1/plans', { schema: { tags, summary: 'Plan a call or meeting with a person', body: PlanInput, response: { 201: Plan } } },
    async (request, reply) => reply.code(201).send(await nudges.plan(authOf(request), request.body)));
  app.get('/api/v1/plans', { schema: { tags, summary: 'Planned calls and meetings', querystring: PlanQuery, response: { 200: z.object({ items: z.array(Plan) }) } } },
    async (request) => ({ items: await nudges.listPlans(authOf(request), request.query) }));
  app.post('/api/v1/plans/:id/done', { schema: { tags, summary: 'It happened: log it as an interaction', params: PlanId, body: PlanDone, response: { 200: Plan } } },
    (request) => nudges.completePlan(authOf(request), request.params.id, request.body));
  app.post('/api/v1/plans/:id/cancel', { schema: { tags, summary: 'Cancel a plan', params: PlanId, response: { 200: Plan } } },
    (request) => nudges.cancelPlan(authOf(request), request.params.id));
  app.get('/api/v1/plans/feed', { schema: { tags, summary: 'The private .ics address of your plans, for your calendar app', response: { 200: CalendarFeed } } },
    (request) => nudges.calendarFeedUrl(authOf(request)));

  app.get('/feeds/plans/:file', { config: { public: true }, schema: { hide: true, params: z.object({ file: z.string().max(300) }) } },
    async (request, reply) => {
      if (!request.params.file.endsWith('.ics')) throw new AppError('NOT_FOUND');
      const feed = await nudges.plansForFeed(request.params.file.slice(0, -4));
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(plansCalendar({ ...feed, publicUrl }));
    });
}

import { authOf, type App } from '../../core/types.ts';
import {
  Budget, BudgetInput, CurrentSession, FocusSession, PlanCalls, PlannedCalls, Reflection, ReflectionAnswers, ReflectionTrend,
  ReflectionWeek, SessionId, SessionList, SessionQuery, StartSession, TrendQuery, WeekSummary,
} from './focus.contract.ts';
import type { FocusService } from './focus.service.ts';

export function focusRoutes(app: App, { focus }: { focus: FocusService }) {
  const tags = ['focus'];
  app.post('/api/v1/focus/sessions', { schema: { tags, summary: 'Start a focus session (read, write, reply, leave); one at a time', body: StartSession, response: { 201: FocusSession } } },
    async (request, reply) => reply.code(201).send(await focus.start(authOf(request), request.body)));
  app.get('/api/v1/focus/sessions/current', { schema: { tags, summary: 'Your running session with its phase and time left, from the server clock', response: { 200: CurrentSession } } },
    async (request) => ({ session: await focus.current(authOf(request)) }));
  app.get('/api/v1/focus/sessions', { schema: { tags, summary: 'Your recent sessions, newest first', querystring: SessionQuery, response: { 200: SessionList } } },
    async (request) => ({ items: await focus.list(authOf(request), request.query.limit) }));
  app.get('/api/v1/focus/sessions/:id', { schema: { tags, summary: 'One of your sessions', params: SessionId, response: { 200: FocusSession } } },
    (request) => focus.get(authOf(request), request.params.id));
  app.post('/api/v1/focus/sessions/:id/end', { schema: { tags, summary: 'End a running session now (recorded as ended early)', params: SessionId, response: { 200: FocusSession } } },
    (request) => focus.end(authOf(request), request.params.id));
  app.post('/api/v1/focus/sessions/:id/calls', { schema: { tags, summary: 'Who to call, chosen in the leave phase: each becomes a planned call', params: SessionId, body: PlanCalls, response: { 201: PlannedCalls } } },
    async (request, reply) => reply.code(201).send(await focus.planCalls(authOf(request), request.params.id, request.body)));

  app.get('/api/v1/focus/week', { schema: { tags, summary: 'This week: focus minutes per channel, budget left, over-commitment', response: { 200: WeekSummary } } },
    (request) => focus.week(authOf(request)));
  app.get('/api/v1/focus/budget', { schema: { tags, summary: 'The weekly budget that applies to you', response: { 200: Budget } } },
    (request) => focus.getBudget(authOf(request)));
  app.put('/api/v1/focus/budget', { schema: { tags, summary: 'Set the weekly budget: your own, or the workspace\'s default (owner)', body: BudgetInput, response: { 200: Budget } } },
    (request) => focus.setBudget(authOf(request), request.body));
  app.delete('/api/v1/focus/budget', { schema: { tags, summary: 'Drop your own budget and use the workspace\'s again', response: { 200: Budget } } },
    (request) => focus.removeOwnBudget(authOf(request)));

  app.get('/api/v1/focus/reflections', { schema: { tags, summary: 'The weekly reflection as a trend: measured weeks beside your answers', querystring: TrendQuery, response: { 200: ReflectionTrend } } },
    (request) => focus.trend(authOf(request), request.query.weeks));
  app.put('/api/v1/focus/reflections/:week', { schema: { tags, summary: 'Answer the four questions (1–5) for this week or last week', params: ReflectionWeek, body: ReflectionAnswers, response: { 200: Reflection } } },
    (request) => focus.reflect(authOf(request), request.params.week, request.body));
}

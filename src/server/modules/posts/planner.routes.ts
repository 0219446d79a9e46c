import { authOf, type App } from '../../core/types.ts';
import { ObservanceList, ObservanceQuery, Planner, PlannerQuery, PlannerSettings, PlannerSettingsInput } from './planner.contract.ts';
import type { PlannerService } from './planner.service.ts';

export function plannerRoutes(app: App, { planner }: { planner: PlannerService }) {
  const tags = ['planner'];
  app.get('/api/v1/planner', { schema: { tags, summary: 'A week or month of posts per channel and slot, ideas and drafts, observances and the mix guard, in the workspace\'s zone', querystring: PlannerQuery, response: { 200: Planner } } },
    (request) => planner.view(authOf(request), request.query.view, request.query.date));
  app.get('/api/v1/planner/settings', { schema: { tags, summary: 'Country and region for holidays, and the pillar targets', response: { 200: PlannerSettings } } },
    (request) => planner.settings(authOf(request)));
  app.put('/api/v1/planner/settings', { schema: { tags, summary: 'Set the country and region for holidays and the pillar targets (owner)', body: PlannerSettingsInput, response: { 200: PlannerSettings } } },
    (request) => planner.saveSettings(authOf(request), request.body));
  app.get('/api/v1/observances', { schema: { tags, summary: 'Public holidays of the workspace\'s country and region, and awareness days, between two dates', querystring: ObservanceQuery, response: { 200: ObservanceList } } },
    async (request) => ({ items: await planner.observances(authOf(request), request.query.from, request.query.to) }));
}

import { z } from 'zod';
import { authOf, type App } from '../../core/types.ts';
import { ChannelReturn, ClientSources, Funnel, Period, PlatformParam, PlatformRisk, RiskPeople, RiskPeopleQuery, Vanity, WhatWorks } from './insights.contract.ts';
import type { InsightsService } from './insights.service.ts';

export function insightsRoutes(app: App, { insights }: { insights: InsightsService }) {
  const tags = ['insights'];
  app.get('/api/v1/insights/funnel', { schema: { tags, summary: 'Offline funnel: people per ladder step, moves up this month, median days from first touch to first call and meeting', response: { 200: Funnel } } },
    (request) => insights.funnel(authOf(request)));
  app.get('/api/v1/insights/what-works', { schema: { tags, summary: 'What works: posts per pillar, channel and weekday with the conversations, calls and meetings that followed, and a smoothed rate', querystring: Period, response: { 200: WhatWorks } } },
    (request) => insights.whatWorks(authOf(request), request.query.days));
  app.get('/api/v1/insights/channel-return', { schema: { tags, summary: 'Channel return: focus minutes per channel against conversations, meetings and new clients per hour', querystring: Period, response: { 200: ChannelReturn } } },
    (request) => insights.channelReturn(authOf(request), request.query.days));
  app.get('/api/v1/insights/client-sources', { schema: { tags, summary: 'Where clients came from: by the source they gave and by first-touch channel', response: { 200: ClientSources } } },
    (request) => insights.clientSources(authOf(request)));
  app.get('/api/v1/insights/platform-risk', { schema: { tags, summary: 'Platform risk: per platform, the people you could reach only there', response: { 200: PlatformRisk } } },
    (request) => insights.platformRisk(authOf(request)));
  app.get('/api/v1/insights/platform-risk/:platform', { schema: { tags, summary: 'The people reachable only on this platform, closest first', params: PlatformParam, querystring: RiskPeopleQuery, response: { 200: RiskPeople } } },
    (request) => insights.onlyOn(authOf(request), request.params.platform, request.query.limit));
  app.get('/api/v1/insights/platform-risk/:platform/people.csv', { schema: { tags, summary: 'The people reachable only on this platform, as CSV: ask them for another way to stay in touch', params: PlatformParam, response: { 200: z.string().describe('CSV with a header row') } } },
    async (request, reply) => reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="only-on-${request.params.platform}.csv"`)
      .send(await insights.onlyOnCsv(authOf(request), request.params.platform)));
  app.get('/api/v1/insights/vanity', { schema: { tags, summary: 'Likes and follows received (never the headline)', querystring: Period, response: { 200: Vanity } } },
    (request) => insights.vanity(authOf(request), request.query.days));
}

import { authOf, type App } from '../../core/types.ts';
import { ChannelCheck, ChannelId, PostId, PostOutcomes } from './posts.contract.ts';
import type { Outcomes } from './outcomes.service.ts';

export function outcomesRoutes(app: App, { outcomes }: { outcomes: Outcomes }) {
  const tags = ['posts'];
  app.get('/api/v1/posts/:id/outcomes', { schema: { tags, summary: 'What a post led to: replies and mentions, then calls and meetings with those people', params: PostId, response: { 200: PostOutcomes } } },
    (request) => outcomes.ofPost(authOf(request), request.params.id));
  app.post('/api/v1/channels/:id/check-replies', { schema: { tags, summary: 'Read new replies and mentions on a connected account now (the worker does it every ten minutes)', params: ChannelId, response: { 200: ChannelCheck } } },
    (request) => outcomes.checkNow(authOf(request), request.params.id));
}

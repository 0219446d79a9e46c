import { z } from 'zod';
import { authOf, type App } from '../../core/types.ts';
import { renderAtom } from './feed.ts';
import {
  Channel, ChannelId, ChannelInput, ChannelList, ChannelPatch, CoachInput, CoachResult, DueList, PostedInput, PostId, PostInput, PostList, PostPatch, PostQuery, PostWithCoach, ResolveInput, TargetId,
} from './posts.contract.ts';
import type { PostsService } from './posts.service.ts';

export function postsRoutes(app: App, { posts, publicUrl, clock }: { posts: PostsService; publicUrl: string; clock: { now: () => Date } }) {
  const tags = ['posts'];
  app.get('/feeds/:slug/posts.atom', { config: { public: true }, schema: { tags, summary: 'Atom feed of the workspace\'s published posts (public)', params: z.object({ slug: z.string().max(100) }), produces: ['application/atom+xml'] } },
    async (request, reply) => {
      const feed = await posts.feed(request.params.slug);
      if (!feed) return reply.callNotFound();
      const feedUrl = `${publicUrl.replace(/\/$/, '')}/feeds/${encodeURIComponent(feed.workspace.slug)}/posts.atom`;
      return reply.type('application/atom+xml; charset=utf-8').header('cache-control', 'public, max-age=300')
        .send(renderAtom({ feedUrl, title: feed.workspace.name, posts: feed.posts, updated: clock.now() }));
    });
  app.get('/api/v1/channels', { schema: { tags, summary: 'The workspace\'s channels, with posting slots and cadence goals', response: { 200: ChannelList } } },
    async (request) => ({ items: await posts.listChannels(authOf(request)) }));
  app.post('/api/v1/channels', { schema: { tags, summary: 'Add a channel (owner); credentials are stored encrypted', body: ChannelInput, response: { 201: Channel } } },
    async (request, reply) => reply.code(201).send(await posts.createChannel(authOf(request), request.body)));
  app.patch('/api/v1/channels/:id', { schema: { tags, summary: 'Change a channel (owner); credentials: null removes them', params: ChannelId, body: ChannelPatch, response: { 200: Channel } } },
    (request) => posts.updateChannel(authOf(request), request.params.id, request.body));
  app.delete('/api/v1/channels/:id', { schema: { tags, summary: 'Remove a channel and its place in every post (owner)', params: ChannelId } },
    async (request, reply) => { await posts.removeChannel(authOf(request), request.params.id); return reply.code(204).send(); });

  app.get('/api/v1/posts', { schema: { tags, summary: 'Posts by status or scheduled time', querystring: PostQuery, response: { 200: PostList } } },
    async (request) => ({ items: await posts.list(authOf(request), request.query) }));
  app.post('/api/v1/posts', { schema: { tags, summary: 'Write a post (idea, draft or scheduled), with the coach\'s advice', body: PostInput, response: { 201: PostWithCoach } } },
    async (request, reply) => reply.code(201).send(await posts.create(authOf(request), request.body)));
  app.get('/api/v1/posts/due', { schema: { tags, summary: 'Posts due on manual channels: copy-ready text per platform', response: { 200: DueList } } },
    async (request) => ({ items: await posts.due(authOf(request)) }));
  app.post('/api/v1/posts/coach', { schema: { tags, summary: 'The coach\'s advice on a text before saving (never blocks)', body: CoachInput, response: { 200: CoachResult } } },
    (request) => posts.coach(authOf(request), request.body));
  app.get('/api/v1/posts/:id', { schema: { tags, summary: 'A post with its channels and the coach\'s advice', params: PostId, response: { 200: PostWithCoach } } },
    (request) => posts.get(authOf(request), request.params.id));
  app.patch('/api/v1/posts/:id', { schema: { tags, summary: 'Change a post; status moves between idea, draft and scheduled', params: PostId, body: PostPatch, response: { 200: PostWithCoach } } },
    (request) => posts.update(authOf(request), request.params.id, request.body));
  app.delete('/api/v1/posts/:id', { schema: { tags, summary: 'Delete a post', params: PostId } },
    async (request, reply) => { await posts.remove(authOf(request), request.params.id); return reply.code(204).send(); });
  app.post('/api/v1/posts/:id/channels/:channelId/posted', { schema: { tags, summary: '"I posted it": a manual channel\'s copy is out, at this URL', params: TargetId, body: PostedInput, response: { 200: PostWithCoach } } },
    (request) => posts.markPosted(authOf(request), request.params.id, request.params.channelId, request.body.url));
  app.post('/api/v1/posts/:id/channels/:channelId/resolve', { schema: { tags, summary: 'Settle a channel whose outcome is unknown (or failed) after checking the platform', params: TargetId, body: ResolveInput, response: { 200: PostWithCoach } } },
    (request) => posts.resolve(authOf(request), request.params.id, request.params.channelId, request.body));
}

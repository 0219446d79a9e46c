import { authOf, type App } from '../../core/types.ts';
import type { AudienceSettingsService } from './audience-settings.ts';
import {
  AudienceCount, AudienceSettings, AudienceSettingsPatch, Broadcast, BroadcastId, BroadcastInput, BroadcastList, BroadcastPatch,
  Preview, PreviewInput, Segment, SendInput, TestSendResult,
} from './broadcasts.contract.ts';
import type { BroadcastsService } from './broadcasts.service.ts';

export function broadcastsRoutes(app: App, { broadcasts, audienceSettings }: { broadcasts: BroadcastsService; audienceSettings: AudienceSettingsService }) {
  const tags = ['broadcasts'];
  app.get('/api/v1/broadcasts', { schema: { tags, summary: 'Broadcasts, newest first, each with its report once sending has started', response: { 200: BroadcastList } } },
    (request) => broadcasts.list(authOf(request)));
  app.post('/api/v1/broadcasts', { schema: { tags, summary: 'A new draft broadcast', body: BroadcastInput, response: { 201: Broadcast } } },
    async (request, reply) => reply.code(201).send(await broadcasts.create(authOf(request), request.body)));
  app.post('/api/v1/broadcasts/preview', { schema: { tags, summary: 'The HTML and text parts a markdown body becomes', body: PreviewInput, response: { 200: Preview } } },
    (request) => broadcasts.preview(authOf(request), request.body));
  app.post('/api/v1/broadcasts/audience', { schema: { tags, summary: 'How many addresses a segment reaches right now (consented, not suppressed, each once)', body: Segment, response: { 200: AudienceCount } } },
    (request) => broadcasts.count(authOf(request), request.body));
  app.get('/api/v1/broadcasts/:id', { schema: { tags, summary: 'One broadcast with its report: sent, failed, skipped, unsubscribed since', params: BroadcastId, response: { 200: Broadcast } } },
    (request) => broadcasts.get(authOf(request), request.params.id));
  app.patch('/api/v1/broadcasts/:id', { schema: { tags, summary: 'Change a draft or scheduled broadcast (a scheduled one goes back to draft)', params: BroadcastId, body: BroadcastPatch, response: { 200: Broadcast } } },
    (request) => broadcasts.update(authOf(request), request.params.id, request.body));
  app.post('/api/v1/broadcasts/:id/test', { schema: { tags, summary: 'Send a test to your own address', params: BroadcastId, response: { 202: TestSendResult } } },
    async (request, reply) => reply.code(202).send(await broadcasts.testSend(authOf(request), request.params.id)));
  app.post('/api/v1/broadcasts/:id/send', { schema: { tags, summary: 'Send now, or schedule for a time; the worker sends it', params: BroadcastId, body: SendInput, response: { 200: Broadcast } } },
    (request) => broadcasts.send(authOf(request), request.params.id, request.body.at));
  app.post('/api/v1/broadcasts/:id/unschedule', { schema: { tags, summary: 'Take a scheduled broadcast back to draft', params: BroadcastId, response: { 200: Broadcast } } },
    (request) => broadcasts.unschedule(authOf(request), request.params.id));
  app.get('/api/v1/settings/audience', { schema: { tags: ['audience'], summary: 'Audience settings: evidence kept with consent, broadcast sending rate', response: { 200: AudienceSettings } } },
    (request) => audienceSettings.get(authOf(request)));
  app.patch('/api/v1/settings/audience', { schema: { tags: ['audience'], summary: 'Change the audience settings (owner)', body: AudienceSettingsPatch, response: { 200: AudienceSettings } } },
    (request) => audienceSettings.update(authOf(request), request.body));
}

import fastifyFormbody from '@fastify/formbody';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../core/types.ts';
import { pageContext, renderPage } from '../public/index.ts';
import type { WorkspacesService } from '../workspaces/index.ts';
import type { QuestionsService } from './questions.service.ts';
import { subscribeWording, type SubscribeService } from './subscribe.service.ts';

type Deps = { subscribe: SubscribeService; questions: QuestionsService; workspaces: WorkspacesService; formRateLimit: number };

const SubscribeForm = z.object({ email: z.string().max(500).default(''), website: z.string().max(500).optional() });
const AskForm = z.object({
  // A browser sends each line break of the textarea as CRLF, while its maxlength=5000 counts one: the
  // schema leaves room for that, and the handler counts the question with its line breaks normalised.
  name: z.string().max(200).default(''), email: z.string().max(500).default(''), question: z.string().max(10_000).default(''),
  newsletter: z.string().max(10).optional(), website: z.string().max(500).optional(),
});
const WorkspaceQuery = z.object({ w: z.string().max(60).optional() });
const TokenParams = z.object({ token: z.string().max(1000) });

// Public pages: server-rendered, no JavaScript, the visitor's language.
export async function publicFormRoutes(app: App, { subscribe, questions, workspaces, formRateLimit }: Deps) {
  await app.register(async (scope: App) => {
    await scope.register(fastifyFormbody);
    const limited = { public: true, rateLimit: { max: formRateLimit, timeWindow: '1 minute' } };
    const page = { public: true };

    async function workspaceOf(request: FastifyRequest, slug?: string) {
      const all = await workspaces.listAll();
      return slug ? all.find((w) => w.slug === slug) : all[0];
    }
    const meta = (request: FastifyRequest) => ({ ip: request.ip ?? null, userAgent: request.headers['user-agent']?.slice(0, 500) ?? null });
    const message = (request: FastifyRequest, reply: FastifyReply, status: number, heading: string, body: string, form?: { action: string; button: string }) => {
      const context = pageContext(request);
      return renderPage(reply, status, 'message', heading, context, { heading, body, ...(form ?? {}) });
    };

    scope.get('/subscribe', { config: page, schema: { hide: true, querystring: WorkspaceQuery } }, async (request, reply) => {
      const workspace = await workspaceOf(request, request.query.w);
      if (!workspace) return reply.callNotFound();
      const context = pageContext(request);
      return renderPage(reply, 200, 'subscribe', context.t.subscribeTitle.replace('{workspace}', workspace.name), context, {
        workspace: workspace.name, wording: subscribeWording[context.locale].text, query: request.query.w ? `?w=${encodeURIComponent(request.query.w)}` : '',
      });
    });

    scope.post('/subscribe', { config: limited, schema: { hide: true, querystring: WorkspaceQuery, body: SubscribeForm } }, async (request, reply) => {
      const workspace = await workspaceOf(request, request.query.w);
      if (!workspace) return reply.callNotFound();
      const context = pageContext(request);
      const email = request.body.email.trim();
      // A filled honeypot is a bot: it is told the same as a person and nothing is written.
      if (!request.body.website) {
        if (!z.email().safeParse(email).success) {
          return renderPage(reply, 400, 'subscribe', context.t.subscribeTitle.replace('{workspace}', workspace.name), context, {
            workspace: workspace.name, wording: subscribeWording[context.locale].text, email, error: context.t.emailInvalid, query: request.query.w ? `?w=${encodeURIComponent(request.query.w)}` : '',
          });
        }
        await subscribe.request({ workspaceId: workspace.id, workspaceName: workspace.name, email, locale: context.locale, ...meta(request) });
      }
      return reply.redirect('/subscribe/check-inbox', 303);
    });

    const askPage = (request: FastifyRequest, reply: FastifyReply, status: number, workspace: { name: string }, values: Record<string, string>, errors: Record<string, string>, slug?: string) => {
      const context = pageContext(request);
      return renderPage(reply, status, 'ask', context.t.askTitle.replace('{workspace}', workspace.name), context, {
        workspace: workspace.name, wording: subscribeWording[context.locale].text, values, errors, query: slug ? `?w=${encodeURIComponent(slug)}` : '',
      });
    };

    scope.get('/ask', { config: page, schema: { hide: true, querystring: WorkspaceQuery } }, async (request, reply) => {
      const workspace = await workspaceOf(request, request.query.w);
      if (!workspace) return reply.callNotFound();
      return askPage(request, reply, 200, workspace, {}, {}, request.query.w);
    });

    scope.post('/ask', { config: limited, schema: { hide: true, querystring: WorkspaceQuery, body: AskForm } }, async (request, reply) => {
      const workspace = await workspaceOf(request, request.query.w);
      if (!workspace) return reply.callNotFound();
      const { t, locale } = pageContext(request);
      const values = { name: request.body.name.trim(), email: request.body.email.trim(), question: request.body.question.replace(/\r\n?/g, '\n').trim() };
      if (!request.body.website) {
        const errors: Record<string, string> = {};
        if (!z.email().safeParse(values.email).success) errors.email = t.emailInvalid;
        if (!values.question) errors.question = t.questionMissing;
        else if (values.question.length > 5000) errors.question = t.questionTooLong;
        if (Object.keys(errors).length) return askPage(request, reply, 400, workspace, values, errors, request.query.w);
        await questions.ask(workspace, { ...values, name: values.name || values.email, newsletter: request.body.newsletter === 'yes', locale, ...meta(request) });
      }
      return reply.redirect('/ask/thanks', 303);
    });

    scope.get('/ask/thanks', { config: page, schema: { hide: true } }, (request, reply) => {
      const { t } = pageContext(request);
      return message(request, reply, 200, t.askedTitle, t.askedBody);
    });

    scope.get('/subscribe/check-inbox', { config: page, schema: { hide: true } }, (request, reply) => {
      const { t } = pageContext(request);
      return message(request, reply, 200, t.checkInboxTitle, t.checkInboxBody);
    });

    // The email's link opens this page; only its button (a POST) confirms, so link scanners confirm nothing.
    scope.get('/subscribe/confirm/:token', { config: page, schema: { hide: true, params: TokenParams } }, async (request, reply) => {
      const { t } = pageContext(request);
      const workspace = await workspaceOf(request);
      return message(request, reply, 200, t.confirmTitle, t.confirmBody.replace('{workspace}', workspace?.name ?? ''), { action: `/subscribe/confirm/${encodeURIComponent(request.params.token)}`, button: t.confirmButton });
    });

    scope.post('/subscribe/confirm/:token', { config: limited, schema: { hide: true, params: TokenParams } }, async (request, reply) => {
      const { t } = pageContext(request);
      const result = await subscribe.confirm(request.params.token, meta(request));
      return result === 'confirmed' ? message(request, reply, 200, t.confirmedTitle, t.confirmedBody) : message(request, reply, 410, t.invalidLinkTitle, t.invalidLinkBody);
    });

    scope.get('/unsubscribe/:token', { config: page, schema: { hide: true, params: TokenParams } }, async (request, reply) => {
      const { t } = pageContext(request);
      const workspace = await workspaceOf(request);
      return message(request, reply, 200, t.unsubscribeTitle, t.unsubscribeBody.replace('{workspace}', workspace?.name ?? ''), { action: `/unsubscribe/${encodeURIComponent(request.params.token)}`, button: t.unsubscribeButton });
    });

    // RFC 8058 one-click: a mail client POSTs List-Unsubscribe=One-Click here; the page's button posts the same.
    scope.post('/unsubscribe/:token', { config: limited, schema: { hide: true, params: TokenParams } }, async (request, reply) => {
      const { t } = pageContext(request);
      const workspace = await workspaceOf(request);
      const result = await subscribe.unsubscribe(request.params.token, meta(request));
      return result === 'unsubscribed'
        ? message(request, reply, 200, t.unsubscribedTitle, t.unsubscribedBody.replace('{workspace}', workspace?.name ?? ''))
        : message(request, reply, 410, t.invalidLinkTitle, t.invalidLinkBody);
    });
  });
}

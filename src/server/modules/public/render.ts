import { join } from 'node:path';
import { Eta } from 'eta';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { messagesFor, pickLocale, type PublicLocale, type PublicMessages } from './i18n.ts';

// Server-rendered public pages: escaped by default, no JavaScript, the visitor's language.
const eta = new Eta({ views: join(import.meta.dirname, 'templates'), autoEscape: true, cache: true });

export type PageContext = { locale: PublicLocale; t: PublicMessages };

export function pageContext(request: FastifyRequest): PageContext {
  const locale = pickLocale(request.headers['accept-language']);
  return { locale, t: messagesFor(locale) };
}

export function renderPage(reply: FastifyReply, status: number, view: string, title: string, context: PageContext, data: Record<string, unknown> = {}) {
  const body = eta.render(view, { ...data, ...context });
  const html = eta.render('layout', { ...context, title, body });
  return reply.code(status).header('content-language', context.locale).header('vary', 'Accept-Language').type('text/html; charset=utf-8').send(html);
}

export function renderNotFound(request: FastifyRequest, reply: FastifyReply) {
  const context = pageContext(request);
  return renderPage(reply, 404, 'not-found', context.t.notFoundTitle, context, { path: request.url.split('?')[0] });
}

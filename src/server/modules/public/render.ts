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
  return sendPage(reply, status, context, renderHtml(view, title, context, data));
}

export function renderHtml(view: string, title: string, context: PageContext, data: Record<string, unknown> = {}): string {
  const body = eta.render(view, { ...data, ...context });
  return eta.render('layout', { ...context, title, body });
}

// `html` already encoded (a Buffer) when the same page is sent many times, so it is not encoded again for each visitor.
export function sendPage(reply: FastifyReply, status: number, context: PageContext, html: string | Buffer) {
  return reply.code(status).header('content-language', context.locale).header('vary', 'Accept-Language').type('text/html; charset=utf-8').send(html);
}

// A page everyone sees alike (an event's page before anyone has typed into it), rendered at most once
// per `ttlMs` per page and language in this process: when a sold-out meetup's link goes round, visitors
// get a page at most a second old instead of each costing a database read and a render. Nothing is kept
// longer, so every process shows what the database holds a second later; a change made through this
// process (an RSVP, a cancellation) forgets the page at once.
export function createMicrocache<T = string>(clock: { now: () => Date }, ttlMs = 1000, maxPages = 1000) {
  // Per page, its rendering per language.
  const pages = new Map<string, Map<string, { value: T; until: number }>>();
  // Renderings under way: requests that come meanwhile wait for the same one. A rendering begun
  // before a forget() is neither kept nor shared after it (it may show what the change replaced).
  const pending = new Map<string, { epoch: number; rendering: Promise<T | null> }>();
  let epoch = 0;
  const fresh = (page: string, locale: string, now: number) => {
    const hit = pages.get(page)?.get(locale);
    return hit && hit.until > now ? hit : undefined;
  };
  return {
    // The page as kept, if it is still fresh; never renders.
    peek(page: string, locale: string): T | undefined {
      return fresh(page, locale, clock.now().getTime())?.value;
    },
    async get(page: string, locale: string, render: () => Promise<T | null>): Promise<T | null> {
      const now = clock.now().getTime();
      const hit = fresh(page, locale, now);
      if (hit) return hit.value;
      if (ttlMs <= 0) return render();
      const key = `${locale} ${page}`;
      const shared = pending.get(key);
      if (shared && shared.epoch === epoch) return shared.rendering;
      const started = epoch;
      const rendering = render().then((value) => {
        if (value !== null && started === epoch) {
          if (!pages.has(page) && pages.size >= maxPages) pages.delete(pages.keys().next().value!);
          pages.set(page, (pages.get(page) ?? new Map()).set(locale, { value, until: now + ttlMs }));
        }
        return value;
      }).finally(() => {
        if (pending.get(key)?.rendering === rendering) pending.delete(key);
      });
      pending.set(key, { epoch: started, rendering });
      return rendering;
    },
    // One page in every language, or (no page named) all of them.
    forget(page?: string) {
      epoch++;
      if (page === undefined) pages.clear();
      else pages.delete(page);
    },
  };
}

export function renderNotFound(request: FastifyRequest, reply: FastifyReply) {
  const context = pageContext(request);
  return renderPage(reply, 404, 'not-found', context.t.notFoundTitle, context, { path: request.url.split('?')[0] });
}

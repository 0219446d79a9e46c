import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.ts';
import type { App } from '../../core/types.ts';
import type { AuthService } from './auth.service.ts';

export const sessionCookie = 'onland_session';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

// Establishes request.auth for /api/v1 from a Bearer token or the session cookie.
// Cookie-authenticated writes must carry the session's CSRF token in X-CSRF-Token.
export function registerAuthentication(app: App, auth: AuthService) {
  app.decorateRequest('auth', null);
  app.addHook('preValidation', async (request: FastifyRequest) => {
    if (!request.url.startsWith('/api/v1/') || request.is404) return;
    const isPublic = request.routeOptions.config?.public === true;
    const header = request.headers.authorization;
    if (header) {
      const [scheme, token] = header.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token) throw new AppError('UNAUTHENTICATED', 'Use Authorization: Bearer <token>.');
      request.auth = await auth.authenticateToken(token);
      if (!request.auth) throw new AppError('UNAUTHENTICATED', 'This API token is not valid.');
      return;
    }
    const cookie = request.cookies[sessionCookie];
    const session = cookie ? await auth.authenticateSession(cookie) : null;
    if (session) {
      if (!safeMethods.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) throw new AppError('CSRF_FAILED');
      const { csrfToken: _csrf, ...rest } = session;
      request.auth = rest;
      return;
    }
    if (!isPublic) throw new AppError('UNAUTHENTICATED');
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, maxAgeSeconds: number, secure: boolean) {
  reply.setCookie(sessionCookie, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: maxAgeSeconds });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(sessionCookie, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

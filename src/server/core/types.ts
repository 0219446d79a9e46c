import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Auth } from '../modules/auth/access.ts';

// The Fastify instance every module's routes register on.
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

declare module 'fastify' {
  interface FastifyContextConfig {
    // Routes reachable without signing in (setup, login, public pages).
    public?: boolean;
  }
  interface FastifyRequest {
    auth: Auth | null;
  }
}

export function authOf(request: { auth: Auth | null }): Auth {
  // The authentication hook has already refused requests without auth on non-public routes.
  return request.auth as Auth;
}

import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

declare module 'fastify' {
  interface FastifyReply {
    // This response's CSP nonces, for a page with inline styles or scripts (the SPA's index.html);
    // null until styleNonce() asked for them.
    cspNonce: { script: string; style: string } | null;
  }
}

// Helmet's headers for these options, computed once: the same header set on every response.
function headersOf(options: Readonly<HelmetOptions>): [string, string][] {
  const headers = new Map<string, string>();
  const response = {
    setHeader: (name: string, value: string) => void headers.set(name.toLowerCase(), value),
    removeHeader: (name: string) => void headers.delete(name.toLowerCase()),
  };
  helmet(options)({} as never, response as never, (error?: unknown) => {
    if (error) throw error;
  });
  return [...headers];
}

// The security headers of every response (helmet's, with a strict CSP). They are computed once at start:
// building helmet's middleware and a CSP with fresh nonces per request cost a tenth of a busy server's CPU.
// Only a page that carries inline styles or scripts needs nonces: it calls withCspNonce(reply), which
// adds this response's own to script-src and style-src.
export function registerSecurityHeaders(app: FastifyInstance, { https }: { https: boolean }) {
  const nonceMark = 'nonce-placeholder';
  const options = (nonces: boolean): HelmetOptions => ({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...(nonces ? [`'${nonceMark}-script'`] : [])],
        styleSrc: ["'self'", ...(nonces ? [`'${nonceMark}-style'`] : [])],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    strictTransportSecurity: https,
    crossOriginEmbedderPolicy: false,
  });
  const headers = headersOf(options(false));
  const withNonces = headersOf(options(true)).find(([name]) => name === 'content-security-policy')![1];

  app.decorateReply('cspNonce', null);
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.header(name, value);
    done();
  });
  return {
    // This response's nonces, in its CSP from now on.
    withCspNonce(reply: FastifyReply): { script: string; style: string } {
      if (!reply.cspNonce) {
        reply.cspNonce = { script: randomBytes(16).toString('hex'), style: randomBytes(16).toString('hex') };
        reply.header('content-security-policy', withNonces.replace(`${nonceMark}-script`, `nonce-${reply.cspNonce.script}`).replace(`${nonceMark}-style`, `nonce-${reply.cspNonce.style}`));
      }
      return reply.cspNonce;
    },
  };
}

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorCatalog, type ErrorCode, type FieldIssue } from './errors.ts';

export type ProblemBody = { type: string; title: string; status: number; code: string; detail?: string; errors?: FieldIssue[] };

export function problem(code: ErrorCode, detail?: string, errors?: FieldIssue[]): ProblemBody {
  const { status, title } = errorCatalog[code];
  const body: ProblemBody = { type: `https://onland.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`, title, status, code };
  if (detail && detail !== title) body.detail = detail;
  if (errors?.length) body.errors = errors;
  return body;
}

export function sendProblem(reply: FastifyReply, body: ProblemBody): FastifyReply {
  return reply.code(body.status).type('application/problem+json; charset=utf-8').send(body);
}

// Fastify's own client errors, mapped to our stable codes.
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_BAD_URL: 'BAD_REQUEST',
  FST_ERR_MAX_PARAM_LENGTH: 'BAD_REQUEST',
  FST_ERR_ASYNC_CONSTRAINT: 'BAD_REQUEST',
  FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_FILES_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_PARTS_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_FIELDS_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_PROTO_VIOLATION: 'BAD_REQUEST',
};

export function toProblem(error: FastifyError | AppError | Error): ProblemBody {
  if (error instanceof AppError) return problem(error.code, error.detail, error.issues);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as FastifyError).validationContext ?? 'body';
    const issues = error.validation.map((v) => ({
      path: [context, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'Invalid value',
    }));
    return problem('VALIDATION_FAILED', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.code && fastifyCodes[fastifyError.code]) return problem(fastifyCodes[fastifyError.code]!, fastifyError.message);
  if (fastifyError.statusCode === 429) return problem('RATE_LIMITED');
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) return { ...problem('BAD_REQUEST', fastifyError.message), status };
  return problem('INTERNAL');
}

export function wantsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html') && !request.url.startsWith('/api/');
}

// PostgreSQL text cannot hold U+0000, so a NUL anywhere in a path, query or body reached the database as a 500.
// No field of Onland means a NUL: such a request is refused before validation, on every route.
export function refuseNulCharacters(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [['params', request.params], ['querystring', request.query], ['body', request.body]] as const) {
      const path = nulAt(value, [part], 0);
      if (path) throw new AppError('VALIDATION_FAILED', `${path}: contains a NUL character`, [{ path, message: 'Contains a NUL character' }]);
    }
  });
}

function nulAt(value: unknown, path: string[], depth: number): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') : null;
  if (!value || typeof value !== 'object' || depth > 32 || Buffer.isBuffer(value)) return null;
  for (const [key, item] of Object.entries(value)) {
    const found = key.includes('\u0000') ? [...path, key].join('.') : nulAt(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

// Errors the router raises before any route runs (a malformed URL, a parameter too long): problem+json too.
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  return sendProblem(reply, toProblem(error));
}

export function registerErrorHandling(app: FastifyInstance, renderNotFoundPage: (request: FastifyRequest, reply: FastifyReply) => FastifyReply | Promise<FastifyReply>) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const body = toProblem(error);
    if (body.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, body);
  });
  app.setNotFoundHandler((request, reply) => {
    if (wantsHtml(request)) return renderNotFoundPage(request, reply);
    return sendProblem(reply, problem('ROUTE_NOT_FOUND', `${request.method} ${request.url.split('?')[0]} does not exist.`));
  });
}

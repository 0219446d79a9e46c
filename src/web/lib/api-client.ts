import type { z } from 'zod';
import { Problem } from '../../server/core/contract.ts';

export type FieldIssue = { path: string; message: string };

// A failed request, as the server described it (application/problem+json) or as we saw it.
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldIssue[];

  constructor(status: number, code: string, title: string, detail?: string, fieldErrors: FieldIssue[] = []) {
    super(detail ?? title);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.title = title;
    this.detail = detail;
    this.fieldErrors = fieldErrors;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

// Writes made with the session cookie must carry the session's CSRF token.
let csrfToken = '';
export function setCsrfToken(token: string) {
  csrfToken = token;
}

type Query = Record<string, string | number | undefined | null>;
type Options<S extends z.ZodType | undefined> = {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  schema?: S;
  signal?: AbortSignal;
};
type Result<S> = S extends z.ZodType ? z.output<S> : void;

const safeMethods = new Set(['GET', 'HEAD']);

export async function api<S extends z.ZodType | undefined = undefined>(path: string, options: Options<S> = {}): Promise<Result<S>> {
  const response = await send(path, options);
  if (response.status === 403 && !safeMethods.has(options.method ?? 'GET')) {
    // The token may be stale (another tab signed in again): fetch the current one and try once more.
    const problem = await readProblem(response.clone());
    if (problem.code === 'CSRF_FAILED' && (await refreshCsrfToken())) return finish(await send(path, options), options.schema);
    throw problem;
  }
  return finish(response, options.schema);
}

async function send(path: string, { method = 'GET', body, query, signal }: Options<z.ZodType | undefined>): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // Only with a body: Fastify rejects an empty body that claims to be JSON.
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (!safeMethods.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(withQuery(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK_ERROR', 'The server could not be reached');
  }
}

async function finish<S extends z.ZodType | undefined>(response: Response, schema: S | undefined): Promise<Result<S>> {
  if (!response.ok) throw await readProblem(response);
  if (response.status === 204 || !schema) return undefined as Result<S>;
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ApiError(response.status, 'BAD_RESPONSE', 'The server sent an answer that could not be read');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiError(response.status, 'BAD_RESPONSE', 'The server sent an answer that could not be read');
  return parsed.data as Result<S>;
}

async function readProblem(response: Response): Promise<ApiError> {
  try {
    const parsed = Problem.safeParse(await response.json());
    if (parsed.success) {
      const { status, code, title, detail, errors } = parsed.data;
      return new ApiError(status, code, title, detail, errors ?? []);
    }
  } catch {
    // Not JSON: a proxy page or an empty body; describe it by status below.
  }
  return new ApiError(response.status, `HTTP_${response.status}`, response.statusText || `HTTP ${response.status}`);
}

async function refreshCsrfToken(): Promise<boolean> {
  try {
    const response = await fetch('/api/v1/auth/session', { headers: { accept: 'application/json' }, credentials: 'same-origin' });
    if (!response.ok) return false;
    const body = (await response.json()) as { csrfToken?: unknown };
    if (typeof body.csrfToken !== 'string' || !body.csrfToken) return false;
    csrfToken = body.csrfToken;
    return true;
  } catch {
    return false;
  }
}

function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

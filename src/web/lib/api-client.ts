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
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  schema?: S;
  signal?: AbortSignal;
};
type Result<S> = S extends z.ZodType ? z.output<S> : void;

const safeMethods = new Set(['GET', 'HEAD']);

export async function api<S extends z.ZodType | undefined = undefined>(path: string, options: Options<S> = {}): Promise<Result<S>> {
  return (await apiWithStatus(path, options)).data;
}

// The answer with its status, for endpoints whose 200 and 201 mean different things.
export async function apiWithStatus<S extends z.ZodType | undefined = undefined>(path: string, options: Options<S> = {}): Promise<{ status: number; data: Result<S> }> {
  return withCsrfRetry(options.method ?? 'GET', () => send(path, options), options.schema);
}

export type UploadProgress = { loaded: number; total: number };
type UploadOptions<S extends z.ZodType | undefined> = {
  form: FormData;
  query?: Query;
  schema?: S;
  signal?: AbortSignal;
  // Bytes sent so far; once they are all sent, the server is still working on them.
  onProgress?: (progress: UploadProgress) => void;
};

// A multipart POST that reports how much of the upload has gone: fetch cannot, XMLHttpRequest can.
export async function upload<S extends z.ZodType | undefined = undefined>(path: string, options: UploadOptions<S>): Promise<Result<S>> {
  return (await withCsrfRetry('POST', () => sendWithProgress(path, options), options.schema)).data;
}

async function withCsrfRetry<S extends z.ZodType | undefined>(method: string, attempt: () => Promise<Response>, schema: S | undefined): Promise<{ status: number; data: Result<S> }> {
  let response = await attempt();
  if (response.status === 403 && !safeMethods.has(method)) {
    // The token may be stale (another tab signed in again): fetch the current one and try once more.
    const problem = await readProblem(response.clone());
    if (problem.code !== 'CSRF_FAILED' || !(await refreshCsrfToken())) throw problem;
    response = await attempt();
  }
  return { status: response.status, data: await finish(response, schema) };
}

function sendWithProgress(path: string, { form, query, signal, onProgress }: UploadOptions<z.ZodType | undefined>): Promise<Response> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery(path, query));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    // No content-type: the browser writes multipart/form-data with its boundary.
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    let total = 0;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) total = event.total;
      onProgress?.({ loaded: event.loaded, total });
    };
    // Everything sent (a small body may report no progress at all): the server has it now.
    xhr.upload.onload = () => onProgress?.({ loaded: total || 1, total: total || 1 });
    xhr.onload = () => {
      const status = xhr.status;
      const body = status === 204 || status === 205 || status === 304 ? null : xhr.responseText;
      resolve(new Response(body, { status, statusText: xhr.statusText, headers: { 'content-type': xhr.getResponseHeader('content-type') ?? '' } }));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', 'The server could not be reached'));
    xhr.onabort = () => reject(signal?.reason ?? new DOMException('The upload was stopped', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

async function send(path: string, { method = 'GET', body, query, signal }: Options<z.ZodType | undefined>): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const isForm = body instanceof FormData;
  // Only with a body: Fastify rejects an empty body that claims to be JSON. A form gets its
  // multipart content type, with the boundary, from the browser.
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (!safeMethods.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(withQuery(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
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

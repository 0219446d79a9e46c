import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { fixedClock } from '../src/server/core/clock.ts';
import { errorCatalog } from '../src/server/core/errors.ts';
import { bearer, makeTestApp, setupOwner, type TestApp } from './helpers.ts';
import { invalidArbitrary, multipartUpload, operationsOf, pathArbitrary, validArbitrary, type JsonSchema, type Operation } from './openapi-requests.ts';
import { kindBySegment, multipartRoutes, staticWildcards, webAppShell } from './route-ids.ts';
import { addMember, seedWorkspace, sender, type Seeded } from './workspaces.ts';

// Requests generated from the OpenAPI document (and the public forms of the route table), valid and invalid,
// as the owner, a viewer, nobody and a forged token. Shared by the CI test (a seeded few) and bench/fuzz.ts (100,000).

export type FuzzRequest = { method: string; url: string; headers: Record<string, string>; payload?: string | object; route: string };
export type FuzzFinding = { request: FuzzRequest; status: number; contentType: string; body: string; why: string };

const knownCodes = new Set(Object.keys(errorCatalog));

export type FuzzTarget = {
  t: TestApp;
  seeded: Seeded;
  identities: Record<string, Record<string, string>>;
  operations: Operation[];
};

export async function fuzzTarget(): Promise<FuzzTarget> {
  // High limits: the fuzzer is one client, and 429s would hide everything behind them.
  const t = await makeTestApp({ clock: fixedClock(new Date('2026-03-01T09:00:00Z')), loginRateLimit: 1_000_000, formRateLimit: 1_000_000 });
  const owner = await setupOwner(t.app);
  const seeded = await seedWorkspace(t, sender(t, owner.headers), 'Fuzzmark');
  const viewer = await addMember(t, owner, 'viewer', 'viewer@example.org');
  const identities = {
    owner: await bearer(t.app, owner),
    viewer: await bearer(t.app, viewer),
    nobody: {},
    forged: { authorization: 'Bearer onl_forged-token' },
  };
  const documented = operationsOf(t.app.swagger()).filter((o) => o.url.startsWith('/api/v1/'));
  // Routes the document leaves out (public pages and forms, feeds): their path parameters and form bodies.
  const seen = new Set(documented.map((o) => `${o.method} ${o.url}`));
  const hidden: Operation[] = t.routes
    .filter((r) => r.method !== 'HEAD' && !seen.has(`${r.method} ${r.url}`) && !staticWildcards.has(r.url) && !webAppShell.has(r.url) && !r.url.startsWith('/api/docs'))
    .map((r) => ({
      method: r.method, url: r.url,
      pathParams: Object.fromEntries([...r.url.matchAll(/:(\w+)/g)].map((m) => [m[1]!, { type: 'string' } as JsonSchema])),
      body: r.method === 'POST' ? { type: 'object', properties: { name: { type: 'string' }, email: { type: 'string', format: 'email' }, question: { type: 'string' }, consent: { type: 'string', enum: ['yes', ''] }, newsletter: { type: 'string', enum: ['yes', ''] } } } : undefined,
      contentType: r.method === 'POST' ? 'application/x-www-form-urlencoded' : undefined,
    }));
  return { t, seeded, identities, operations: [...documented, ...hidden] };
}

// Ids the seeded workspace holds for a parameter, by the path segment before it.
function knownIds(target: FuzzTarget, url: string, param: string): string[] {
  const segments = url.split('/');
  const segment = segments[segments.indexOf(`:${param}`) - 1] ?? '';
  const kind = kindBySegment[segment];
  const ids = target.seeded.ids;
  if (kind) return [ids[kind]!, ...(kind === 'person' ? [ids.otherPerson!] : []), ...(kind === 'channel' ? [ids.manualChannel!] : [])].filter(Boolean);
  if (param === 'slug') return [target.seeded.workspaceSlug];
  if (param === 'week') return ['2026-03-02', '2026-W10'];
  return [];
}

export function requestArbitrary(target: FuzzTarget): fc.Arbitrary<FuzzRequest> {
  const perOperation = target.operations.map((operation) => {
    const params = Object.entries(operation.pathParams).map(([name, schema]) => pathArbitrary(schema, knownIds(target, operation.url, name)).map((v) => [name, v] as const));
    const query = operation.query ? fc.option(fc.oneof(validArbitrary(operation.query), invalidArbitrary(operation.query)), { nil: undefined }) : fc.constant(undefined);
    const body = operation.body ? fc.oneof(validArbitrary(operation.body), invalidArbitrary(operation.body)) : fc.option(fc.oneof(fc.constant({}), fc.string()), { nil: undefined });
    const rawBody = fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 8 },
      { arbitrary: fc.constantFrom('{"unterminated":', 'null', '[]', '"text"', '\u0000', '{"a":'.repeat(200)), weight: 1 },
      { arbitrary: fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/json; charset=latin1').map((type) => ({ contentType: type })), weight: 1 },
    );
    const who = fc.constantFrom(...Object.keys(target.identities));
    return fc.tuple(fc.tuple(...params), query, body, rawBody, who).map(([values, q, b, raw, identity]) => {
      const url = operation.url.replace(/:(\w+)/g, (_m, name: string) => values.find(([n]) => n === name)?.[1] ?? 'x');
      const search = q && typeof q === 'object' && !Array.isArray(q) ? `?${new URLSearchParams(Object.entries(q as Record<string, unknown>).map(([k, v]) => [k, text(v)]))}` : '';
      const headers: Record<string, string> = { ...target.identities[identity]! };
      let payload: string | object | undefined;
      if (multipartRoutes.has(`${operation.method} ${operation.url}`)) {
        const upload = multipartUpload('contacts.csv', typeof b === 'string' ? b : JSON.stringify(b ?? ''));
        Object.assign(headers, upload.headers);
        payload = upload.payload;
      } else if (typeof raw === 'string') {
        headers['content-type'] = 'application/json';
        payload = raw;
      } else if (raw && b !== undefined) {
        headers['content-type'] = raw.contentType;
        payload = typeof b === 'string' ? b : JSON.stringify(b);
      } else if (b !== undefined && operation.contentType === 'application/x-www-form-urlencoded') {
        headers['content-type'] = operation.contentType;
        payload = b && typeof b === 'object' ? new URLSearchParams(Object.entries(b as Record<string, unknown>).map(([k, v]) => [k, text(v)])).toString() : text(b);
      } else if (b !== undefined && !['GET', 'DELETE'].includes(operation.method)) {
        headers['content-type'] = 'application/json';
        payload = JSON.stringify(b);
      }
      return { method: operation.method, url: url + search, headers, payload, route: `${operation.method} ${operation.url}` };
    });
  });
  return fc.oneof(...perOperation);
}

const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? '');

// What every answer must be: never a 5xx; a 4xx from the API is problem+json with a known code.
export function judge(request: FuzzRequest, response: LightMyRequestResponse): FuzzFinding | null {
  const contentType = String(response.headers['content-type'] ?? '');
  const finding = (why: string) => ({ request, status: response.statusCode, contentType, body: response.body.slice(0, 300), why });
  if (response.statusCode >= 500) return finding('5xx');
  if (response.statusCode >= 400) {
    // Public pages answer people with HTML (a form shown again with its error); the API always with problem+json.
    if (!request.url.startsWith('/api/') && contentType.startsWith('text/html')) return null;
    if (!contentType.startsWith('application/problem+json')) return finding('a 4xx that is not problem+json');
    let code: unknown;
    try {
      code = (JSON.parse(response.body) as { code?: unknown }).code;
    } catch {
      return finding('a problem+json body that is not JSON');
    }
    if (typeof code !== 'string' || !knownCodes.has(code)) return finding(`a problem without a known code (${String(code)})`);
  }
  return null;
}

export async function send(target: FuzzTarget, request: FuzzRequest): Promise<LightMyRequestResponse> {
  return target.t.app.inject({ method: request.method as 'GET', url: request.url, headers: request.headers, ...(request.payload === undefined ? {} : { payload: request.payload }) });
}

// Runs `runs` generated requests; returns the findings and the statuses seen, by route.
export async function fuzz(target: FuzzTarget, options: { runs: number; seed: number; onProgress?: (done: number) => void }) {
  const findings: FuzzFinding[] = [];
  const statuses = new Map<number, number>();
  const routesHit = new Set<string>();
  let done = 0;
  const arbitrary = requestArbitrary(target);
  // In batches of 1,000, each from its own seed: 100,000 requests are never all in memory.
  for (let batch = 0; done < options.runs; batch++) {
    for (const request of fc.sample(arbitrary, { numRuns: Math.min(1000, options.runs - done), seed: options.seed + batch })) {
      const response = await send(target, request);
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      routesHit.add(request.route);
      const finding = judge(request, response);
      if (finding) findings.push(finding);
      done++;
    }
    options.onProgress?.(done);
  }
  return { findings, statuses, routesHit };
}

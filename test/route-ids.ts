// How the security suites read the route table: which record kind each :param names, and which routes are
// public, static or compute-only. A new route under a known path segment is covered without editing anything;
// a parameter under an unknown segment fails loudly until it is added here.

// The record kind an :id-like parameter names, from the path segment before it (…/people/:id → person).
export const kindBySegment: Record<string, string> = {
  people: 'person', interactions: 'interaction', plans: 'plan', outbox: 'mail', questions: 'question', sessions: 'focusSession',
  broadcasts: 'broadcast', channels: 'channel', posts: 'post', occurrences: 'occurrence', registrations: 'registration',
  events: 'series', members: 'member',
};

// Parameters that are not record ids: a reflection is addressed by its week (a Monday) inside the caller's own workspace;
// platform risk by a platform's name.
export const notIds: Record<string, string> = { week: '2026-03-02', platform: 'mastodon' };

// Wildcards serve static files. (Public addresses carry their own credential, an unguessable token or a public slug;
// being signed in changes nothing there.)
export const staticWildcards = new Set(['/api/docs/static/*', '/public/*', '/app/assets/*', '/app/*']);
// The web app's shell (a 503 until `npm run build` has run); the browser tests open it.
export const webAppShell = new Set(['/', '/app', '/app/*']);

// Ids inside request bodies, by property name.
export const bodyIdKinds: Record<string, string> = {
  personId: 'person', personIds: 'person', otherId: 'otherPerson', aId: 'person', bId: 'otherPerson', introducedById: 'otherPerson',
  registrationId: 'registration', assignedTo: 'member', channelId: 'channel', postId: 'post', attendedOccurrenceIds: 'occurrence',
};

// POSTs that only compute an answer (advice, a preview, a count) and write nothing.
export const computeOnlyPosts = new Set(['/api/v1/posts/coach', '/api/v1/broadcasts/preview', '/api/v1/broadcasts/audience']);

// Routes that take a multipart upload (the OpenAPI document names no request body for them).
export const multipartRoutes = new Set(['POST /api/v1/imports']);

export function kindOf(url: string, param: string): string | null {
  if (param in notIds) return null;
  const segments = url.split('/');
  const at = segments.indexOf(`:${param}`);
  const kind = kindBySegment[segments[at - 1] ?? ''];
  if (!kind) throw new Error(`No id mapping for :${param} in ${url}: add its path segment to kindBySegment in test/route-ids.ts`);
  return kind;
}

// The route's URL with each parameter replaced by the seeded workspace's record of that kind.
export function fillRoute(url: string, ids: Record<string, string>, override: Record<string, string> = {}): string {
  return url.replace(/:(\w+)/g, (_m, param: string) => {
    if (override[param] !== undefined) return encodeURIComponent(override[param]!);
    const kind = kindOf(url, param);
    if (!kind) return notIds[param]!;
    const id = ids[kind];
    if (!id) throw new Error(`the seeded workspace has no ${kind} for :${param} in ${url}`);
    return encodeURIComponent(id);
  });
}

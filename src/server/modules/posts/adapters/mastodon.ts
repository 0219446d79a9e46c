import { neverSent, retryDelay, type Adapter, type PublishOutcome, type RetryPolicy } from './types.ts';

// The instance's origin from the channel's account, e.g. https://social.example/@anna.
export function instanceOf(account: string | null): string | null {
  if (!account) return null;
  try {
    const url = new URL(account);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

type Decision = { retry: true; final: PublishOutcome; retryAfter: string | null } | { retry: false; outcome: PublishOutcome };

// masto loads with the first publish, not with the server.
type Masto = typeof import('masto');
let loaded: Promise<Masto> | undefined;
const masto = () => (loaded ??= import('masto'));

function decide(error: unknown, { MastoHttpError, MastoTimeoutError }: Masto): Decision {
  if (error instanceof MastoTimeoutError) {
    return { retry: false, outcome: { state: 'unknown', error: 'Mastodon did not answer in time; the post may or may not be out' } };
  }
  if (error instanceof MastoHttpError) {
    const retryAfter = (error.cause as Response | undefined)?.headers?.get('retry-after') ?? null;
    // 429: refused before anything was written, so trying again cannot post twice.
    if (error.statusCode === 429) return { retry: true, retryAfter, final: { state: 'failed', error: 'Mastodon kept refusing: too many requests' } };
    // 5xx: the same Idempotency-Key makes Mastodon return the first status if it was created, so a retry is safe;
    // after the last attempt nobody knows.
    if (error.statusCode >= 500) return { retry: true, retryAfter, final: { state: 'unknown', error: `Mastodon answered ${error.statusCode}; the post may or may not be out` } };
    return { retry: false, outcome: { state: 'failed', error: `Mastodon refused the post (${error.statusCode}): ${error.description ?? error.message}` } };
  }
  if (neverSent(error)) return { retry: true, retryAfter: null, final: { state: 'failed', error: 'The Mastodon instance could not be reached' } };
  return { retry: true, retryAfter: null, final: { state: 'unknown', error: `The call to Mastodon broke off (${(error as Error)?.message ?? 'unknown error'}); the post may or may not be out` } };
}

// Mastodon through masto's REST client. Every attempt for one post carries the same Idempotency-Key.
export function mastodonAdapter(policy: RetryPolicy): Adapter {
  return async ({ account, credentials, text, requestKey }) => {
    const url = instanceOf(account);
    if (!url) return { state: 'failed', error: 'The channel has no instance address (e.g. https://social.example/@you)' };
    if (!credentials?.accessToken) return { state: 'failed', error: 'The channel has no access token' };
    const lib = await masto();
    const client = lib.createRestAPIClient({ url, accessToken: credentials.accessToken, timeout: policy.timeoutMs });
    for (let attempt = 1; ; attempt++) {
      try {
        const status = await client.v1.statuses.create({ status: text, visibility: 'public' }, { requestInit: { headers: { 'Idempotency-Key': requestKey } } });
        return { state: 'published', externalId: status.id, url: status.url ?? status.uri };
      } catch (error) {
        const decision = decide(error, lib);
        if (!decision.retry) return decision.outcome;
        if (attempt >= policy.attempts) return decision.final;
        await policy.sleep(retryDelay(policy, attempt, decision.retryAfter));
      }
    }
  };
}

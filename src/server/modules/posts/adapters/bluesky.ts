import { randomInt } from 'node:crypto';
// @atproto/api carries every lexicon; it loads with the first publish, not with the server.
type Atproto = typeof import('@atproto/api');
let loaded: Promise<Atproto> | undefined;
const atproto = () => (loaded ??= import('@atproto/api'));
import { neverSent, retryDelay, timedOut, type Adapter, type PublishOutcome, type RetryPolicy } from './types.ts';

// The PDS and handle from the channel's account, e.g. https://bsky.social/@anna.bsky.social.
export function blueskyAccountOf(account: string | null): { service: string; identifier: string } | null {
  if (!account) return null;
  try {
    const url = new URL(account);
    const identifier = decodeURIComponent(url.pathname.replace(/^\/@?/, '').replace(/\/$/, ''));
    if (!identifier || !['https:', 'http:'].includes(url.protocol)) return null;
    return { service: url.origin, identifier };
  } catch {
    return null;
  }
}

// A record key in the TID form app.bsky.feed.post requires: microseconds since 1970 and a clock id,
// base32-sortable. Chosen before the first attempt, so a retry can only ever write the same record.
const s32 = '234567abcdefghijklmnopqrstuvwxyz';
export function makeTid(nowMs: number, clockId = randomInt(1024)): string {
  let n = (BigInt(nowMs) * 1000n << 10n) | BigInt(clockId);
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = s32[Number(n & 31n)] + out;
    n >>= 5n;
  }
  return out;
}

const collection = 'app.bsky.feed.post';
const statusOf = (error: unknown) => {
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' ? status : 0;
};

// Bluesky through its official @atproto/api client, signed in with an app password. The post is written
// under a record key chosen up front: after a 5xx the record is looked up first and only written again
// if it is not there, and the same key makes a second write impossible anyway.
export function blueskyAdapter(policy: RetryPolicy, now: () => number = Date.now): Adapter {
  return async ({ account, credentials, text }) => {
    const where = blueskyAccountOf(account);
    if (!where) return { state: 'failed', error: 'The channel has no Bluesky address (e.g. https://bsky.social/@you.bsky.social)' };
    if (!credentials?.appPassword) return { state: 'failed', error: 'The channel has no app password' };
    const { AtpAgent, RichText } = await atproto();
    // Every call has a deadline; signing in posts nothing, so it may take its time.
    let limit = Math.max(policy.timeoutMs, 10_000);
    const agent = new AtpAgent({ service: where.service, fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(limit) }) });
    try {
      await agent.login({ identifier: where.identifier, password: credentials.appPassword });
    } catch (error) {
      // Nothing was posted yet, whatever went wrong.
      return { state: 'failed', error: statusOf(error) === 401 ? 'Bluesky refused the sign-in: check the handle and app password' : `Could not sign in to Bluesky: ${(error as Error).message}` };
    }
    limit = policy.timeoutMs;
    const did = agent.session!.did;
    const handle = agent.session!.handle;
    const rkey = makeTid(now());
    const rich = new RichText({ text });
    rich.detectFacetsWithoutResolution();
    const record = { $type: collection, text: rich.text, facets: rich.facets, createdAt: new Date(now()).toISOString() };
    const published = (uri: string): PublishOutcome => ({ state: 'published', externalId: uri, url: `https://bsky.app/profile/${handle}/post/${rkey}` });

    for (let attempt = 1; ; attempt++) {
      try {
        const { data } = await agent.com.atproto.repo.createRecord({ repo: did, collection, rkey, record });
        return published(data.uri);
      } catch (error) {
        if (timedOut(error)) return { state: 'unknown', error: 'Bluesky did not answer in time; the post may or may not be out' };
        const status = statusOf(error);
        const headers = (error as { headers?: Record<string, string> }).headers ?? {};
        let final: PublishOutcome;
        // 429 was refused before writing; a refused connection never arrived; a 5xx or a broken connection may have written.
        if (status === 429) final = { state: 'failed', error: 'Bluesky kept refusing: too many requests' };
        else if (status >= 500) final = { state: 'unknown', error: `Bluesky answered ${status}; the post may or may not be out` };
        else if (neverSent(error)) final = { state: 'failed', error: 'The Bluesky server could not be reached' };
        else if (status >= 400) return { state: 'failed', error: `Bluesky refused the post (${status}): ${(error as Error).message}` };
        else final = { state: 'unknown', error: `The call to Bluesky broke off (${(error as Error).message}); the post may or may not be out` };
        if (final.state === 'unknown') {
          // The first write may have landed before the error: look for the record under our key.
          try {
            const found = await agent.com.atproto.repo.getRecord({ repo: did, collection, rkey });
            return published(found.data.uri);
          } catch (lookup) {
            if (statusOf(lookup) !== 400 && statusOf(lookup) !== 404) return final;
          }
        }
        if (attempt >= policy.attempts) return final;
        const reset = headers['ratelimit-reset'] ? String(Math.max(0, Number(headers['ratelimit-reset']) - Math.floor(now() / 1000))) : null;
        await policy.sleep(retryDelay(policy, attempt, headers['retry-after'] ?? reset));
      }
    }
  };
}

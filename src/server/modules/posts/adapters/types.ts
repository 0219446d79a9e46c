// What a publishing adapter is told, and what it answers. "failed" means the platform surely did not take
// the post; "unknown" means it may have (a timeout, a broken connection): a person checks, nothing retries.
export type PublishRequest = { account: string | null; credentials: Record<string, string> | null; text: string; requestKey: string };
export type PublishOutcome =
  | { state: 'published'; externalId: string; url: string | null }
  | { state: 'failed' | 'unknown'; error: string };
export type Adapter = (request: PublishRequest) => Promise<PublishOutcome>;

export type RetryPolicy = {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number;
  sleep: (ms: number) => Promise<void>;
};

export const defaultRetryPolicy: RetryPolicy = {
  attempts: 4, baseDelayMs: 1000, maxDelayMs: 60_000, timeoutMs: 15_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

// Retry-After is seconds or an HTTP date; without it the wait doubles each attempt.
export function retryDelay(policy: RetryPolicy, attempt: number, retryAfter: string | null | undefined, now = Date.now()): number {
  let wait = policy.baseDelayMs * 2 ** (attempt - 1);
  if (retryAfter) {
    const seconds = Number(retryAfter);
    const date = Date.parse(retryAfter);
    if (Number.isFinite(seconds)) wait = seconds * 1000;
    else if (Number.isFinite(date)) wait = date - now;
  }
  return Math.min(policy.maxDelayMs, Math.max(0, wait));
}

// A refused connection never reached the platform; other network errors may have happened after sending.
export function neverSent(error: unknown): boolean {
  for (let e = error as { cause?: unknown; code?: string } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return true;
  }
  return false;
}

export function timedOut(error: unknown): boolean {
  for (let e = error as { cause?: unknown; name?: string } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.name === 'TimeoutError') return true;
  }
  return false;
}

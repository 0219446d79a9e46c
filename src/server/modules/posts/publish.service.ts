import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/index.ts';
import type { JobDefinition } from '../../jobs/index.ts';
import type { Adapter } from './adapters/types.ts';
import type { Platform } from './lengths.ts';
import { createPublishRepository, type ClaimedTarget } from './publish.repository.ts';

type Deps = {
  db: Db;
  clock: Clock;
  adapters: Partial<Record<Platform, Adapter>>;
  credentialsOf: (workspaceId: string, channelId: string) => Promise<Record<string, string> | null>;
  // A call running longer than this is taken for a dead worker's: its post becomes unknown.
  leaseMs?: number;
  batch?: number;
  concurrency?: number;
};

// Publishes due posts on API channels exactly once or visibly not at all: claim (locked, before the call),
// call the platform, record the outcome. Never retried blindly: the adapters retry only what cannot duplicate.
export function createPublisher({ db, clock, adapters, credentialsOf, leaseMs = 10 * 60_000, batch = 50, concurrency = 8 }: Deps) {
  const repo = createPublishRepository(db);

  async function publishOne(target: ClaimedTarget) {
    const adapter = adapters[target.platform as Platform];
    if (!adapter) return repo.record(target, { state: 'failed', error: `Onland cannot publish to ${target.platform}` }, clock.now());
    let outcome;
    try {
      const credentials = await credentialsOf(target.workspaceId, target.channelId);
      outcome = await adapter({ account: target.account, credentials, text: target.text, requestKey: target.requestKey });
    } catch (error) {
      // An adapter's own bug after the call may have started: nobody knows whether the post went out.
      outcome = { state: 'unknown' as const, error: `Publishing broke off: ${(error as Error).message}` };
    }
    await repo.record(target, outcome.state === 'published' ? { state: 'published', externalId: outcome.externalId, url: outcome.url } : { state: outcome.state, error: outcome.error }, clock.now());
  }

  return {
    // One pass: mark stale calls unknown, then claim and publish everything due. Safe in any number of workers.
    async run(): Promise<{ claimed: number; stale: number }> {
      const now = clock.now();
      const stale = await repo.sweepStale(new Date(now.getTime() - leaseMs), now);
      let claimed = 0;
      for (;;) {
        const targets = await repo.claimDue(clock.now(), batch);
        claimed += targets.length;
        const queue = [...targets];
        await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
          for (let next = queue.shift(); next; next = queue.shift()) await publishOne(next);
        }));
        if (targets.length < batch) break;
      }
      return { claimed, stale };
    },
    repository: repo,
  };
}

export type Publisher = ReturnType<typeof createPublisher>;

export function publishJobs(publisher: Publisher): JobDefinition[] {
  // Every worker polls each second (and sweeps at start): posts due while none ran go out at once.
  return [{ name: 'publish-posts', cron: '* * * * *', everySeconds: 1, handler: () => publisher.run() }];
}

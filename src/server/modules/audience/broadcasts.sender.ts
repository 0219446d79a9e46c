import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/index.ts';
import type { JobDefinition } from '../../jobs/index.ts';
import type { Mailer } from '../../mail/index.ts';
import type { WorkspacesService } from '../workspaces/index.ts';
import type { AudienceSettingsService } from './audience-settings.ts';
import { renderBroadcast, renderMarkdown } from './broadcasts.render.ts';
import { createBroadcastsRepository, type BroadcastRow, type DeliveryRow } from './broadcasts.repository.ts';
import type { BroadcastsService } from './broadcasts.service.ts';
import { unsubscribeHeaders } from './broadcasts.service.ts';
import { subscriptionState } from './consent.rules.ts';
import type { SubscribeService } from './subscribe.service.ts';

type Deps = {
  db: Db; clock: Clock; mailer: Mailer; broadcasts: BroadcastsService; subscribe: SubscribeService; workspaces: WorkspacesService; settings: AudienceSettingsService;
  // Deliveries sent side by side (each in its own transaction); PGlite runs one transaction at a time anyway.
  concurrency?: number;
};
type Outcome = 'sent' | 'skipped' | 'failed' | 'none' | 'stop';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const maxAttempts = 5;

// The worker's side of broadcasts. Each delivery is claimed with SKIP LOCKED inside a transaction
// that stays open while the message goes out; the row is marked sent and committed just before
// the SMTP server is handed the message's final dot. A worker killed before that leaves the row
// pending and unlocked (the server drops the unfinished message), so the next run sends it; one
// killed after it has recorded the send. So a resumed send mails nobody twice and misses nobody.
export function createBroadcastSender({ db, clock, mailer, broadcasts, subscribe, workspaces, settings, concurrency = 1 }: Deps) {
  const repo = createBroadcastsRepository(db);

  // Due broadcasts start: one delivery row per recipient, written with the status change in one transaction.
  async function startDue(): Promise<number> {
    let started = 0;
    for (;;) {
      const done = await db.transaction(async (tx) => {
        const broadcast = await repo.takeDue(clock.now(), tx);
        if (!broadcast) return false;
        const recipients = await broadcasts.recipients(broadcast.workspaceId, broadcast.segment, tx);
        await repo.insertDeliveries(broadcast.workspaceId, broadcast.id, recipients, tx);
        await repo.update(broadcast.workspaceId, broadcast.id, ['scheduled'], { status: 'sending', startedAt: clock.now() }, tx);
        return true;
      });
      if (!done) return started;
      started++;
    }
  }

  async function deliverOne(broadcast: BroadcastRow, workspaceName: string, locale: 'en' | 'de', bodyHtml: string): Promise<Outcome> {
    let accepted: { sending: Promise<unknown>; committed: () => void; row: DeliveryRow } | undefined;
    const outcome = await db.transaction(async (tx): Promise<Outcome> => {
      const row = await repo.claim(broadcast.workspaceId, broadcast.id, tx);
      if (!row) return 'none';
      // The gate, at the moment of sending: consent for the purpose now, and not suppressed.
      const allowed = row.email !== null && !(await repo.isSuppressed(row.workspaceId, row.emailHash, tx))
        && subscriptionState(await repo.ledgerOf(row.workspaceId, broadcast.segment.purpose, row.emailHash, tx), clock.now()) === 'subscribed';
      if (!allowed) {
        await repo.mark(row, { status: 'skipped' }, tx);
        return 'skipped';
      }
      const link = subscribe.unsubscribeLink(row.workspaceId, row.email!);
      const parts = renderBroadcast({ subject: broadcast.subject, body: broadcast.body, bodyHtml, workspace: workspaceName, unsubscribeUrl: link, locale });
      let reachedDot: () => void = () => {};
      const atDot = new Promise<void>((resolve) => { reachedDot = resolve; });
      let committed: () => void = () => {};
      const afterCommit = new Promise<void>((resolve) => { committed = resolve; });
      const sending = mailer.send({ to: row.email!, subject: broadcast.subject, ...parts, headers: unsubscribeHeaders(link) }, {
        workspaceId: row.workspaceId,
        beforeAccept: async () => {
          await repo.mark(row, { status: 'sent', sentAt: clock.now(), attempts: row.attempts + 1 }, tx);
          reachedDot();
          await afterCommit;
        },
      });
      const early = await Promise.race([atDot.then(() => null), sending.then(() => null, (error: unknown) => error)]);
      if (early === null) {
        accepted = { sending, committed, row };
        return 'sent';
      }
      // Refused before the end of the message: a refusal of the address fails the row; anything
      // else (the server is down, busy) leaves it pending for the next run, and this run stops.
      const error = early as Error & { responseCode?: number };
      const attempts = row.attempts + 1;
      const permanent = (error.responseCode ?? 0) >= 500 || attempts >= maxAttempts;
      await repo.mark(row, { status: permanent ? 'failed' : 'pending', attempts, lastError: error.message.slice(0, 500) }, tx);
      return permanent ? 'failed' : 'stop';
    });
    if (accepted) {
      accepted.committed();
      try {
        await accepted.sending;
      } catch (error) {
        // A temporary refusal of the finished message (4xx): pending again, tried on the next run.
        // A permanent one (5xx) fails it. A connection lost before the server answered leaves it
        // unknown: it may have arrived, so it is not sent again blindly (failed, with the reason).
        const { message, responseCode = 0 } = error as Error & { responseCode?: number };
        const temporary = responseCode >= 400 && responseCode < 500 && accepted.row.attempts + 1 < maxAttempts;
        await repo.mark(accepted.row, temporary
          ? { status: 'pending', sentAt: null, lastError: message.slice(0, 500) }
          : { status: 'failed', sentAt: null, lastError: (responseCode ? message : `Unknown whether it arrived: ${message}`).slice(0, 500) });
        return temporary ? 'stop' : 'failed';
      }
    }
    return outcome;
  }

  // Sends a broadcast's pending deliveries until none are left or the time is up, at the workspace's rate.
  async function deliver(broadcast: BroadcastRow, budgetMs: number): Promise<{ sent: number; failed: number; skipped: number }> {
    const totals = { sent: 0, failed: 0, skipped: 0 };
    const workspace = (await workspaces.listAll()).find((w) => w.id === broadcast.workspaceId);
    const { sendRatePerMinute } = await settings.read(broadcast.workspaceId);
    const intervalMs = sendRatePerMinute ? 60_000 / sendRatePerMinute : 0;
    const deadline = performance.now() + budgetMs;
    const bodyHtml = renderMarkdown(broadcast.body);
    // One lane meeting a busy or absent server stops them all: the next run tries again.
    let stopped = false;
    const lane = async () => {
      while (!stopped && performance.now() < deadline) {
        if (intervalMs > 0) {
          const slot = await repo.reserveSlot(broadcast.workspaceId, broadcast.id, clock.now(), intervalMs);
          const wait = slot.getTime() - clock.now().getTime();
          if (performance.now() + wait > deadline) return;
          if (wait > 0) await sleep(wait);
        }
        const outcome = await deliverOne(broadcast, workspace?.name ?? '', workspace?.locale === 'de' ? 'de' : 'en', bodyHtml);
        if (outcome === 'stop') stopped = true;
        if (outcome === 'none' || outcome === 'stop') return;
        totals[outcome]++;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    return totals;
  }

  return {
    startDue,
    deliver,
    // One worker run: start what is due, send what is pending, close what is done.
    async run(budgetMs = 50_000) {
      const started = await startDue();
      const totals = { started, sent: 0, failed: 0, skipped: 0 };
      for (const broadcast of await repo.sending()) {
        const result = await deliver(broadcast, budgetMs);
        totals.sent += result.sent;
        totals.failed += result.failed;
        totals.skipped += result.skipped;
      }
      await repo.finishDone(clock.now());
      return totals;
    },
  };
}

export type BroadcastSender = ReturnType<typeof createBroadcastSender>;

export function broadcastJobs(sender: BroadcastSender): JobDefinition[] {
  return [{ name: 'send-broadcasts', cron: '* * * * *', everySeconds: 2, handler: () => sender.run() }];
}

import { and, asc, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/index.ts';
import { channels, posts, postTargets } from './posts.table.ts';
import type { PostRow } from './posts.repository.ts';

export type ClaimedTarget = {
  workspaceId: string; postId: string; channelId: string; platform: string; account: string | null;
  text: string; requestKey: string; attemptedAt: Date;
};

// The publisher's SQL. It works across workspaces (the worker serves them all), always by (workspace_id, id).
export function createPublishRepository(db: Db) {
  // A post's status follows its channels: in flight, then unknown, failed, published, or back to
  // scheduled while a manual channel still waits for its person.
  async function settle(tx: Tx, workspaceId: string, postId: string, now: Date) {
    const [post] = await tx.select({ status: posts.status }).from(posts).where(and(eq(posts.workspaceId, workspaceId), eq(posts.id, postId))).for('update');
    if (!post) return;
    const states = (await tx.select({ state: postTargets.state, publishedAt: postTargets.publishedAt }).from(postTargets)
      .where(and(eq(postTargets.workspaceId, workspaceId), eq(postTargets.postId, postId))));
    let status: PostRow['status'];
    if (states.some((t) => t.state === 'publishing')) status = 'publishing';
    else if (states.some((t) => t.state === 'unknown')) status = 'unknown';
    else if (states.some((t) => t.state === 'failed')) status = 'failed';
    else if (states.length && states.every((t) => t.state === 'published')) status = 'published';
    else status = 'scheduled';
    const publishedAt = status === 'published' ? new Date(Math.max(...states.map((t) => t.publishedAt?.getTime() ?? now.getTime()))) : null;
    await tx.update(posts).set({ status, publishedAt, updatedAt: now }).where(and(eq(posts.workspaceId, workspaceId), eq(posts.id, postId)));
  }

  return {
    settle,

    // Moves due posts to publishing in one locked transaction, before any platform call. SKIP LOCKED lets
    // any number of workers claim side by side; a post claimed once is never claimed again.
    async claimDue(now: Date, limit: number, newKey: () => string): Promise<ClaimedTarget[]> {
      return db.transaction(async (tx) => {
        const due = await tx.select({ workspaceId: posts.workspaceId, id: posts.id, body: posts.body }).from(posts)
          .where(and(eq(posts.status, 'scheduled'), lte(posts.scheduledAt, now), sql`exists (select 1 from ${postTargets} t join ${channels} c on c.workspace_id = t.workspace_id and c.id = t.channel_id
            where t.workspace_id = ${posts.workspaceId} and t.post_id = ${posts.id} and t.state = 'pending' and c.mode = 'api')`))
          .orderBy(asc(posts.scheduledAt)).limit(limit).for('update', { skipLocked: true });
        const claimed: ClaimedTarget[] = [];
        for (const post of due) {
          await tx.update(posts).set({ status: 'publishing', updatedAt: now }).where(and(eq(posts.workspaceId, post.workspaceId), eq(posts.id, post.id)));
          const targets = await tx.select({ target: postTargets, channel: channels }).from(postTargets)
            .innerJoin(channels, and(eq(channels.workspaceId, postTargets.workspaceId), eq(channels.id, postTargets.channelId)))
            .where(and(eq(postTargets.workspaceId, post.workspaceId), eq(postTargets.postId, post.id), eq(postTargets.state, 'pending'), eq(channels.mode, 'api')));
          for (const { target, channel } of targets) {
            const requestKey = target.requestKey ?? newKey();
            await tx.update(postTargets).set({ state: 'publishing', attemptedAt: now, requestKey, error: null })
              .where(and(eq(postTargets.workspaceId, post.workspaceId), eq(postTargets.postId, post.id), eq(postTargets.channelId, channel.id)));
            claimed.push({ workspaceId: post.workspaceId, postId: post.id, channelId: channel.id, platform: channel.platform, account: channel.account, text: target.body ?? post.body, requestKey, attemptedAt: now });
          }
        }
        return claimed;
      });
    },

    // What the platform said, written with the post's new status in one transaction.
    async record(target: ClaimedTarget, values: { state: 'published' | 'failed' | 'unknown'; externalId?: string | null; url?: string | null; error?: string | null }, now: Date) {
      await db.transaction(async (tx) => {
        await tx.update(postTargets).set({ state: values.state, externalId: values.externalId ?? null, url: values.url ?? null, error: values.error ?? null, publishedAt: values.state === 'published' ? now : null })
          .where(and(eq(postTargets.workspaceId, target.workspaceId), eq(postTargets.postId, target.postId), eq(postTargets.channelId, target.channelId), eq(postTargets.state, 'publishing')));
        await settle(tx, target.workspaceId, target.postId, now);
      });
    },

    // Calls that began before the cutoff and never reported back (a worker died mid-call): nobody can
    // know whether the platform took them, so they become unknown for a person to check.
    async sweepStale(cutoff: Date, now: Date): Promise<number> {
      return db.transaction(async (tx) => {
        const stale = await tx.update(postTargets).set({ state: 'unknown', error: 'The publisher stopped during the call; check the platform' })
          .where(and(eq(postTargets.state, 'publishing'), lt(postTargets.attemptedAt, cutoff)))
          .returning({ workspaceId: postTargets.workspaceId, postId: postTargets.postId });
        const seen = new Set<string>();
        for (const row of stale) {
          if (seen.has(`${row.workspaceId}/${row.postId}`)) continue;
          seen.add(`${row.workspaceId}/${row.postId}`);
          await settle(tx, row.workspaceId, row.postId, now);
        }
        return stale.length;
      });
    },

    // A person's answer for an unknown (or failed) channel: it went out (with its URL), or it did not.
    async resolve(workspaceId: string, postId: string, channelId: string, outcome: { published: boolean; url: string | null }, now: Date) {
      return db.transaction(async (tx) => {
        const [target] = await tx.select().from(postTargets).where(and(eq(postTargets.workspaceId, workspaceId), eq(postTargets.postId, postId), eq(postTargets.channelId, channelId))).for('update');
        if (!target || !['unknown', 'failed'].includes(target.state)) return false;
        await tx.update(postTargets).set(outcome.published
          ? { state: 'published', url: outcome.url ?? target.url, publishedAt: now, error: null }
          : { state: 'failed', error: 'Checked: it did not go out' })
          .where(and(eq(postTargets.workspaceId, workspaceId), eq(postTargets.postId, postId), eq(postTargets.channelId, channelId)));
        await settle(tx, workspaceId, postId, now);
        return true;
      });
    },

    // Rescheduling a failed post sends its failed channels again.
    async retryFailed(tx: Tx, workspaceId: string, postId: string) {
      await tx.update(postTargets).set({ state: 'pending', error: null })
        .where(and(eq(postTargets.workspaceId, workspaceId), eq(postTargets.postId, postId), inArray(postTargets.state, ['failed'])));
    },
  };
}

export type PublishRepository = ReturnType<typeof createPublishRepository>;

import { and, eq, inArray, lt, sql } from 'drizzle-orm';
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

    // Moves due posts to publishing in one statement, before any platform call. SKIP LOCKED lets any number of
    // workers claim side by side; a post claimed once is never claimed again. A target keeps the request key of
    // an earlier attempt, so a retry of the same post is recognised by the platform.
    async claimDue(now: Date, limit: number): Promise<ClaimedTarget[]> {
      const result = await db.execute<{ workspace_id: string; post_id: string; channel_id: string; platform: string; account: string | null; text: string; request_key: string }>(sql`
        with due as (
          select p.workspace_id, p.id from ${posts} p
          where p.status = 'scheduled' and p.scheduled_at <= ${now}
            and exists (select 1 from ${postTargets} t join ${channels} c on c.workspace_id = t.workspace_id and c.id = t.channel_id
              where t.workspace_id = p.workspace_id and t.post_id = p.id and t.state = 'pending' and c.mode = 'api')
          order by p.scheduled_at
          limit ${limit}
          for update of p skip locked
        ), claimed as (
          update ${posts} p set status = 'publishing', updated_at = ${now}
          from due where p.workspace_id = due.workspace_id and p.id = due.id
          returning p.workspace_id, p.id, p.body
        )
        update ${postTargets} t set state = 'publishing', attempted_at = ${now}, request_key = coalesce(t.request_key, gen_random_uuid()::text), error = null
        from claimed, ${channels} c
        where t.workspace_id = claimed.workspace_id and t.post_id = claimed.id and t.state = 'pending'
          and c.workspace_id = t.workspace_id and c.id = t.channel_id and c.mode = 'api'
        returning t.workspace_id, t.post_id, t.channel_id, c.platform, c.account, coalesce(t.body, claimed.body) as text, t.request_key`);
      const rows = (result as unknown as { rows: { workspace_id: string; post_id: string; channel_id: string; platform: string; account: string | null; text: string; request_key: string }[] }).rows;
      return rows.map((r) => ({ workspaceId: r.workspace_id, postId: r.post_id, channelId: r.channel_id, platform: r.platform, account: r.account, text: r.text, requestKey: r.request_key, attemptedAt: now }));
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

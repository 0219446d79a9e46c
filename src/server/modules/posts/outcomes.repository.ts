import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { channels, postTargets } from './posts.table.ts';

export type MentionsChannel = Pick<typeof channels.$inferSelect, 'workspaceId' | 'id' | 'platform' | 'account' | 'mentionsCursor'>;

// What reading replies needs from the posts tables: the connected channels, their bookmarks, and which
// of our posts a platform id belongs to.
export function createOutcomesRepository(db: Db) {
  const columns = { workspaceId: channels.workspaceId, id: channels.id, platform: channels.platform, account: channels.account, mentionsCursor: channels.mentionsCursor };
  return {
    // Every workspace's connected accounts: the job reads them all.
    connectedChannels(): Promise<MentionsChannel[]> {
      return db.select(columns).from(channels)
        .where(and(eq(channels.mode, 'api'), isNotNull(channels.credentials), inArray(channels.platform, ['mastodon', 'bluesky'])))
        .orderBy(asc(channels.workspaceId), asc(channels.createdAt));
    },
    async channel(workspaceId: string, id: string): Promise<MentionsChannel | undefined> {
      const [row] = await db.select(columns).from(channels).where(and(eq(channels.workspaceId, workspaceId), eq(channels.id, id)));
      return row;
    },
    async saveProgress(workspaceId: string, id: string, values: { mentionsCursor?: string | null; mentionsCheckedAt: Date; mentionsError: string | null }) {
      await db.update(channels).set(values).where(and(eq(channels.workspaceId, workspaceId), eq(channels.id, id)));
    },
    // Platform id → post id, for posts this channel published.
    async postsByExternalId(workspaceId: string, channelId: string, externalIds: string[]): Promise<Map<string, string>> {
      if (externalIds.length === 0) return new Map();
      const rows = await db.select({ externalId: postTargets.externalId, postId: postTargets.postId }).from(postTargets)
        .where(and(eq(postTargets.workspaceId, workspaceId), eq(postTargets.channelId, channelId), inArray(postTargets.externalId, externalIds)));
      return new Map(rows.map((r) => [r.externalId!, r.postId]));
    },
  };
}

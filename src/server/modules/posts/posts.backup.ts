import type { Db, Tx } from '../../db/index.ts';
import { exportRows, restoreRows } from '../../db/rows.ts';
import { channels, plannerSettings, postTargets, posts } from './posts.table.ts';

type Row = Record<string, unknown>;
export type PostsBackup = Record<'channels' | 'posts' | 'targets' | 'settings', Row[]>;

// Channels, posts with their per-channel state, and the planner's settings. Channel credentials stay out:
// they are encrypted with this instance's secret, and a backup file is no place for account tokens.
// After a restore, each connected account is connected again.
export function createPostsBackup(db: Db) {
  return {
    async export(workspaceId: string): Promise<PostsBackup> {
      const channelRows = await exportRows(db, channels, workspaceId, [channels.id]);
      return {
        channels: channelRows.map((row) => ({ ...row, credentials: null })),
        posts: await exportRows(db, posts, workspaceId, [posts.id]),
        targets: await exportRows(db, postTargets, workspaceId, [postTargets.postId, postTargets.channelId]),
        settings: await exportRows(db, plannerSettings, workspaceId, [plannerSettings.workspaceId]),
      };
    },
    async restore(tx: Tx, workspaceId: string, data: PostsBackup): Promise<void> {
      await restoreRows(tx, channels, data.channels.map((row) => ({ ...row, credentials: null })), workspaceId);
      await restoreRows(tx, posts, data.posts, workspaceId);
      await restoreRows(tx, postTargets, data.targets, workspaceId);
      await restoreRows(tx, plannerSettings, data.settings, workspaceId);
    },
  };
}

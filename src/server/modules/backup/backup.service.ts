import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../../db/index.ts';
import { createAudienceBackup } from '../audience/index.ts';
import { createEventsBackup } from '../events/index.ts';
import { createAuthBackup, requireRole, type Auth } from '../auth/index.ts';
import { createFocusBackup } from '../focus/index.ts';
import { createImportsBackup } from '../imports/index.ts';
import { createPeopleBackup, type PeopleBackup } from '../people/index.ts';
import { createPostsBackup } from '../posts/index.ts';
import type { WorkspacesService } from '../workspaces/index.ts';
import { BackupFile } from './backup.contract.ts';

// Composes each module's backup of its own tables into one file, and restores it in one transaction.
export function createBackupService({ db, clock, workspaces }: { db: Db; clock: Clock; workspaces: WorkspacesService }) {
  const members = createAuthBackup(db);
  const people = createPeopleBackup(db);
  const imports = createImportsBackup(db);
  const audience = createAudienceBackup(db);
  const focus = createFocusBackup(db);
  const events = createEventsBackup(db);
  const posts = createPostsBackup(db);

  return {
    async export(auth: Auth): Promise<BackupFile> {
      requireRole(auth, 'owner');
      const workspace = await workspaces.get(auth);
      return {
        format: 'onland-backup',
        version: 1,
        exportedAt: clock.now().toISOString(),
        workspace: { ...workspace, createdAt: workspace.createdAt.toISOString() },
        members: await members.export(auth.workspaceId),
        people: await people.export(auth.workspaceId),
        imports: await imports.export(auth.workspaceId),
        audience: await audience.export(auth.workspaceId),
        focus: await focus.export(auth.workspaceId),
        events: await events.export(auth.workspaceId),
        posts: await posts.export(auth.workspaceId),
      };
    },

    // Into a fresh instance only: the workspace keeps its id, so links and feeds stay valid.
    async restore(input: unknown): Promise<{ workspace: string; workspaceId: string; people: number; interactions: number }> {
      const parsed = BackupFile.safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new AppError('IMPORT_UNREADABLE', `This is not an Onland backup (${issue.path.join('.') || 'file'}: ${issue.message}).`);
      }
      const backup = parsed.data;
      await db.transaction(async (tx) => {
        if ((await workspaces.count(tx)) > 0) throw new AppError('SETUP_DONE', 'A backup is restored into a fresh instance, and this one already has a workspace. Use an empty data folder (ONLAND_DATA_DIR) or database.');
        const ws = backup.workspace;
        await workspaces.restore(tx, { ...ws, createdAt: new Date(ws.createdAt) });
        await members.restore(tx, ws.id, backup.members);
        await people.restore(tx, ws.id, backup.people as PeopleBackup);
        await imports.restore(tx, ws.id, backup.imports);
        await audience.restore(tx, ws.id, backup.audience);
        if (backup.focus) await focus.restore(tx, ws.id, backup.focus);
        if (backup.events) await events.restore(tx, ws.id, backup.events);
        if (backup.posts) await posts.restore(tx, ws.id, backup.posts);
      }).catch((error: unknown) => {
        if (error instanceof AppError) throw error;
        throw new AppError('IMPORT_UNREADABLE', `The backup could not be restored: ${(error as Error).message.split('\n')[0]}`);
      });
      return { workspace: backup.workspace.name, workspaceId: backup.workspace.id, people: backup.people.people.length, interactions: backup.people.interactions.length };
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;

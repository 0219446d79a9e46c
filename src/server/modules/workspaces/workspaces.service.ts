import { AppError } from '../../core/errors.ts';
import type { Db, Tx } from '../../db/index.ts';
import type { Auth } from '../auth/access.ts';
import { requireRole } from '../auth/access.ts';
import type { Workspace } from './workspaces.contract.ts';
import { createWorkspacesRepository } from './workspaces.repository.ts';

export function createWorkspacesService({ db }: { db: Db }) {
  const repo = createWorkspacesRepository(db);

  return {
    count: (tx?: Db | Tx) => repo.count(tx),

    // Called by first-run setup inside its transaction; picks a free slug.
    async create(input: { name: string; timezone?: string; locale?: string }, tx: Db | Tx): Promise<Workspace> {
      const base = slugify(input.name) || 'workspace';
      let slug = base;
      for (let n = 2; await repo.findBySlug(slug, tx); n++) slug = `${base}-${n}`;
      return repo.insert({ name: input.name, slug, timezone: input.timezone ?? 'UTC', locale: input.locale ?? 'en' }, tx);
    },

    async get(auth: Auth): Promise<Workspace> {
      requireRole(auth, 'viewer');
      const row = await repo.get(auth.workspaceId);
      if (!row) throw new AppError('NOT_FOUND');
      return row;
    },

    // For the machine's administrator (the CLI): every workspace on this instance.
    listAll: (): Promise<Workspace[]> => repo.listAll(),

    // Backups: the workspace row as it is, and back under the same id.
    restore: (tx: Tx, workspace: Workspace) => repo.insert(workspace, tx),

    async findBySlug(slug: string): Promise<Workspace | undefined> {
      return repo.findBySlug(slug);
    },

    async update(auth: Auth, patch: { name?: string; timezone?: string; locale?: string }): Promise<Workspace> {
      requireRole(auth, 'owner');
      // Nothing to change is no change (and an UPDATE without columns is not SQL).
      const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const row = Object.keys(values).length ? await repo.update(auth.workspaceId, values) : await repo.get(auth.workspaceId);
      if (!row) throw new AppError('NOT_FOUND');
      return row;
    },
  };
}

export type WorkspacesService = ReturnType<typeof createWorkspacesService>;

export function slugify(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
}

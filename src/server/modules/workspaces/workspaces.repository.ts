import { asc, count, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/index.ts';
import { workspaces } from './workspaces.table.ts';

export type WorkspaceRow = typeof workspaces.$inferSelect;

export function createWorkspacesRepository(db: Db) {
  return {
    async count(tx: Db | Tx = db): Promise<number> {
      const [row] = await tx.select({ n: count() }).from(workspaces);
      return row?.n ?? 0;
    },
    async insert(values: typeof workspaces.$inferInsert, tx: Db | Tx = db): Promise<WorkspaceRow> {
      const [row] = await tx.insert(workspaces).values(values).returning();
      return row!;
    },
    listAll(): Promise<WorkspaceRow[]> {
      return db.select().from(workspaces).orderBy(asc(workspaces.createdAt));
    },
    async get(id: string): Promise<WorkspaceRow | undefined> {
      const [row] = await db.select().from(workspaces).where(eq(workspaces.id, id));
      return row;
    },
    async findBySlug(slug: string, tx: Db | Tx = db): Promise<WorkspaceRow | undefined> {
      const [row] = await tx.select().from(workspaces).where(eq(workspaces.slug, slug));
      return row;
    },
    async update(id: string, values: Partial<typeof workspaces.$inferInsert>): Promise<WorkspaceRow | undefined> {
      const [row] = await db.update(workspaces).set(values).where(eq(workspaces.id, id)).returning();
      return row;
    },
  };
}

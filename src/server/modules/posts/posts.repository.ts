import { and, asc, desc, eq, gte, inArray, lt, lte, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/index.ts';
import { channels, plannerSettings, posts, postTargets } from './posts.table.ts';

export type ChannelRow = typeof channels.$inferSelect;
export type PostRow = typeof posts.$inferSelect;
export type TargetRow = typeof postTargets.$inferSelect;
export type PostWithTargets = PostRow & { targets: (TargetRow & { channel: ChannelRow })[] };
export type SettingsRow = typeof plannerSettings.$inferSelect;

// The only file of the posts module that speaks SQL; every query is scoped by the workspace.
export function createPostsRepository(db: Db) {
  async function withTargets(workspaceId: string, rows: PostRow[], tx: Db | Tx = db): Promise<PostWithTargets[]> {
    if (!rows.length) return [];
    const targets = await tx.select({ target: postTargets, channel: channels }).from(postTargets)
      .innerJoin(channels, and(eq(channels.workspaceId, postTargets.workspaceId), eq(channels.id, postTargets.channelId)))
      .where(and(eq(postTargets.workspaceId, workspaceId), inArray(postTargets.postId, rows.map((r) => r.id))))
      .orderBy(asc(channels.createdAt), asc(channels.name));
    return rows.map((row) => ({ ...row, targets: targets.filter((t) => t.target.postId === row.id).map((t) => ({ ...t.target, channel: t.channel })) }));
  }

  return {
    listChannels: (workspaceId: string) => db.select().from(channels).where(eq(channels.workspaceId, workspaceId)).orderBy(asc(channels.createdAt), asc(channels.name)),
    async getChannel(workspaceId: string, id: string, tx: Db | Tx = db) {
      const [row] = await tx.select().from(channels).where(and(eq(channels.workspaceId, workspaceId), eq(channels.id, id)));
      return row;
    },
    async insertChannel(values: typeof channels.$inferInsert) {
      const [row] = await db.insert(channels).values(values).returning();
      return row!;
    },
    async updateChannel(workspaceId: string, id: string, values: Partial<typeof channels.$inferInsert>) {
      const [row] = await db.update(channels).set(values).where(and(eq(channels.workspaceId, workspaceId), eq(channels.id, id))).returning();
      return row;
    },
    async removeChannel(workspaceId: string, id: string) {
      const rows = await db.delete(channels).where(and(eq(channels.workspaceId, workspaceId), eq(channels.id, id))).returning({ id: channels.id });
      return rows.length > 0;
    },

    async getPost(workspaceId: string, id: string, tx: Db | Tx = db, lock = false): Promise<PostWithTargets | undefined> {
      const query = tx.select().from(posts).where(and(eq(posts.workspaceId, workspaceId), eq(posts.id, id)));
      const [row] = lock ? await query.for('update') : await query;
      return row ? (await withTargets(workspaceId, [row], tx))[0] : undefined;
    },
    async listPosts(workspaceId: string, filter: { status?: PostRow['status']; statuses?: PostRow['status'][]; from?: Date; to?: Date; limit?: number }) {
      const where: SQL[] = [eq(posts.workspaceId, workspaceId)];
      if (filter.status) where.push(eq(posts.status, filter.status));
      if (filter.statuses) where.push(inArray(posts.status, filter.statuses));
      if (filter.from) where.push(gte(posts.scheduledAt, filter.from));
      if (filter.to) where.push(lt(posts.scheduledAt, filter.to));
      const rows = await db.select().from(posts).where(and(...where))
        .orderBy(filter.from || filter.to ? asc(posts.scheduledAt) : desc(posts.updatedAt)).limit(filter.limit ?? 500);
      return withTargets(workspaceId, rows);
    },
    // Bodies of the posts around a time, for the near-copy check.
    recentBodies: (workspaceId: string, since: Date, exceptId: string | null) => db.select({ id: posts.id, body: posts.body, at: sql<Date>`coalesce(${posts.publishedAt}, ${posts.scheduledAt}, ${posts.createdAt})`.mapWith(posts.createdAt) })
      .from(posts).where(and(eq(posts.workspaceId, workspaceId), exceptId ? ne(posts.id, exceptId) : undefined,
        gte(sql`coalesce(${posts.publishedAt}, ${posts.scheduledAt}, ${posts.createdAt})`, since), notInArray(posts.status, ['idea'])))
      .orderBy(desc(posts.updatedAt)).limit(500),
    async insertPost(tx: Tx, values: typeof posts.$inferInsert) {
      const [row] = await tx.insert(posts).values(values).returning();
      return row!;
    },
    async updatePost(tx: Tx, workspaceId: string, id: string, values: Partial<typeof posts.$inferInsert>) {
      await tx.update(posts).set(values).where(and(eq(posts.workspaceId, workspaceId), eq(posts.id, id)));
    },
    async replaceTargets(tx: Tx, workspaceId: string, postId: string, targets: { channelId: string; body: string | null }[]) {
      const keep = targets.map((t) => t.channelId);
      await tx.delete(postTargets).where(and(eq(postTargets.workspaceId, workspaceId), eq(postTargets.postId, postId), keep.length ? notInArray(postTargets.channelId, keep) : undefined));
      for (const target of targets) {
        await tx.insert(postTargets).values({ workspaceId, postId, channelId: target.channelId, body: target.body })
          .onConflictDoUpdate({ target: [postTargets.workspaceId, postTargets.postId, postTargets.channelId], set: { body: target.body } });
      }
    },
    async removePost(tx: Tx, workspaceId: string, id: string) {
      await tx.delete(posts).where(and(eq(posts.workspaceId, workspaceId), eq(posts.id, id)));
    },
    async updateTarget(tx: Tx, workspaceId: string, postId: string, channelId: string, values: Partial<typeof postTargets.$inferInsert>) {
      await tx.update(postTargets).set(values).where(and(eq(postTargets.workspaceId, workspaceId), eq(postTargets.postId, postId), eq(postTargets.channelId, channelId)));
    },
    // Manual channels whose post is due and not yet marked posted.
    dueManual: (workspaceId: string, now: Date) => db.select({ post: posts, target: postTargets, channel: channels }).from(postTargets)
      .innerJoin(posts, and(eq(posts.workspaceId, postTargets.workspaceId), eq(posts.id, postTargets.postId)))
      .innerJoin(channels, and(eq(channels.workspaceId, postTargets.workspaceId), eq(channels.id, postTargets.channelId)))
      .where(and(eq(postTargets.workspaceId, workspaceId), eq(channels.mode, 'manual'), eq(postTargets.state, 'pending'), inArray(posts.status, ['scheduled', 'publishing']), lte(posts.scheduledAt, now)))
      .orderBy(asc(posts.scheduledAt), asc(channels.name)),
    // Published posts, newest first, for the public feed.
    published: (workspaceId: string, limit: number) => db.select().from(posts)
      .where(and(eq(posts.workspaceId, workspaceId), eq(posts.status, 'published'))).orderBy(desc(posts.publishedAt)).limit(limit)
      .then((rows) => withTargets(workspaceId, rows)),

    async getSettings(workspaceId: string) {
      const [row] = await db.select().from(plannerSettings).where(eq(plannerSettings.workspaceId, workspaceId));
      return row;
    },
    async saveSettings(values: typeof plannerSettings.$inferInsert) {
      const [row] = await db.insert(plannerSettings).values(values)
        .onConflictDoUpdate({ target: plannerSettings.workspaceId, set: { country: values.country, region: values.region, pillarTargets: values.pillarTargets, updatedAt: values.updatedAt } }).returning();
      return row!;
    },
  };
}

export type PostsRepository = ReturnType<typeof createPostsRepository>;

import { IANAZone } from 'luxon';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import type { Db, Tx } from '../../db/index.ts';
import { requireRole, type Auth } from '../auth/index.ts';
import type { WorkspacesService } from '../workspaces/index.ts';
import { coach, type CoachWarning } from './coach.rules.ts';
import type { CredentialBox } from './credentials.ts';
import { lengthFor, type Platform } from './lengths.ts';
import { apiPlatforms, type pillars } from './posts.contract.ts';
import { createPostsRepository, type ChannelRow, type PostRow, type PostWithTargets } from './posts.repository.ts';
import type { Slot } from './posts.table.ts';
import { createPublishRepository } from './publish.repository.ts';

type Deps = { db: Db; clock: Clock; workspaces: WorkspacesService; box: CredentialBox };
type UserStatus = 'idea' | 'draft' | 'scheduled';
type TargetInput = { channelId: string; body: string | null };
type ChannelInput = { platform: Platform; name: string; mode?: 'api' | 'manual'; timezone?: string; slots: Slot[]; cadencePerWeek: number; account: string | null; credentials?: Record<string, string> | null };
type PostInput = { pillar: (typeof pillars)[number]; body: string; status: UserStatus; scheduledAt: Date | null; channels: TargetInput[] };
type PostPatch = Partial<PostInput>;

// A person edits ideas, drafts and scheduled posts (and reschedules failed ones); the rest is the publisher's.
const editable = new Set(['idea', 'draft', 'scheduled', 'failed']);
const nearCopyDays = 30;

export function toChannel(row: ChannelRow) {
  const { credentials, workspaceId: _w, ...rest } = row;
  return { ...rest, mode: row.mode as 'api' | 'manual', platform: row.platform as Platform, hasCredentials: credentials !== null };
}

export function toPost(row: PostWithTargets) {
  const { targets, workspaceId: _w, createdBy: _c, ...rest } = row;
  return {
    ...rest,
    channels: targets.map((t) => {
      const text = t.body ?? row.body;
      return {
        channelId: t.channelId, platform: t.channel.platform as Platform, channelName: t.channel.name, mode: t.channel.mode as 'api' | 'manual',
        body: t.body, text, length: lengthFor(t.channel.platform as Platform, text), state: t.state,
        externalId: t.externalId, url: t.url, error: t.error, publishedAt: t.publishedAt,
      };
    }),
  };
}

function sortSlots(slots: Slot[]): Slot[] {
  const seen = new Set<string>();
  return slots.filter((s) => !seen.has(`${s.weekday} ${s.time}`) && seen.add(`${s.weekday} ${s.time}`))
    .sort((a, b) => a.weekday - b.weekday || a.time.localeCompare(b.time));
}

export function createPostsService({ db, clock, workspaces, box }: Deps) {
  const repo = createPostsRepository(db);
  const publishRepo = createPublishRepository(db);
  const bind = (workspaceId: string, channelId: string) => `${workspaceId}:${channelId}`;

  function checkZone(zone: string, path: string) {
    if (!IANAZone.isValidZone(zone)) throw new AppError('UNKNOWN_TIMEZONE', `"${zone}" is not an IANA timezone.`, [{ path, message: 'Not an IANA timezone' }]);
  }

  function checkMode(platform: Platform, mode: 'api' | 'manual') {
    if (mode === 'api' && !(apiPlatforms as readonly string[]).includes(platform)) {
      throw new AppError('CHANNEL_MODE_UNSUPPORTED', `Onland cannot post to ${platform} through an API; add it as a manual channel.`, [{ path: 'body.mode', message: 'Only mastodon and bluesky channels can use the API' }]);
    }
  }

  async function requirePost(auth: Auth, id: string) {
    const row = await repo.getPost(auth.workspaceId, id);
    if (!row) throw new AppError('NOT_FOUND', 'No such post.');
    return row;
  }

  async function checkTargets(auth: Auth, targets: TargetInput[]) {
    const known = new Set((await repo.listChannels(auth.workspaceId)).map((c) => c.id));
    const seen = new Set<string>();
    targets.forEach((t, i) => {
      if (!known.has(t.channelId)) throw new AppError('UNKNOWN_CHANNEL', undefined, [{ path: `body.channels.${i}.channelId`, message: 'No such channel' }]);
      if (seen.has(t.channelId)) throw new AppError('VALIDATION_FAILED', 'A channel appears twice.', [{ path: `body.channels.${i}.channelId`, message: 'Listed twice' }]);
      seen.add(t.channelId);
    });
  }

  // Scheduling needs a time ahead and somewhere to post; a time already passed is refused, not published late by surprise.
  function checkSchedule(status: string, scheduledAt: Date | null, targetCount: number, timeChanged: boolean) {
    if (status !== 'scheduled') return;
    if (!scheduledAt) throw new AppError('SCHEDULE_INCOMPLETE', 'Choose a time to schedule this post.', [{ path: 'body.scheduledAt', message: 'Required to schedule' }]);
    if (targetCount === 0) throw new AppError('SCHEDULE_INCOMPLETE', 'Choose at least one channel to schedule this post.', [{ path: 'body.channels', message: 'At least one channel' }]);
    if (timeChanged && scheduledAt.getTime() < clock.now().getTime() - 60_000) throw new AppError('SCHEDULE_INCOMPLETE', 'This time has already passed.', [{ path: 'body.scheduledAt', message: 'In the past' }]);
  }

  async function coachFor(auth: Auth, body: string, targets: TargetInput[], postId: string | null): Promise<CoachWarning[]> {
    const channels = new Map((await repo.listChannels(auth.workspaceId)).map((c) => [c.id, c]));
    const since = new Date(clock.now().getTime() - nearCopyDays * 86_400_000);
    const recent = await repo.recentBodies(auth.workspaceId, since, postId);
    const coachTargets = targets.flatMap((t) => {
      const channel = channels.get(t.channelId);
      return channel ? [{ channelId: channel.id, platform: channel.platform as Platform, channelName: channel.name, text: t.body ?? body }] : [];
    });
    return coach({ body, targets: coachTargets, recent });
  }

  async function getPost(auth: Auth, id: string) {
    requireRole(auth, 'viewer');
    const row = await requirePost(auth, id);
    return { ...toPost(row), coach: await coachFor(auth, row.body, row.targets, row.id) };
  }

  return {
    async listChannels(auth: Auth) {
      requireRole(auth, 'viewer');
      return (await repo.listChannels(auth.workspaceId)).map(toChannel);
    },

    // Posts a week the workspace's channels aim for, summed per platform: what focus budgets are checked against.
    async cadenceGoals(auth: Auth): Promise<Partial<Record<Platform, number>>> {
      requireRole(auth, 'viewer');
      const goals: Partial<Record<Platform, number>> = {};
      for (const channel of await repo.listChannels(auth.workspaceId)) goals[channel.platform] = (goals[channel.platform] ?? 0) + channel.cadencePerWeek;
      return goals;
    },

    async createChannel(auth: Auth, input: ChannelInput) {
      requireRole(auth, 'owner');
      const mode = input.mode ?? ((apiPlatforms as readonly string[]).includes(input.platform) ? 'api' : 'manual');
      checkMode(input.platform, mode);
      const timezone = input.timezone ?? (await workspaces.get(auth)).timezone;
      checkZone(timezone, 'body.timezone');
      const id = crypto.randomUUID();
      const credentials = input.credentials ? box.seal(input.credentials, bind(auth.workspaceId, id)) : null;
      return toChannel(await repo.insertChannel({ workspaceId: auth.workspaceId, id, platform: input.platform, name: input.name, mode, timezone, slots: sortSlots(input.slots), cadencePerWeek: input.cadencePerWeek, account: input.account, credentials, createdAt: clock.now() }));
    },

    async updateChannel(auth: Auth, id: string, patch: Partial<ChannelInput>) {
      requireRole(auth, 'owner');
      const row = await repo.getChannel(auth.workspaceId, id);
      if (!row) throw new AppError('NOT_FOUND', 'No such channel.');
      if (patch.platform && patch.platform !== row.platform) throw new AppError('VALIDATION_FAILED', 'A channel keeps its platform; add a new channel instead.', [{ path: 'body.platform', message: 'Cannot change' }]);
      checkMode(row.platform as Platform, patch.mode ?? (row.mode as 'api' | 'manual'));
      if (patch.timezone) checkZone(patch.timezone, 'body.timezone');
      const credentials = patch.credentials === undefined ? undefined : patch.credentials === null ? null : box.seal(patch.credentials, bind(auth.workspaceId, id));
      const updated = await repo.updateChannel(auth.workspaceId, id, {
        name: patch.name, mode: patch.mode, timezone: patch.timezone, slots: patch.slots ? sortSlots(patch.slots) : undefined,
        cadencePerWeek: patch.cadencePerWeek, account: patch.account, credentials,
      });
      return toChannel(updated!);
    },

    async removeChannel(auth: Auth, id: string) {
      requireRole(auth, 'owner');
      if (!(await repo.removeChannel(auth.workspaceId, id))) throw new AppError('NOT_FOUND', 'No such channel.');
    },

    // For the publishing adapters only: the decrypted secret of a channel.
    // For other modules that link to a post (an interaction that followed it): is it this workspace's?
    async postExists(workspaceId: string, postId: string, tx?: Db | Tx): Promise<boolean> {
      return Boolean(await repo.getPost(workspaceId, postId, tx));
    },

    async credentialsOf(workspaceId: string, channelId: string): Promise<Record<string, string> | null> {
      const row = await repo.getChannel(workspaceId, channelId);
      return row?.credentials ? box.open(row.credentials, bind(workspaceId, channelId)) : null;
    },

    async list(auth: Auth, query: { status?: PostRow['status']; from?: Date; to?: Date }) {
      requireRole(auth, 'viewer');
      return (await repo.listPosts(auth.workspaceId, query)).map(toPost);
    },

    get: getPost,

    async create(auth: Auth, input: PostInput) {
      requireRole(auth, 'editor');
      await checkTargets(auth, input.channels);
      checkSchedule(input.status, input.scheduledAt, input.channels.length, true);
      const now = clock.now();
      const id = await db.transaction(async (tx) => {
        const row = await repo.insertPost(tx, { workspaceId: auth.workspaceId, pillar: input.pillar, body: input.body, status: input.status, scheduledAt: input.scheduledAt, createdBy: auth.userId, createdAt: now, updatedAt: now });
        await repo.replaceTargets(tx, auth.workspaceId, row.id, input.channels);
        return row.id;
      });
      return getPost(auth, id);
    },

    async update(auth: Auth, id: string, patch: PostPatch) {
      requireRole(auth, 'editor');
      if (patch.channels) await checkTargets(auth, patch.channels);
      await db.transaction(async (tx) => {
        // The row lock keeps an edit from racing the publisher that moves the post to publishing.
        const row = await repo.getPost(auth.workspaceId, id, tx, true);
        if (!row) throw new AppError('NOT_FOUND', 'No such post.');
        if (!editable.has(row.status)) throw new AppError('POST_LOCKED', `This post is ${row.status}.`);
        const status = patch.status ?? (row.status === 'failed' ? 'draft' : row.status);
        const scheduledAt = patch.scheduledAt === undefined ? row.scheduledAt : patch.scheduledAt;
        const timeChanged = patch.scheduledAt !== undefined || status !== row.status;
        checkSchedule(status, scheduledAt, (patch.channels ?? row.targets).length, timeChanged);
        await repo.updatePost(tx, auth.workspaceId, id, { pillar: patch.pillar, body: patch.body, status, scheduledAt, updatedAt: clock.now() });
        if (row.status === 'failed' && status === 'scheduled') await publishRepo.retryFailed(tx, auth.workspaceId, id);
        if (patch.channels) await repo.replaceTargets(tx, auth.workspaceId, id, patch.channels);
      });
      return getPost(auth, id);
    },

    async remove(auth: Auth, id: string) {
      requireRole(auth, 'editor');
      await db.transaction(async (tx) => {
        const row = await repo.getPost(auth.workspaceId, id, tx, true);
        if (!row) throw new AppError('NOT_FOUND', 'No such post.');
        if (row.status === 'publishing') throw new AppError('POST_LOCKED', 'This post is being published right now.');
        await repo.removePost(tx, auth.workspaceId, id);
      });
    },

    async coach(auth: Auth, input: { body: string; postId: string | null; channels: TargetInput[] }) {
      requireRole(auth, 'viewer');
      const channels = new Map((await repo.listChannels(auth.workspaceId)).map((c) => [c.id, c]));
      const lengths = input.channels.flatMap((t) => {
        const channel = channels.get(t.channelId);
        return channel ? [{ channelId: channel.id, platform: channel.platform as Platform, length: lengthFor(channel.platform as Platform, t.body ?? input.body) }] : [];
      });
      return { warnings: await coachFor(auth, input.body, input.channels, input.postId), lengths };
    },

    // Manual channels at their time: the text to copy for each, until someone says "I posted it".
    async due(auth: Auth) {
      requireRole(auth, 'viewer');
      const rows = await repo.dueManual(auth.workspaceId, clock.now());
      return rows.map(({ post, target, channel }) => {
        const text = target.body ?? post.body;
        return { postId: post.id, channelId: channel.id, channelName: channel.name, platform: channel.platform as Platform, pillar: post.pillar, scheduledAt: post.scheduledAt!, text, length: lengthFor(channel.platform as Platform, text) };
      });
    },

    // "I posted it": the manual channel's copy is out, at this URL; the post is published once every channel is.
    async markPosted(auth: Auth, postId: string, channelId: string, url: string) {
      requireRole(auth, 'editor');
      await db.transaction(async (tx) => {
        const row = await repo.getPost(auth.workspaceId, postId, tx, true);
        if (!row) throw new AppError('NOT_FOUND', 'No such post.');
        const target = row.targets.find((t) => t.channelId === channelId);
        if (!target) throw new AppError('NOT_FOUND', 'This post does not go to this channel.');
        if (target.channel.mode !== 'manual') throw new AppError('NOT_MANUAL_CHANNEL');
        const now = clock.now();
        if (target.state !== 'pending' || !['scheduled', 'publishing'].includes(row.status) || !row.scheduledAt || row.scheduledAt > now) throw new AppError('NOT_DUE');
        await repo.updateTarget(tx, auth.workspaceId, postId, channelId, { state: 'published', url, publishedAt: now, error: null });
        await publishRepo.settle(tx, auth.workspaceId, postId, now);
      });
      return getPost(auth, postId);
    },

    // A person checked a channel whose outcome was unknown (or failed): it is out, at this URL, or it is not.
    async resolve(auth: Auth, postId: string, channelId: string, outcome: { published: boolean; url: string | null }) {
      requireRole(auth, 'editor');
      const row = await requirePost(auth, postId);
      if (!row.targets.some((t) => t.channelId === channelId)) throw new AppError('NOT_FOUND', 'This post does not go to this channel.');
      if (!(await publishRepo.resolve(auth.workspaceId, postId, channelId, outcome, clock.now()))) throw new AppError('NOTHING_TO_RESOLVE');
      return getPost(auth, postId);
    },

    // The public feed: a workspace's published posts, newest first; undefined for an unknown workspace.
    async feed(slug: string) {
      const workspace = await workspaces.findBySlug(slug);
      if (!workspace) return undefined;
      const rows = await repo.published(workspace.id, 50);
      return {
        workspace: { name: workspace.name, slug: workspace.slug },
        posts: rows.map((row) => ({ id: row.id, body: row.body, publishedAt: row.publishedAt ?? row.updatedAt, urls: row.targets.flatMap((t) => (t.url ? [t.url] : [])) })),
      };
    },

    repository: repo,
  };
}

export type PostsService = ReturnType<typeof createPostsService>;

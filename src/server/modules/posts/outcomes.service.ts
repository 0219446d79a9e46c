import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../../db/index.ts';
import type { JobDefinition } from '../../jobs/index.ts';
import { requireRole, workerActor, type Auth } from '../auth/index.ts';
import { postOutcomes, type IncomingInteraction, type IncomingPerson, type PeopleImporter } from '../people/index.ts';
import type { FetchMentions, Mention } from './adapters/mentions.ts';
import type { Platform } from './lengths.ts';
import { createOutcomesRepository, type MentionsChannel } from './outcomes.repository.ts';
import { createPostsRepository } from './posts.repository.ts';

type Deps = {
  db: Db;
  clock: Clock;
  importer: PeopleImporter;
  fetchers: Partial<Record<Platform, FetchMentions>>;
  credentialsOf: (workspaceId: string, channelId: string) => Promise<Record<string, string> | null>;
  timeoutMs?: number;
};
export type ChannelCheck = { channelId: string; read: number; linkedToPosts: number; error: string | null };

// Replies and mentions on connected accounts become interactions on the writer's timeline (found by handle,
// or added as a person), each linked to the post it answers: what a post led to, instead of its likes.
// Reading is all this does; answering stays with the person (DESIGN: assist, never impersonate).
export function createOutcomes({ db, clock, importer, fetchers, credentialsOf, timeoutMs = 15_000 }: Deps) {
  const repo = createOutcomesRepository(db);
  const posts = createPostsRepository(db);

  function asImport(channel: MentionsChannel, mentions: Mention[], postIds: Map<string, string>) {
    const people: IncomingPerson[] = [];
    const interactions: IncomingInteraction[] = [];
    mentions.forEach((mention, index) => {
      const key = `${channel.platform}:${mention.author.handles[0]!.handle}`;
      people.push({ key, name: mention.author.name, emails: [], phones: [], handles: mention.author.handles, tags: [], line: index + 1 });
      interactions.push({
        personKey: key, channel: channel.platform as IncomingInteraction['channel'], kind: mention.kind, direction: 'in', occurredAt: mention.createdAt,
        note: mention.text.slice(0, 2000), externalId: `${channel.id}:${mention.id}`, postId: (mention.inReplyTo && postIds.get(mention.inReplyTo)) || null, line: index + 1,
      });
    });
    return { people, interactions };
  }

  async function check(channel: MentionsChannel): Promise<ChannelCheck> {
    const fetchMentions = fetchers[channel.platform as Platform];
    if (!fetchMentions) return { channelId: channel.id, read: 0, linkedToPosts: 0, error: null };
    try {
      const credentials = await credentialsOf(channel.workspaceId, channel.id);
      const page = await fetchMentions({ account: channel.account, credentials, cursor: channel.mentionsCursor, timeoutMs });
      const postIds = await repo.postsByExternalId(channel.workspaceId, channel.id, page.mentions.flatMap((m) => (m.inReplyTo ? [m.inReplyTo] : [])));
      const batch = asImport(channel, page.mentions, postIds);
      if (batch.people.length) await importer.importBatch(workerActor(channel.workspaceId), { source: 'mentions', ...batch }, { dryRun: false });
      // The bookmark moves only after the interactions are written: a crash in between reads them again,
      // and their external ids make the second write add nothing.
      await repo.saveProgress(channel.workspaceId, channel.id, { mentionsCursor: page.cursor, mentionsCheckedAt: clock.now(), mentionsError: null });
      return { channelId: channel.id, read: page.mentions.length, linkedToPosts: batch.interactions.filter((i) => i.postId).length, error: null };
    } catch (error) {
      const message = `Could not read replies: ${(error as Error).message ?? 'unknown error'}`.slice(0, 500);
      await repo.saveProgress(channel.workspaceId, channel.id, { mentionsCheckedAt: clock.now(), mentionsError: message });
      return { channelId: channel.id, read: 0, linkedToPosts: 0, error: message };
    }
  }

  return {
    // The job: every connected account of every workspace, one after another; one failing does not stop the rest.
    async run(): Promise<ChannelCheck[]> {
      const results: ChannelCheck[] = [];
      for (const channel of await repo.connectedChannels()) results.push(await check(channel));
      return results;
    },

    // What one post led to: its conversations, then calls and meetings with the same people.
    async ofPost(auth: Auth, postId: string) {
      requireRole(auth, 'viewer');
      if (!(await posts.getPost(auth.workspaceId, postId))) throw new AppError('NOT_FOUND', 'No such post.');
      return postOutcomes(db, auth.workspaceId, postId);
    },

    // "Check for replies now" on one channel.
    async checkNow(auth: Auth, channelId: string): Promise<ChannelCheck> {
      requireRole(auth, 'editor');
      const channel = await repo.channel(auth.workspaceId, channelId);
      if (!channel) throw new AppError('NOT_FOUND', 'No such channel.');
      return check(channel);
    },
  };
}

export type Outcomes = ReturnType<typeof createOutcomes>;

export function outcomesJobs(outcomes: Outcomes): JobDefinition[] {
  // Every ten minutes: replies are read soon enough to answer the same day, without hammering the platforms.
  return [{ name: 'read-replies', cron: '*/10 * * * *', handler: () => outcomes.run() }];
}

import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/index.ts';
import { touchClasses } from '../people/ladder.ts';
import { columnList, recordSet } from '../../db/records.ts';
import { postTallies, type ChannelTally } from './insights.table.ts';

// The one file in Onland that reads across other modules' tables (people, interactions, posts,
// post_targets, channels, focus_sessions), read-only; it writes only its own post_tallies (and the
// triggers of migrations 0025 and 0026 keep post_tallies and private_talks current from those tables,
// so the columns they name are coupled here too). Insights are aggregates over millions of
// interactions: going through each module's service would carry every row into this process to
// count it, where one statement lets the database count with its indexes. Keeping all of it here
// makes that coupling visible in one place: a module that renames a column finds its reader here.

const list = (values: readonly string[]) => sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;
export const outcomeKinds = {
  conversation: touchClasses.private,
  call: touchClasses.call,
  meeting: touchClasses.meeting,
} as const;
const allOutcomes = [...outcomeKinds.conversation, ...outcomeKinds.call, ...outcomeKinds.meeting];

async function rows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  return (await db.execute(query) as unknown as { rows: T[] }).rows;
}

// An aggregate over many thousands of rows, with memory enough to count them in one pass (the default
// 4 MB made PostgreSQL spill a year's outcomes to disk); the setting ends with the transaction.
function analytic<T>(db: Db, run: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '64MB'`);
    return run(tx);
  });
}

const num = (v: unknown) => Number(v ?? 0);

// The step someone was at, at an instant, from when they reached each (see people.table.ts).
const stepAt = (at: SQL) => sql`case when met_at ${at} then 4 when talked_at ${at} then 3 when conversing_at ${at} then 2 when engaged_at ${at} then 1 else 0 end`;

type Tally = { postId: string; channels: string[]; conversations: number; calls: number; meetings: number; perChannel: ChannelTally[] };

// What followed each of these posts, per post and per channel it went to; each count is then kept in
// post_tallies, unless the post was written to while it was being counted (its generation moved on).
// An outcome counts on the channel it came through when the post went there, else on each of its channels.
async function countPosts(db: Db, workspaceId: string, postIds: string[]): Promise<Tally[]> {
  // The platforms each post went to: a row for each (tp), and per post all of them (t).
  const platformsOf = sql`tp as (select distinct t.post_id, c.platform
      from post_targets t join channels c on c.workspace_id = t.workspace_id and c.id = t.channel_id
      where t.workspace_id = ${workspaceId} and t.state = 'published' and t.post_id in (select id from p)),
    t as (select post_id, array_agg(platform order by platform) as platforms from tp group by post_id)`;
  // What followed each post, counted down by hash aggregation in steps (per person and class of
  // outcome first, then per post): one sort over every outcome with its post's text was most of the time.
  const outcomeClass = sql`case when i.kind = any(${list(outcomeKinds.conversation)}) then 'conversation' when i.kind = any(${list(outcomeKinds.call)}) then 'call' else 'meeting' end`;
  const outcomes = sql`select i.post_id, i.person_id, i.channel, ${outcomeClass} as class, count(*)::int as n from interactions i
    where i.workspace_id = ${workspaceId} and i.post_id in (select id from p) and i.kind = any(${list(allOutcomes)})
    group by i.post_id, i.person_id, i.channel, class`;
  // Conversations count people (someone writing twice is one conversation); calls and meetings count each.
  const tally = (keys: string, from: string) => sql`select ${sql.raw(keys)}, count(*) filter (where class = 'conversation')::int as conversations,
      coalesce(sum(n) filter (where class = 'call'), 0)::int as calls, coalesce(sum(n) filter (where class = 'meeting'), 0)::int as meetings
    from ${sql.raw(from)} group by ${sql.raw(keys)}`;
  type Counted = { post_id: string; generation: number; channels: string[]; conversations: number; calls: number; meetings: number; per_channel: ChannelTally[] };
  // One statement: the outcomes are read once, then tallied per post and per channel of each post.
  const counted = await analytic(db, (tx) => rows<Counted>(tx, sql`
    with p as (select id from posts where workspace_id = ${workspaceId} and id = any(${sql.param(postIds)}::uuid[])),
      ${platformsOf}, o as materialized (${outcomes}),
      per_person as (select post_id, person_id, class, sum(n) as n from o group by post_id, person_id, class),
      x as (${tally('post_id', 'per_person')}),
      -- Per channel of a post, without pairing every outcome with every channel: an outcome through one of
      -- the post's platforms counts there, one through any other channel (a call, an email) counts on each.
      -- People in conversation on a platform (a) or elsewhere (e): on a platform they are a + e - both.
      oc as (select o.*, o.channel = any(t.platforms) as on_platform from o join t using (post_id)),
      talkers as (select post_id, person_id, bool_or(not on_platform) as elsewhere, array_agg(channel) filter (where on_platform) as platforms
        from oc where class = 'conversation' group by post_id, person_id),
      talk_elsewhere as (select post_id, count(*) filter (where elsewhere)::int as e from talkers group by post_id),
      talk_on as (select post_id, ch.platform, count(*)::int as a, count(*) filter (where elsewhere)::int as both_
        from talkers cross join unnest(talkers.platforms) as ch(platform) group by post_id, ch.platform),
      sums as (select post_id, case when on_platform then channel end as platform,
          coalesce(sum(n) filter (where class = 'call'), 0)::int as calls, coalesce(sum(n) filter (where class = 'meeting'), 0)::int as meetings
        from oc where class <> 'conversation' group by post_id, 2),
      xc as (select tp.post_id, tp.platform,
          coalesce(talk_on.a, 0) + coalesce(talk_elsewhere.e, 0) - coalesce(talk_on.both_, 0) as conversations,
          coalesce(here.calls, 0) + coalesce(other.calls, 0) as calls, coalesce(here.meetings, 0) + coalesce(other.meetings, 0) as meetings
        from tp left join talk_on using (post_id, platform) left join talk_elsewhere using (post_id)
          left join sums here on here.post_id = tp.post_id and here.platform = tp.platform
          left join sums other on other.post_id = tp.post_id and other.platform is null),
      per_channel as (select tp.post_id, jsonb_agg(jsonb_build_object('channel', tp.platform, 'conversations', coalesce(xc.conversations, 0),
          'calls', coalesce(xc.calls, 0), 'meetings', coalesce(xc.meetings, 0)) order by tp.platform) as per_channel
        from tp left join xc using (post_id, platform) group by tp.post_id)
    select p.id as post_id, coalesce(g.generation, 0) as generation, coalesce(t.platforms, '{}') as channels,
      coalesce(x.conversations, 0) as conversations, coalesce(x.calls, 0) as calls, coalesce(x.meetings, 0) as meetings, coalesce(pc.per_channel, '[]') as per_channel
    from p left join t on t.post_id = p.id left join x on x.post_id = p.id left join per_channel pc on pc.post_id = p.id
      left join post_tallies g on g.workspace_id = ${workspaceId} and g.post_id = p.id
    order by p.id`));
  // Kept in post order, as every reader does, so two readers saving the same posts never wait on each other in a circle.
  const keys = ['workspaceId', 'postId', 'generation', 'counted', 'channels', 'conversations', 'calls', 'meetings', 'perChannel'] as const;
  const saved = counted.map((c) => ({ workspaceId, postId: c.post_id, generation: c.generation, counted: true, channels: c.channels,
    conversations: c.conversations, calls: c.calls, meetings: c.meetings, perChannel: c.per_channel }));
  await db.execute(sql`insert into post_tallies (${columnList(postTallies, keys)})
    select ${columnList(postTallies, keys, 'r')} from ${recordSet(postTallies, keys, saved)}
    where exists (select 1 from posts where workspace_id = ${workspaceId} and id = r.post_id) -- not one deleted meanwhile
    order by r.post_id
    on conflict (workspace_id, post_id) do update set counted = true, channels = excluded.channels, conversations = excluded.conversations,
      calls = excluded.calls, meetings = excluded.meetings, per_channel = excluded.per_channel
    where post_tallies.generation = excluded.generation`);
  return counted.map((r) => ({
    postId: r.post_id, channels: r.channels, conversations: num(r.conversations), calls: num(r.calls), meetings: num(r.meetings),
    perChannel: r.per_channel.map((c) => ({ channel: c.channel, conversations: num(c.conversations), calls: num(c.calls), meetings: num(c.meetings) })),
  }));
}

export function createInsightsRepository(db: Db) {
  return {
    async stepCounts(workspaceId: string): Promise<{ step: number; people: number }[]> {
      const found = await rows<{ step: number; people: number }>(db, sql`select ladder_step as step, count(*)::int as people from people
        where workspace_id = ${workspaceId} group by ladder_step`);
      return found.map((r) => ({ step: num(r.step), people: num(r.people) }));
    },

    // Where people were at `monthStart` and where they are at `now`, for those who moved up in between.
    async movesSince(workspaceId: string, monthStart: Date, now: Date): Promise<{ from: number; to: number; people: number }[]> {
      const found = await rows<{ from: number; to: number; people: number }>(db, sql`
        select before as "from", after as "to", count(*)::int as people from (
          select ${stepAt(sql`< ${monthStart}`)} as before, ${stepAt(sql`<= ${now}`)} as after from people
          where workspace_id = ${workspaceId} and greatest(engaged_at, conversing_at, talked_at, met_at) >= ${monthStart}
        ) s where after > before group by before, after`);
      return found.map((r) => ({ from: num(r.from), to: num(r.to), people: num(r.people) }));
    },

    // Median days from the first touch to the first call and to the first meeting, with how many people each is over.
    async medians(workspaceId: string): Promise<{ toCall: number | null; called: number; toMeeting: number | null; met: number }> {
      const days = (column: string) => sql`extract(epoch from (${sql.identifier(column)} - first_interaction_at)) / 86400`;
      const [row] = await rows<{ to_call: number | null; called: number; to_meeting: number | null; met: number }>(db, sql`
        select percentile_cont(0.5) within group (order by ${days('first_call_at')}) filter (where first_call_at is not null) as to_call,
          count(*) filter (where first_call_at is not null)::int as called,
          percentile_cont(0.5) within group (order by ${days('met_at')}) filter (where met_at is not null) as to_meeting,
          count(*) filter (where met_at is not null)::int as met
        from people where workspace_id = ${workspaceId} and (first_call_at is not null or met_at is not null)`);
      return {
        toCall: row?.to_call == null ? null : Number(row.to_call), called: num(row?.called),
        toMeeting: row?.to_meeting == null ? null : Number(row.to_meeting), met: num(row?.met),
      };
    },

    // Published posts in [from, to) with what followed each: per post, and per channel the post went to.
    // Each post's tally is read from post_tallies; those not counted yet, or written to since, are counted now.
    async postOutcomes(workspaceId: string, from: Date, to: Date, zone: string) {
      type PostRow = {
        id: string; pillar: string; body: string; published_at: Date | string; weekday: number;
        counted: boolean | null; channels: string[] | null; conversations: number | null; calls: number | null; meetings: number | null; per_channel: ChannelTally[] | null;
      };
      const posts = await rows<PostRow>(db, sql`
        select p.id, p.pillar, left(p.body, 120) as body, p.published_at, extract(isodow from p.published_at at time zone ${zone})::int as weekday,
          t.counted, t.channels, t.conversations, t.calls, t.meetings, t.per_channel
        from posts p left join post_tallies t on t.workspace_id = p.workspace_id and t.post_id = p.id
        where p.workspace_id = ${workspaceId} and p.status = 'published' and p.published_at >= ${from} and p.published_at < ${to}
        order by p.published_at desc`);
      const outdated = posts.filter((r) => !r.counted).map((r) => r.id);
      const counted = new Map((outdated.length ? await countPosts(db, workspaceId, outdated) : []).map((t) => [t.postId, t]));
      const tallied = posts.map((r) => ({ ...r, ...counted.get(r.id) ?? {
        channels: r.channels ?? [], conversations: num(r.conversations), calls: num(r.calls), meetings: num(r.meetings), perChannel: r.per_channel ?? [],
      } }));
      return {
        posts: tallied.map((r) => ({
          id: r.id, pillar: r.pillar, excerpt: r.body, publishedAt: new Date(r.published_at), weekday: num(r.weekday), channels: r.channels,
          conversations: r.conversations, calls: r.calls, meetings: r.meetings,
        })),
        perChannel: tallied.flatMap((r) => r.perChannel.map((c) => ({ postId: r.id, channel: c.channel, conversations: num(c.conversations), calls: num(c.calls), meetings: num(c.meetings) }))),
      };
    },

    // Focus minutes per channel in [from, to): a session's time is shared equally by its channels;
    // a session whose plan ran out unwatched counts as planned (as the focus module closes it).
    async focusMinutes(workspaceId: string, from: Date, to: Date): Promise<Map<string, number>> {
      const seconds = (col: string) => sql`(${sql.raw(col)}->>'read')::int + (${sql.raw(col)}->>'write')::int + (${sql.raw(col)}->>'reply')::int + (${sql.raw(col)}->>'leave')::int`;
      const found = await rows<{ channel: string; minutes: number }>(db, sql`
        select c.channel, sum(s.spent::float8 / jsonb_array_length(s.channels)) / 60 as minutes
        from (select channels, case when actual is not null then ${seconds('actual')} when ends_at <= ${to} then ${seconds('plan')} else 0 end as spent
              from focus_sessions where workspace_id = ${workspaceId} and started_at >= ${from} and started_at < ${to}) s,
          jsonb_array_elements_text(s.channels) as c(channel)
        group by c.channel`);
      return new Map(found.map((r) => [r.channel, Math.round(Number(r.minutes))]));
    },

    // Per channel in [from, to): people written with privately there, as those whose latest private touch
    // there falls in the period (it ends now: a touch dated ahead leaves its person out until then);
    // meetings with, and new clients among, people whose first touch was there.
    async channelOutcomes(workspaceId: string, from: Date, to: Date): Promise<{ channel: string; conversations: number; meetings: number; newClients: number }[]> {
      type Count = { channel: string; n: number };
      const inPeriod = sql`i.workspace_id = ${workspaceId} and i.occurred_at >= ${from} and i.occurred_at < ${to}`;
      // Three statements, not one: PostgreSQL runs them side by side, each on its own connection.
      const [talk, met, clients] = await Promise.all([
        // Each person's latest private touch per channel (private_talks): in the period, they were in conversation there.
        rows<Count>(db, sql`select channel, count(*)::int as n from private_talks
          where workspace_id = ${workspaceId} and last_at >= ${from} and last_at < ${to} group by channel`),
        // Everyone met has a met_at, so their first-touch channels come from the milestones index alone,
        // read once and hashed: looking each person up by key cost a visit to the table per person.
        rows<Count>(db, sql`select p.first_touch_channel as channel, sum(met.n)::int as n
          from (select i.person_id, count(*)::int as n from interactions i where ${inPeriod} and i.kind = any(${list(outcomeKinds.meeting)}) group by i.person_id) met
          join people p on p.workspace_id = ${workspaceId} and p.id = met.person_id and p.met_at is not null
          group by p.first_touch_channel`),
        rows<Count>(db, sql`select p.first_touch_channel as channel, count(*)::int as n from people p
          where p.workspace_id = ${workspaceId} and p.is_client and p.first_interaction_at >= ${from} and p.first_interaction_at < ${to}
          group by p.first_touch_channel`),
      ]);
      const counts = (found: Count[]) => new Map(found.map((r) => [r.channel, num(r.n)]));
      const [byTalk, byMet, byClients] = [counts(talk), counts(met), counts(clients)];
      return [...new Set([...byTalk.keys(), ...byMet.keys(), ...byClients.keys()])]
        .map((channel) => ({ channel, conversations: byTalk.get(channel) ?? 0, meetings: byMet.get(channel) ?? 0, newClients: byClients.get(channel) ?? 0 }));
    },

    async clients(workspaceId: string): Promise<{ id: string; name: string; source: string | null; firstTouchChannel: string | null; firstTouchAt: Date | null }[]> {
      const found = await rows<{ id: string; name: string; source: string | null; channel: string | null; first_at: Date | string | null }>(db, sql`
        select p.id, p.name, p.source, p.first_touch_channel as channel, p.first_interaction_at as first_at
        from people p
        where p.workspace_id = ${workspaceId} and p.is_client order by p.sort_name, p.id`);
      return found.map((r) => ({ id: r.id, name: r.name, source: r.source, firstTouchChannel: r.channel, firstTouchAt: r.first_at ? new Date(r.first_at) : null }));
    },

    async peopleCount(workspaceId: string): Promise<number> {
      const [row] = await rows<{ n: number }>(db, sql`select count(*)::int as n from people where workspace_id = ${workspaceId}`);
      return num(row?.n);
    },

    // People with no email, no phone, and handles on one platform only, counted by that platform.
    async onlyOnePlatform(workspaceId: string): Promise<{ platform: string; people: number }[]> {
      const found = await rows<{ platform: string; people: number }>(db, sql`
        select only_platform as platform, count(*)::int as people from people
        where workspace_id = ${workspaceId} and only_platform is not null group by only_platform`);
      return found.map((r) => ({ platform: r.platform, people: num(r.people) }));
    },

    async onlyOn(workspaceId: string, platform: string, limit: number | null) {
      const [total] = await rows<{ n: number }>(db, sql`select count(*)::int as n from people where workspace_id = ${workspaceId} and only_platform = ${platform}`);
      const found = await rows<{ id: string; name: string; handle: string; url: string | null; ladder_step: number; last_interaction_at: Date | string | null }>(db, sql`
        select p.id, p.name, p.handles->0->>'handle' as handle, p.handles->0->>'url' as url, p.ladder_step, p.last_interaction_at
        from people p where p.workspace_id = ${workspaceId} and p.only_platform = ${platform}
        order by p.ladder_step desc, p.last_interaction_at desc nulls last, p.sort_name, p.id
        ${limit === null ? sql`` : sql`limit ${limit}`}`);
      return {
        total: num(total?.n),
        items: found.map((r) => ({ id: r.id, name: r.name, handle: r.handle, url: r.url, step: num(r.ladder_step), lastInteractionAt: r.last_interaction_at ? new Date(r.last_interaction_at) : null })),
      };
    },

    // Likes and follows received in [from, to), per channel.
    async vanity(workspaceId: string, from: Date, to: Date): Promise<{ channel: string; likes: number; likesOnPosts: number; newFollowers: number }[]> {
      const found = await rows<{ channel: string; likes: number; likes_on_posts: number; follows: number }>(db, sql`
        select channel, count(*) filter (where kind = 'like')::int as likes, count(*) filter (where kind = 'like' and post_id is not null)::int as likes_on_posts,
          count(*) filter (where kind = 'follow')::int as follows
        from interactions where workspace_id = ${workspaceId} and kind = any(array['like', 'follow']::text[]) and direction = 'in'
          and occurred_at >= ${from} and occurred_at < ${to}
        group by channel`);
      return found.map((r) => ({ channel: r.channel, likes: num(r.likes), likesOnPosts: num(r.likes_on_posts), newFollowers: num(r.follows) }));
    },
  };
}

export type InsightsRepository = ReturnType<typeof createInsightsRepository>;

import { stringify } from 'csv-stringify/sync';
import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/index.ts';
import { requireRole, type Auth } from '../auth/index.ts';
import { ladderSteps } from '../people/index.ts';
import type { WorkspacesService } from '../workspaces/index.ts';
import type { channels as interactionChannels, platforms } from '../people/people.contract.ts';
import { pillars, type ChannelReturn, type ClientSources, type Funnel, type PlatformRisk, type Vanity, type WhatWorks } from './insights.contract.ts';
import { createInsightsRepository } from './insights.repository.ts';
import { averageRate, monthStart, perHour, priorPosts, rateRows, round, type RateRow } from './insights.rules.ts';

type Deps = { db: Db; clock: Clock; workspaces: WorkspacesService };
type Channel = (typeof interactionChannels)[number];
type PlatformName = (typeof platforms)[number];
type Pillar = (typeof pillars)[number];

const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
const day = 86_400_000;

export function createInsightsService({ db, clock, workspaces }: Deps) {
  const repo = createInsightsRepository(db);
  const period = (days: number) => {
    const to = clock.now();
    return { days, from: new Date(to.getTime() - days * day), to };
  };

  return {
    // The offline funnel: people per ladder step, this month's moves up, days from first touch to call and meeting.
    async funnel(auth: Auth): Promise<Funnel> {
      requireRole(auth, 'viewer');
      const now = clock.now();
      const { timezone } = await workspaces.get(auth);
      const start = monthStart(now, timezone);
      const [counts, moves, medians] = await Promise.all([repo.stepCounts(auth.workspaceId), repo.movesSince(auth.workspaceId, start, now), repo.medians(auth.workspaceId)]);
      return {
        timezone, monthStart: start,
        steps: ladderSteps.map((step, index) => ({
          step,
          people: counts.find((c) => c.step === index)?.people ?? 0,
          movedUpThisMonth: moves.filter((m) => m.to === index).reduce((s, m) => s + m.people, 0),
        })),
        movesUpThisMonth: moves.reduce((s, m) => s + m.people, 0),
        moves: moves.sort((a, b) => a.from - b.from || a.to - b.to).map((m) => ({ from: ladderSteps[m.from]!, to: ladderSteps[m.to]!, people: m.people })),
        firstTouchToCall: { medianDays: medians.toCall === null ? null : round(medians.toCall), people: medians.called },
        firstTouchToMeeting: { medianDays: medians.toMeeting === null ? null : round(medians.toMeeting), people: medians.met },
      };
    },

    // What works: posts per pillar, channel and weekday, and the conversations, calls and meetings that followed.
    async whatWorks(auth: Auth, days: number): Promise<WhatWorks> {
      requireRole(auth, 'viewer');
      const { from, to } = period(days);
      const { timezone } = await workspaces.get(auth);
      const { posts, perChannel } = await repo.postOutcomes(auth.workspaceId, from, to, timezone);
      const average = averageRate(posts);
      const channelKeys = [...new Set(perChannel.map((r) => r.channel))].sort();
      const strip = <K>({ key: _key, ...row }: RateRow & { key: K }): RateRow => ({ ...row, rawRate: round(row.rawRate, 4), smoothedRate: round(row.smoothedRate, 4) });
      return {
        days, from, to, timezone, posts: posts.length, averageRate: round(average, 4), priorPosts,
        byPillar: rateRows(posts.map((p) => ({ ...p, key: p.pillar as Pillar })), pillars, average).map((r) => ({ pillar: r.key, ...strip(r) })),
        byChannel: rateRows(perChannel.map((p) => ({ ...p, key: p.channel })), channelKeys, average).map((r) => ({ channel: r.key, ...strip(r) })),
        byWeekday: rateRows(posts.map((p) => ({ ...p, key: p.weekday })), weekdays, average).map((r) => ({ weekday: r.key, ...strip(r) })),
        postList: posts.slice(0, 200).map((p) => ({ ...p, pillar: p.pillar as Pillar })),
      };
    },

    // Focus minutes per channel against what came of them, per hour.
    async channelReturn(auth: Auth, days: number): Promise<ChannelReturn> {
      requireRole(auth, 'viewer');
      const { from, to } = period(days);
      const [minutes, outcomes] = await Promise.all([repo.focusMinutes(auth.workspaceId, from, to), repo.channelOutcomes(auth.workspaceId, from, to)]);
      const names = [...new Set([...minutes.keys(), ...outcomes.map((o) => o.channel)])];
      const rows = names.map((channel) => {
        const focusMinutes = minutes.get(channel) ?? 0;
        const o = outcomes.find((x) => x.channel === channel) ?? { conversations: 0, meetings: 0, newClients: 0 };
        return {
          channel: channel as Channel, focusMinutes, conversations: o.conversations, meetings: o.meetings, newClients: o.newClients,
          conversationsPerHour: perHour(o.conversations, focusMinutes), meetingsPerHour: perHour(o.meetings, focusMinutes), newClientsPerHour: perHour(o.newClients, focusMinutes),
        };
      });
      // Channels with focus time first (most minutes first), then the rest by what came of them.
      rows.sort((a, b) => b.focusMinutes - a.focusMinutes || (b.conversations + b.meetings + b.newClients) - (a.conversations + a.meetings + a.newClients) || a.channel.localeCompare(b.channel));
      return { days, from, to, channels: rows };
    },

    // Where clients came from: what they said, and the channel of their first recorded touch.
    async clientSources(auth: Auth): Promise<ClientSources> {
      requireRole(auth, 'viewer');
      const clients = await repo.clients(auth.workspaceId);
      // Sources are typed by hand: " LinkedIn" and "linkedin" are one source, shown as first written.
      const bySource = new Map<string | null, { source: string | null; clients: number }>();
      for (const c of clients) {
        const source = c.source?.trim() || null;
        const key = source?.toLocaleLowerCase() ?? null;
        const entry = bySource.get(key) ?? { source, clients: 0 };
        entry.clients++;
        bySource.set(key, entry);
      }
      const byFirstTouch = new Map<string | null, number>();
      for (const c of clients) byFirstTouch.set(c.firstTouchChannel, (byFirstTouch.get(c.firstTouchChannel) ?? 0) + 1);
      const order = <T extends { clients: number }>(key: (row: T) => string | null) => (a: T, b: T) =>
        b.clients - a.clients || (key(a) === null ? 1 : 0) - (key(b) === null ? 1 : 0) || (key(a) ?? '').localeCompare(key(b) ?? '');
      return {
        clients: clients.length,
        bySource: [...bySource.values()].sort(order((r) => r.source)),
        byFirstTouch: [...byFirstTouch].map(([channel, n]) => ({ channel: channel as Channel | null, clients: n })).sort(order((r) => r.channel)),
        clientList: clients.slice(0, 500).map((c) => ({ ...c, firstTouchChannel: c.firstTouchChannel as Channel | null })),
      };
    },

    // Per platform, the people you could reach only there.
    async platformRisk(auth: Auth): Promise<PlatformRisk> {
      requireRole(auth, 'viewer');
      const [people, counts] = await Promise.all([repo.peopleCount(auth.workspaceId), repo.onlyOnePlatform(auth.workspaceId)]);
      return {
        people,
        platforms: counts.map((c) => ({ platform: c.platform as PlatformName, onlyThere: c.people, share: people ? round(c.people / people, 4) : 0 }))
          .sort((a, b) => b.onlyThere - a.onlyThere || a.platform.localeCompare(b.platform)),
      };
    },

    async onlyOn(auth: Auth, platform: PlatformName, limit: number) {
      requireRole(auth, 'viewer');
      const { total, items } = await repo.onlyOn(auth.workspaceId, platform, limit);
      return { platform, total, items: items.map(({ step, ...rest }) => ({ ...rest, ladder: ladderSteps[step]! })) };
    },

    // Everyone reachable only on this platform, to ask them for another way to stay in touch.
    async onlyOnCsv(auth: Auth, platform: PlatformName): Promise<string> {
      requireRole(auth, 'viewer');
      const { items } = await repo.onlyOn(auth.workspaceId, platform, null);
      return stringify(items.map((p) => [p.name, platform, p.handle, p.url ?? '', ladderSteps[p.step]!, p.lastInteractionAt?.toISOString() ?? '']),
        { header: true, columns: ['name', 'platform', 'handle', 'url', 'ladder', 'last_interaction_at'] });
    },

    // Likes and follows: never the headline, so they live on their own tab.
    async vanity(auth: Auth, days: number): Promise<Vanity> {
      requireRole(auth, 'viewer');
      const { from, to } = period(days);
      const rows = (await repo.vanity(auth.workspaceId, from, to)).sort((a, b) => b.likes - a.likes || b.newFollowers - a.newFollowers || a.channel.localeCompare(b.channel));
      const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
      return {
        days, from, to, likes: sum((r) => r.likes), likesOnPosts: sum((r) => r.likesOnPosts), newFollowers: sum((r) => r.newFollowers),
        followerCountsKnown: false, channels: rows.map((r) => ({ ...r, channel: r.channel as Channel })),
      };
    },
  };
}

export type InsightsService = ReturnType<typeof createInsightsService>;

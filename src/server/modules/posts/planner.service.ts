import { DateTime } from 'luxon';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { requireRole, type Auth } from '../auth/index.ts';
import { isKnownPlace, observanceMaxDays, observancesBetween } from '../observances/index.ts';
import type { WorkspacesService } from '../workspaces/index.ts';
import { defaultPillarTargets, mixGuard } from './mix.rules.ts';
import type { PostsRepository } from './posts.repository.ts';
import { toPost } from './posts.service.ts';
import type { PillarTargets } from './posts.table.ts';
import { rangeOf, slotsBetween } from './slots.ts';

type Meetup = { id: string; title: string; slug: string; startsAt: Date; endsAt: Date; status: string; placesLeft: number };
// The meetups on the same calendar, from the events module (absent where it is not wired).
type Meetups = { listOccurrences: (auth: Auth, range: { from: Date; to: Date }) => Promise<{ items: Meetup[] }> };
type Deps = { clock: Clock; workspaces: WorkspacesService; repository: PostsRepository; meetups?: Meetups };
type Settings = { country: string | null; region: string | null; pillarTargets: PillarTargets };

// The shown statuses: what is planned or has gone out. Ideas and drafts wait in the side list.
const planned = ['scheduled', 'publishing', 'published', 'failed', 'unknown'] as const;

export function createPlannerService({ clock, workspaces, repository: repo, meetups }: Deps) {
  async function settingsOf(workspaceId: string): Promise<Settings> {
    const row = await repo.getSettings(workspaceId);
    return row ? { country: row.country, region: row.region, pillarTargets: row.pillarTargets } : { country: null, region: null, pillarTargets: defaultPillarTargets };
  }

  return {
    async settings(auth: Auth): Promise<Settings> {
      requireRole(auth, 'viewer');
      return settingsOf(auth.workspaceId);
    },

    async saveSettings(auth: Auth, input: Settings): Promise<Settings> {
      requireRole(auth, 'owner');
      if (input.region && !input.country) throw new AppError('UNKNOWN_REGION', 'A region needs its country.', [{ path: 'body.country', message: 'Required with a region' }]);
      if (!isKnownPlace({ country: input.country, region: null })) throw new AppError('UNKNOWN_REGION', `No holidays are known for ${input.country}.`, [{ path: 'body.country', message: 'Unknown country' }]);
      if (!isKnownPlace(input)) throw new AppError('UNKNOWN_REGION', `${input.region} is not a region of ${input.country}.`, [{ path: 'body.region', message: 'Unknown region' }]);
      for (const [pillar, target] of Object.entries(input.pillarTargets)) {
        if (target && target.min !== undefined && target.max !== undefined && target.min > target.max) {
          throw new AppError('VALIDATION_FAILED', 'A minimum above its maximum.', [{ path: `body.pillarTargets.${pillar}.min`, message: 'Above max' }]);
        }
      }
      const row = await repo.saveSettings({ workspaceId: auth.workspaceId, ...input, updatedAt: clock.now() });
      return { country: row.country, region: row.region, pillarTargets: row.pillarTargets };
    },

    async observances(auth: Auth, from: string, to: string) {
      requireRole(auth, 'viewer');
      const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
      if (span < 0 || span > observanceMaxDays) throw new AppError('VALIDATION_FAILED', `to must be 0 to ${observanceMaxDays} days after from.`, [{ path: 'querystring.to', message: 'Out of range' }]);
      const { country, region } = await settingsOf(auth.workspaceId);
      return observancesBetween(from, to, { country, region });
    },

    // What the planner renders for a week or a month grid, in the workspace's zone.
    async view(auth: Auth, view: 'week' | 'month', date: string | undefined) {
      requireRole(auth, 'viewer');
      const [workspace, settings, channels] = await Promise.all([workspaces.get(auth), settingsOf(auth.workspaceId), repo.listChannels(auth.workspaceId)]);
      const zone = workspace.timezone;
      const now = clock.now();
      const range = rangeOf(view, date ?? DateTime.fromJSDate(now, { zone }).toISODate()!, zone);
      const [inRange, unscheduled, hosted] = await Promise.all([
        repo.listPosts(auth.workspaceId, { statuses: [...planned], from: range.start, to: range.end, limit: 2000 }),
        repo.listPosts(auth.workspaceId, { statuses: ['idea', 'draft'], limit: 200 }),
        meetups ? meetups.listOccurrences(auth, { from: range.start, to: range.end }) : { items: [] },
      ]);
      const plannerChannels = channels.map((channel) => {
        const mine = inRange.filter((p) => p.targets.some((t) => t.channelId === channel.id));
        const slots = slotsBetween(channel.slots, channel.timezone, range.start, range.end).map((slot) => ({
          ...slot, postIds: mine.filter((p) => p.scheduledAt!.getTime() === slot.at.getTime()).map((p) => p.id),
        }));
        const inSlots = new Set(slots.flatMap((s) => s.postIds));
        return {
          id: channel.id, name: channel.name, platform: channel.platform, mode: channel.mode, timezone: channel.timezone, cadencePerWeek: channel.cadencePerWeek,
          weeklySlots: channel.slots, slots, offSlot: mine.filter((p) => !inSlots.has(p.id)).map((p) => p.id),
        };
      });
      const mix = range.weeks.map((week) => ({
        weekFrom: week.from,
        ...mixGuard({
          now, targets: settings.pillarTargets,
          posts: inRange.filter((p) => p.status !== 'failed' && p.scheduledAt! >= week.start && p.scheduledAt! < week.end)
            .map((p) => ({ id: p.id, pillar: p.pillar, scheduledAt: p.scheduledAt!, channelIds: p.targets.map((t) => t.channelId) })),
          channels: plannerChannels.map((c) => ({ id: c.id, name: c.name, cadencePerWeek: c.cadencePerWeek, slots: c.slots.filter((s) => s.at >= week.start && s.at < week.end).map((s) => s.at) })),
        }),
      }));
      return {
        view, timezone: zone, from: range.from, to: range.to, channels: plannerChannels,
        posts: inRange.map(toPost), unscheduled: unscheduled.map(toPost),
        observances: observancesBetween(range.from, range.to, settings),
        meetups: hosted.items.map(({ id, title, slug, startsAt, endsAt, status, placesLeft }) => ({ id, title, slug, startsAt, endsAt, status, placesLeft })),
        mix,
      };
    },
  };
}

export type PlannerService = ReturnType<typeof createPlannerService>;

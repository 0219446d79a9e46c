// The planner's calendar arithmetic, free of React: days of a range, slots per day in the workspace's
// zone, the slots still open for scheduling, and what scheduling a post onto a slot changes.
import { wallClock } from '../events/zoned.ts';

type Slot = { at: Date; local: string; postIds: string[] };
type PlannerChannel = { id: string; name: string; platform: string; slots: Slot[]; offSlot: string[] };
type PostLike = { id: string; status: string; scheduledAt: Date | null; channels: { channelId: string; body: string | null }[] };
type PlannerLike = { from: string; to: string; timezone: string; channels: PlannerChannel[]; posts: PostLike[] };

export type DaySlot = { key: string; channelId: string; channelName: string; platform: string; at: Date; time: string; postIds: string[]; past: boolean };
export type OffSlotPost = { postId: string; channelId: string; channelName: string; time: string };
export type Day = { date: string; slots: DaySlot[]; offSlot: OffSlotPost[] };

const dayMs = 86_400_000;

// Whole calendar days from `from` to `to`, inclusive, as YYYY-MM-DD (calendar arithmetic in UTC, no zone).
export function datesBetween(from: string, to: string): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  const out: string[] = [];
  for (let t = start; t <= end; t += dayMs) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

// The date a week or a month further on; a month keeps to day 1 so 31 January does not skip February.
export function shiftDate(date: string, view: 'week' | 'month', by: number): string {
  if (view === 'week') return addDays(date, 7 * by);
  const [year, month] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1 + by, 1)).toISOString().slice(0, 10);
}

export function dateIn(at: Date, zone: string): string {
  return wallClock(at, zone).slice(0, 10);
}

export function timeIn(at: Date, zone: string): string {
  return wallClock(at, zone).slice(11, 16);
}

// Each day of the range with its slots across channels, in the workspace's zone, sorted by time.
export function daysOf(planner: PlannerLike, now: Date): Day[] {
  const days = new Map(datesBetween(planner.from, planner.to).map((date) => [date, { date, slots: [] as DaySlot[], offSlot: [] as OffSlotPost[] }]));
  const posts = new Map(planner.posts.map((p) => [p.id, p]));
  for (const channel of planner.channels) {
    for (const slot of channel.slots) {
      days.get(dateIn(slot.at, planner.timezone))?.slots.push({
        key: `${channel.id}@${slot.at.toISOString()}`, channelId: channel.id, channelName: channel.name, platform: channel.platform,
        at: slot.at, time: timeIn(slot.at, planner.timezone), postIds: slot.postIds, past: slot.at.getTime() <= now.getTime(),
      });
    }
    for (const postId of channel.offSlot) {
      const at = posts.get(postId)?.scheduledAt;
      if (at) days.get(dateIn(at, planner.timezone))?.offSlot.push({ postId, channelId: channel.id, channelName: channel.name, time: timeIn(at, planner.timezone) });
    }
  }
  for (const day of days.values()) {
    day.slots.sort((a, b) => a.at.getTime() - b.at.getTime() || a.channelName.localeCompare(b.channelName));
    day.offSlot.sort((a, b) => a.time.localeCompare(b.time));
  }
  return [...days.values()];
}

// Slots ahead with nothing in them yet: what the "Schedule" menu offers instead of a drag.
export function openSlots(days: Day[]): DaySlot[] {
  return days.flatMap((day) => day.slots.filter((slot) => !slot.past && slot.postIds.length === 0));
}

export function slotKey(channelId: string, at: Date): string {
  return `${channelId}@${at.toISOString()}`;
}

// Scheduling onto a channel's slot: the post takes the slot's time and the channel, keeping its other
// channels and their variants.
export function scheduleOnto(post: PostLike, slot: { channelId: string; at: Date }) {
  const has = post.channels.some((c) => c.channelId === slot.channelId);
  return {
    status: 'scheduled' as const,
    scheduledAt: slot.at,
    channels: has ? post.channels.map(({ channelId, body }) => ({ channelId, body })) : [...post.channels.map(({ channelId, body }) => ({ channelId, body })), { channelId: slot.channelId, body: null }],
  };
}

type Placeable = {
  posts: PostLike[]; unscheduled: PostLike[];
  channels: { id: string; slots: Slot[] }[];
};

// The calendar as it will be once the server has the post in the slot: shown at once, replaced by the answer.
export function placed<T extends Placeable>(planner: T, postId: string, slot: { channelId: string; at: Date }): T {
  const post = planner.unscheduled.find((p) => p.id === postId);
  if (!post) return planner;
  return {
    ...planner,
    unscheduled: planner.unscheduled.filter((p) => p.id !== postId),
    posts: [...planner.posts, { ...post, status: 'scheduled', scheduledAt: slot.at }],
    channels: planner.channels.map((c) => (c.id !== slot.channelId ? c : {
      ...c, slots: c.slots.map((s) => (s.at.getTime() === slot.at.getTime() ? { ...s, postIds: [...s.postIds, postId] } : s)),
    })),
  };
}

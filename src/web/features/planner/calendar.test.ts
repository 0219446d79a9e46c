import assert from 'node:assert/strict';
import { test } from 'node:test';
import { datesBetween, daysOf, openSlots, placed, scheduleOnto, shiftDate } from './calendar.ts';

const channel = (id: string, name: string, slots: { at: string; postIds?: string[] }[], offSlot: string[] = []) => ({
  id, name, platform: 'mastodon', offSlot,
  slots: slots.map((s) => ({ at: new Date(s.at), local: '', postIds: s.postIds ?? [] })),
});

test('a week is seven dates across the month end; months shift from their first day', () => {
  assert.deepEqual(datesBetween('2026-10-26', '2026-11-01'), ['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31', '2026-11-01']);
  assert.equal(shiftDate('2026-12-28', 'week', 1), '2027-01-04');
  assert.equal(shiftDate('2027-01-31', 'month', 1), '2027-02-01');
  assert.equal(shiftDate('2027-01-15', 'month', -1), '2026-12-01');
});

test('slots fall on their day and time in the workspace zone, across the October DST change', () => {
  const planner = {
    from: '2026-10-19', to: '2026-10-25', timezone: 'Europe/Berlin', posts: [
      { id: 'p1', status: 'scheduled', scheduledAt: new Date('2026-10-20T08:00:00Z'), channels: [] },
      { id: 'p2', status: 'scheduled', scheduledAt: new Date('2026-10-21T13:15:00Z'), channels: [] },
    ],
    channels: [
      channel('m', 'Mastodon', [{ at: '2026-10-20T07:00:00Z' }, { at: '2026-10-25T08:00:00Z' }]),
      channel('l', 'LinkedIn', [{ at: '2026-10-20T06:30:00Z', postIds: ['p1'] }], ['p2']),
    ],
  };
  const days = daysOf(planner, new Date('2026-10-20T06:45:00Z'));
  assert.equal(days.length, 7);
  const tuesday = days[1]!;
  assert.deepEqual(tuesday.slots.map((s) => [s.channelName, s.time, s.past]), [['LinkedIn', '08:30', true], ['Mastodon', '09:00', false]]);
  // Sunday 25 October is winter time in Berlin: 08:00 UTC is 09:00 on the wall.
  assert.deepEqual(days[6]!.slots.map((s) => s.time), ['09:00']);
  assert.deepEqual(days[2]!.offSlot, [{ postId: 'p2', channelId: 'l', channelName: 'LinkedIn', time: '15:15' }]);
  assert.deepEqual(openSlots(days).map((s) => s.key), ['m@2026-10-20T07:00:00.000Z', 'm@2026-10-25T08:00:00.000Z']);
});

test('scheduling onto a slot sets its time and adds its channel, keeping the other channels\' variants', () => {
  const at = new Date('2026-12-08T08:00:00Z');
  const post = { id: 'p', status: 'idea', scheduledAt: null, channels: [{ channelId: 'a', body: 'own text' }] };
  assert.deepEqual(scheduleOnto(post, { channelId: 'b', at }), { status: 'scheduled', scheduledAt: at, channels: [{ channelId: 'a', body: 'own text' }, { channelId: 'b', body: null }] });
  assert.deepEqual(scheduleOnto(post, { channelId: 'a', at }).channels, [{ channelId: 'a', body: 'own text' }]);
});

test('a dropped idea shows in its slot at once and leaves the side list; an unknown post changes nothing', () => {
  const at = new Date('2026-12-09T09:00:00Z');
  const idea = { id: 'p', status: 'idea', scheduledAt: null, channels: [] };
  const planner = { posts: [] as (typeof idea)[], unscheduled: [idea], channels: [{ id: 'c', slots: [{ at, local: '2026-12-09T10:00', postIds: [] as string[] }] }] };
  const after = placed(planner, 'p', { channelId: 'c', at });
  assert.deepEqual(after.unscheduled, []);
  assert.deepEqual(after.posts.map((p) => [p.id, p.status, p.scheduledAt]), [['p', 'scheduled', at]]);
  assert.deepEqual(after.channels[0]!.slots[0]!.postIds, ['p']);
  assert.equal(placed(planner, 'nobody', { channelId: 'c', at }), planner);
});

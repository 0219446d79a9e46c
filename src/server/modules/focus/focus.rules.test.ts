import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actualSeconds, budgetWeek, minutesPerChannel, scaledPlan, sessionState, tomorrowAt, weekOf } from './focus.rules.ts';

const start = new Date('2026-11-23T09:00:00Z');
const plan = { read: 180, write: 300, reply: 300, leave: 120 };
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

test('the default split of 15 minutes is 3/5/5/2, and other lengths keep its shares', () => {
  assert.deepEqual(scaledPlan(900), plan);
  assert.deepEqual(scaledPlan(1800), { read: 360, write: 600, reply: 600, leave: 240 });
  // 10 seconds: 2 + 3 + 3, leave gets the remaining 2.
  assert.deepEqual(scaledPlan(10), { read: 2, write: 3, reply: 3, leave: 2 });
});

test('the phase and time left follow the clock', () => {
  const session = { startedAt: start, plan, endedAt: null };
  assert.equal(sessionState(session, at(0)).phase, 'read');
  const writing = sessionState(session, at(4));
  assert.equal(writing.phase, 'write');
  assert.equal(writing.secondsLeftInPhase, 240);
  assert.equal(writing.secondsLeft, 660);
  assert.equal(sessionState(session, at(13.5)).phase, 'leave');
  const over = sessionState(session, at(15));
  assert.equal(over.running, false);
  assert.equal(over.phase, null);
});

test('a phase of zero minutes is skipped', () => {
  const session = { startedAt: start, plan: { read: 0, write: 300, reply: 0, leave: 60 }, endedAt: null };
  assert.equal(sessionState(session, at(0)).phase, 'write');
  assert.equal(sessionState(session, at(5)).phase, 'leave');
});

test('actual seconds per phase stop where the session ended', () => {
  assert.deepEqual(actualSeconds({ startedAt: start, plan, endedAt: at(6) }, at(20)), { read: 180, write: 180, reply: 0, leave: 0 });
  assert.deepEqual(actualSeconds({ startedAt: start, plan, endedAt: null }, at(60)), plan);
});

test('the week runs Monday to Monday in the workspace\'s zone, across a DST change', () => {
  // Sunday 29 March 2026, 23:30 in Berlin (summer time began that morning) is still the week of 23 March.
  const sunday = weekOf(new Date('2026-03-29T21:30:00Z'), 'Europe/Berlin');
  assert.equal(sunday.label, '2026-03-23');
  assert.equal(sunday.start.toISOString(), '2026-03-22T23:00:00.000Z');
  assert.equal(sunday.end.toISOString(), '2026-03-29T22:00:00.000Z');
  // The same instant in New York is Sunday afternoon, same week; in Tokyo it is Monday the 30th.
  assert.equal(weekOf(new Date('2026-03-29T21:30:00Z'), 'Asia/Tokyo').label, '2026-03-30');
  assert.equal(tomorrowAt(new Date('2026-03-28T12:00:00Z'), 10, 'Europe/Berlin').toISOString(), '2026-03-29T08:00:00.000Z');
});

test('minutes per channel: shared by the session\'s channels, only the part inside the week', () => {
  const week = { start: at(10), end: at(10_000) };
  const sessions = [
    { startedAt: start, plan, endedAt: null, channels: ['mastodon' as const], endedEarly: false }, // 5 of its 15 minutes inside
    { startedAt: at(100), plan, endedAt: at(106), channels: ['mastodon' as const, 'linkedin' as const], endedEarly: true }, // 6 minutes, 3 each
  ];
  assert.deepEqual(minutesPerChannel(sessions, week, at(200)), { mastodon: 8, linkedin: 3 });
});

test('over-commitment: the planner\'s cadence goals need more minutes than the budget', () => {
  // LinkedIn: 3 posts × 30 minutes = 90 > 60; Mastodon: 2 × 20 = 40 ≤ 60; Bluesky has a goal but no budget;
  // X has time spent but neither.
  const result = budgetWeek([
    { channel: 'linkedin', minutesPerWeek: 60, minutesPerPost: 30 },
    { channel: 'mastodon', minutesPerWeek: 60, minutesPerPost: 20 },
  ], { linkedin: 70, mastodon: 15, x: 5 }, { linkedin: 3, mastodon: 2, bluesky: 4 });
  assert.deepEqual(result.channels.map((c) => [c.channel, c.postsPerWeek, c.usedMinutes, c.leftMinutes, c.neededMinutes, c.overCommitted]), [
    ['linkedin', 3, 70, 0, 90, true],
    ['mastodon', 2, 15, 45, 40, false],
    ['bluesky', 4, 0, 0, 0, false],
    ['x', 0, 5, 0, 0, false],
  ]);
  assert.deepEqual(result.totals, { budgetMinutes: 120, usedMinutes: 90, leftMinutes: 45, neededMinutes: 130 });
  assert.equal(result.overCommitted, true);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { instantOf, wallClock } from './zoned.ts';

test('wall-clock times in the event zone round-trip, on both sides of a DST change', () => {
  assert.equal(instantOf('2026-03-12T19:00', 'Europe/Berlin')?.toISOString(), '2026-03-12T18:00:00.000Z');
  assert.equal(instantOf('2026-04-09T19:00', 'Europe/Berlin')?.toISOString(), '2026-04-09T17:00:00.000Z');
  assert.equal(instantOf('2026-07-01T09:30', 'America/New_York')?.toISOString(), '2026-07-01T13:30:00.000Z');
  assert.equal(wallClock(new Date('2026-04-09T17:00:00Z'), 'Europe/Berlin'), '2026-04-09T19:00');
  assert.equal(wallClock(new Date('2026-12-31T23:30:00Z'), 'Asia/Tokyo'), '2027-01-01T08:30');
  assert.equal(instantOf('not a date', 'UTC'), null);
});

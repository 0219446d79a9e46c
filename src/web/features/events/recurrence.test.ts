import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultRecurrence, fromRrule, toRrule, weekdayOf, positionOf } from './recurrence.ts';

test('the common cases become the RRULE the server expands', () => {
  assert.equal(toRrule({ kind: 'once' }), null);
  assert.equal(toRrule({ kind: 'monthly', positions: [4, 2], day: 'TH' }), 'FREQ=MONTHLY;BYDAY=2TH,4TH');
  assert.equal(toRrule({ kind: 'monthly', positions: [-1, 1], day: 'FR' }), 'FREQ=MONTHLY;BYDAY=1FR,-1FR');
  assert.equal(toRrule({ kind: 'weekly', interval: 1, days: ['TH', 'MO'] }), 'FREQ=WEEKLY;BYDAY=MO,TH');
  assert.equal(toRrule({ kind: 'weekly', interval: 2, days: ['WE'] }), 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE');
  assert.equal(toRrule({ kind: 'custom', rrule: ' RRULE:FREQ=DAILY;COUNT=3 ' }), 'FREQ=DAILY;COUNT=3');
});

test('stored rules come back to the picker, and the rest stays custom', () => {
  assert.deepEqual(fromRrule(null), { kind: 'once' });
  assert.deepEqual(fromRrule('FREQ=MONTHLY;BYDAY=2TH,4TH'), { kind: 'monthly', positions: [2, 4], day: 'TH' });
  assert.deepEqual(fromRrule('RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=WE'), { kind: 'weekly', interval: 2, days: ['WE'] });
  assert.deepEqual(fromRrule('FREQ=MONTHLY;BYDAY=2TH,4FR'), { kind: 'custom', rrule: 'FREQ=MONTHLY;BYDAY=2TH,4FR' });
  assert.deepEqual(fromRrule('FREQ=WEEKLY;BYDAY=TH;COUNT=5'), { kind: 'custom', rrule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=5' });
  assert.deepEqual(fromRrule('FREQ=MONTHLY;BYDAY=5TH'), { kind: 'custom', rrule: 'FREQ=MONTHLY;BYDAY=5TH' });
  for (const rule of ['FREQ=MONTHLY;BYDAY=1MO,-1MO', 'FREQ=WEEKLY;BYDAY=MO,TU,FR']) assert.equal(toRrule(fromRrule(rule)), rule);
});

test('the first date suggests the weekday and which one in the month', () => {
  // 12 March 2026 is the 2nd Thursday; 26 March the 4th; 30 March the last Monday.
  assert.equal(weekdayOf('2026-03-12T19:00'), 'TH');
  assert.equal(positionOf('2026-03-12T19:00'), 2);
  assert.equal(positionOf('2026-03-26T19:00'), 4);
  assert.equal(positionOf('2026-03-30T19:00'), -1);
  assert.deepEqual(defaultRecurrence('monthly', '2026-03-12T19:00', { kind: 'once' }), { kind: 'monthly', positions: [2], day: 'TH' });
  assert.deepEqual(defaultRecurrence('weekly', '2026-03-30T19:00', { kind: 'once' }), { kind: 'weekly', interval: 1, days: ['MO'] });
});

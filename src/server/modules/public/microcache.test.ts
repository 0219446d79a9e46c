import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixedClock } from '../../core/clock.ts';
import { createMicrocache } from './render.ts';

// What many visitors at once get from the public pages' memory (see createMicrocache).
describe('the public pages\' microcache', () => {
  const deferred = () => {
    let resolve!: (value: string) => void;
    const promise = new Promise<string>((r) => { resolve = r; });
    return { promise, resolve };
  };

  test('visitors who come while a page is being rendered wait for that rendering instead of starting their own', async () => {
    const cache = createMicrocache(fixedClock(new Date('2026-03-01T09:00:00Z')), 1000);
    let renders = 0;
    const slow = deferred();
    const render = () => { renders++; return slow.promise; };
    const visits = Array.from({ length: 50 }, () => cache.get('meetup', 'en', render));
    slow.resolve('<p>3 places left</p>');
    assert.deepEqual(new Set(await Promise.all(visits)), new Set(['<p>3 places left</p>']));
    assert.equal(renders, 1);
    assert.equal(await cache.get('meetup', 'en', async () => 'new'), '<p>3 places left</p>', 'kept for the moment');
  });

  test('a rendering begun before a change is neither kept nor given to visitors who come after it', async () => {
    const cache = createMicrocache(fixedClock(new Date('2026-03-01T09:00:00Z')), 1000);
    const before = deferred();
    const early = cache.get('meetup', 'en', () => before.promise);
    cache.forget('meetup'); // an RSVP through this process
    const after = cache.get('meetup', 'en', async () => '2 places left');
    before.resolve('3 places left');
    assert.equal(await early, '3 places left');
    assert.equal(await after, '2 places left');
    assert.equal(await cache.get('meetup', 'en', async () => 'rendered again'), '2 places left');
  });
});

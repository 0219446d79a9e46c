import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createBatcher } from './batcher.ts';

test('items that arrive during a batch go together in the next one, each answered in order', async () => {
  const batches: number[][] = [];
  const add = createBatcher(async (items: number[]) => {
    batches.push(items);
    await new Promise((resolve) => setTimeout(resolve, 5));
    return items.map((n) => n * 10);
  });
  const answers = await Promise.all([1, 2, 3, 4, 5].map((n) => add(n)));
  assert.deepEqual(answers, [10, 20, 30, 40, 50]);
  assert.deepEqual(batches, [[1], [2, 3, 4, 5]]);
});

test('a failing batch is tried item by item: only the bad item fails', async () => {
  const add = createBatcher(async (items: string[]) => {
    if (items.includes('bad')) throw new Error('bad item');
    return items.map((s) => s.toUpperCase());
  });
  const results = await Promise.allSettled(['a', 'b', 'bad', 'c'].map((s) => add(s)));
  assert.deepEqual(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message)), ['A', 'B', 'bad item', 'C']);
});

test('no batch is larger than the limit', async () => {
  const sizes: number[] = [];
  const add = createBatcher(async (items: number[]) => { sizes.push(items.length); return items; }, 3);
  await Promise.all(Array.from({ length: 8 }, (_, i) => add(i)));
  assert.deepEqual(sizes, [1, 3, 3, 1]);
});

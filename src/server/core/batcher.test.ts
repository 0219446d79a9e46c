import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createBatcher } from './batcher.ts';

test('items that arrive together go in one batch, those that arrive during a batch together in the next, each answered in order', async () => {
  const batches: number[][] = [];
  let started!: () => void;
  const writing = new Promise<void>((resolve) => { started = resolve; });
  const add = createBatcher(async (items: number[]) => {
    batches.push(items);
    started();
    await new Promise((resolve) => setTimeout(resolve, 5));
    return items.map((n) => n * 10);
  });
  const first = Promise.all([1, 2, 3].map((n) => add(n)));
  await writing;
  const answers = await Promise.all([first, Promise.all([4, 5].map((n) => add(n)))]);
  assert.deepEqual(answers, [[10, 20, 30], [40, 50]]);
  assert.deepEqual(batches, [[1, 2, 3], [4, 5]]);
});

test('items that arrive in the turn after the first still join its batch (the requests of one read from the network)', async () => {
  const batches: number[][] = [];
  const add = createBatcher(async (items: number[]) => { batches.push(items); return items; });
  const first = add(1);
  await new Promise((resolve) => process.nextTick(resolve));
  await Promise.all([first, add(2), add(3)]);
  assert.deepEqual(batches, [[1, 2, 3]]);
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
  assert.deepEqual(sizes, [3, 3, 2]);
});

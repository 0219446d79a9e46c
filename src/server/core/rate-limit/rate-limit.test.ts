import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import { makeTestDatabase } from '../../../../test/helpers.ts';
import { databaseRateLimitStore, memoryRateLimitStore } from './index.ts';

type Answer = { current: number; ttl: number };

describe('the rate limit store', () => {
  let database: Awaited<ReturnType<typeof makeTestDatabase>>;
  before(async () => { database = await makeTestDatabase(); });
  after(() => database.dispose());

  const hit = (store: FastifyRateLimitStore, key: string, window = 60_000) =>
    new Promise<Answer>((resolve, reject) => store.incr(key, (error, answer) => (error ? reject(error) : resolve(answer!)), window, 10));

  // The database's table (PostgreSQL, shared across processes) and memory (the embedded database, one process).
  for (const [kind, storeOf] of [['database', databaseRateLimitStore], ['memory', memoryRateLimitStore]] as const) {
    test(`${kind}: hits arriving together each get their own count, per client, and two stores on one database share them`, async () => {
      const Store = storeOf(database);
      const first = new Store({ routeInfo: { method: 'POST', url: '/subscribe' } });
      const second = new (storeOf(database))({ routeInfo: { method: 'POST', url: '/subscribe' } });
      const answers = await Promise.all([...Array.from({ length: 12 }, () => hit(first, '203.0.113.7')), hit(first, '198.51.100.2')]);
      assert.deepEqual(answers.slice(0, 12).map((a) => a.current).sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      assert.equal(answers[12]!.current, 1);
      assert.ok(answers.every((a) => a.ttl > 0 && a.ttl <= 60_000));
      // Another process (another store on the same database) counts on from there.
      assert.equal((await hit(second, '203.0.113.7')).current, 13);
      // Another route is another count.
      assert.equal((await hit(new Store({ routeInfo: { method: 'POST', url: '/ask' } }), '203.0.113.7')).current, 1);
    });

    test(`${kind}: a window that has ended starts again at one`, async () => {
      const store = new (storeOf(database))({});
      await Promise.all([hit(store, 'client', 1), hit(store, 'client', 1)]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal((await hit(store, 'client', 60_000)).current, 1);
    });
  }
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eventsTestApp } from './events.test-support.ts';

// The first sold-out meetup of a new workspace: thousands of people added within seconds.
describe('a burst of registrations on a new workspace', () => {
  let s: Awaited<ReturnType<typeof eventsTestApp>>;
  before(async () => { s = await eventsTestApp(); });
  after(() => s.t.close());

  test('keeps the planner\'s statistics of the growing people tables current (PGlite has no autovacuum)', async () => {
    const occurrence = (await s.single({ localStart: '2026-03-12T19:00', capacity: 60 })).occurrences[0]!;
    const register = (i: number) => s.t.services.registrations.register(occurrence.slug, s.person(i));
    await Promise.all(Array.from({ length: 600 }, (_, i) => register(i)));
    // The next registration's batch plans its statements (the foreign-key checks among them) on what is there now.
    await register(600);
    const count = async (table: string) => Number((await s.t.database.query(`select count(*)::int as n from ${table}`)).rows[0]!.n);
    const estimate = async (table: string) => Number((await s.t.database.query('select reltuples from pg_class where relname = $1', [table])).rows[0]!.reltuples);
    // Statistics are taken again once a table has grown by a fifth (and past a few pages): never analyzed, the estimate would be -1.
    for (const table of ['people', 'interactions']) {
      const [rows, estimated] = [await count(table), await estimate(table)];
      assert.ok(rows >= 601 && estimated >= rows / 1.25, `${table}: ${rows} rows, the planner thinks ${estimated}`);
    }
  });
});

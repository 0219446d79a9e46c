import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeTestApp, setupOwner, type TestApp } from '../../../test/helpers.ts';
import { maintenanceJobs } from './maintenance.ts';

// The planner's statistics: PostgreSQL keeps them by autovacuum, the embedded mode by an hourly job.
describe('database maintenance', () => {
  let t: TestApp;
  before(async () => { t = await makeTestApp(); });
  after(() => t.close());

  test('on PGlite the hourly job brings the statistics up to the rows there are and clears dead rows; PostgreSQL needs no job', async () => {
    const jobs = maintenanceJobs(t.database);
    if (t.database.kind === 'postgres') return assert.deepEqual(jobs, []);
    assert.deepEqual(jobs.map((j) => j.name), ['analyze-embedded']);
    const browser = await setupOwner(t.app);
    for (let i = 0; i < 30; i++) await t.app.inject({ method: 'POST', url: '/api/v1/people', headers: browser.headers, payload: { name: `Person ${i}` } });
    const estimate = async () => Number((await t.database.query(`select reltuples from pg_class where relname = 'people'`)).rows[0]!.reltuples);
    assert.ok(await estimate() < 30, 'never analyzed: the planner does not know the rows are there');
    await jobs[0]!.handler({});
    assert.equal(await estimate(), 30);
    // Every update leaves the old row versions behind; once vacuumed, their room is used again.
    const size = async () => Number((await t.database.query(`select pg_relation_size('people') as n`)).rows[0]!.n);
    const rewriteEveryone = (i: number) => t.database.query(`update people set notes = repeat($1, 200)`, [String(i % 10)]);
    await rewriteEveryone(0);
    await jobs[0]!.handler({});
    const settled = await size();
    for (let i = 1; i <= 8; i++) {
      await rewriteEveryone(i);
      await jobs[0]!.handler({});
    }
    assert.ok(await size() <= settled * 2, `the table grew from ${settled} to ${await size()} bytes`);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { allJobs } from '../app.ts';
import { fixedClock } from '../core/clock.ts';
import { makeTestApp, owner, setupOwner, type TestApp } from '../../../test/helpers.ts';
import { openQueue, type Queue } from './index.ts';

// The real job (purging expired sessions) through the real queue on this run's database.
describe('job queue', () => {
  const clock = fixedClock(new Date('2026-11-22T09:00:00Z'));
  let t: TestApp;
  let queue: Queue;
  before(async () => {
    t = await makeTestApp({ clock });
    queue = await openQueue(t.database, { worker: true, pollingIntervalSeconds: 0.5 });
    await queue.work(allJobs(t.services, t.database));
  });
  after(async () => {
    await queue.stop();
    await t.close();
  });

  test('the purge job removes expired sessions and keeps live ones', async () => {
    const stale = await setupOwner(t.app);
    clock.advance(31 * 24 * 3600 * 1000); // past the 30-day session lifetime
    const fresh = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: owner.email, password: owner.password } });
    assert.equal(fresh.statusCode, 200);
    assert.equal(await countSessions(t), 2);

    await queue.send('purge-expired-sessions');
    const deadline = Date.now() + 15_000;
    while ((await countSessions(t)) !== 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));

    assert.equal(await countSessions(t), 1);
    const staleUse = await t.app.inject({ url: '/api/v1/people', headers: stale.headers });
    assert.equal(staleUse.statusCode, 401);
  });
});

async function countSessions(t: TestApp): Promise<number> {
  const { rows } = await t.database.query('select count(*)::int as n from sessions');
  return rows[0]!.n as number;
}

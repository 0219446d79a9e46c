import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeTestApp, setupOwner, type Browser, type TestApp } from '../../../../test/helpers.ts';

describe('the workspace', () => {
  let t: TestApp;
  let owner: Browser;
  before(async () => { t = await makeTestApp(); owner = await setupOwner(t.app); });
  after(() => t.close());
  const patch = (payload: object) => t.app.inject({ method: 'PATCH', url: '/api/v1/workspace', headers: owner.headers, payload });

  test('an empty change changes nothing and says so with the workspace as it is (the fuzzer found a 500 here)', async () => {
    const response = await patch({});
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().name, 'Green Door Coaching');
  });

  test('a rename and a time zone are kept; a zone that does not exist is refused', async () => {
    assert.deepEqual((({ name, timezone }) => ({ name, timezone }))((await patch({ name: 'Green Door Studio', timezone: 'Europe/Vienna' })).json()), { name: 'Green Door Studio', timezone: 'Europe/Vienna' });
    const wrong = await patch({ timezone: 'Europe/Atlantis' });
    assert.equal(wrong.statusCode, 400);
    assert.equal((await t.app.inject({ url: '/api/v1/workspace', headers: owner.headers })).json().timezone, 'Europe/Vienna');
  });
});

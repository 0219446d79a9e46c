import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

const base = { ONLAND_DATA_DIR: '/tmp/onland-config-test', ONLAND_SECRET: 'secret' };

test('the form limit is 10 a minute unless FORM_RATE_LIMIT says otherwise, and a wrong value is refused with what to type', () => {
  assert.equal(loadConfig(base).formRateLimit, 10);
  assert.equal(loadConfig({ ...base, FORM_RATE_LIMIT: '600' }).formRateLimit, 600);
  for (const wrong of ['0', '-3', '2.5', 'many']) {
    assert.throws(() => loadConfig({ ...base, FORM_RATE_LIMIT: wrong }), (e: Error) => e instanceof ConfigError && e.message.includes('FORM_RATE_LIMIT must be a whole number'));
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCredentialBox } from './credentials.ts';

test('credentials are sealed with AES-256-GCM: readable with the secret, not without, not elsewhere, not altered', () => {
  const box = createCredentialBox('instance-secret-one');
  const sealed = box.seal({ accessToken: 'tok-123456' }, 'ws1:ch1');
  assert.ok(!sealed.includes('tok-123456'));
  assert.notEqual(sealed, box.seal({ accessToken: 'tok-123456' }, 'ws1:ch1'), 'a fresh IV each time');
  assert.deepEqual(box.open(sealed, 'ws1:ch1'), { accessToken: 'tok-123456' });
  assert.throws(() => box.open(sealed, 'ws1:ch2'), 'bound to its channel');
  assert.throws(() => createCredentialBox('another-secret').open(sealed, 'ws1:ch1'));
  const parts = sealed.split('.');
  const flipped = Buffer.from(parts[3]!, 'base64url');
  flipped[0] = flipped[0]! ^ 1;
  assert.throws(() => box.open([parts[0], parts[1], parts[2], flipped.toString('base64url')].join('.'), 'ws1:ch1'));
});

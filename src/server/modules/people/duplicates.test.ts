import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blockingKeys, duplicateReasons, handleCore, nameSimilarity, type CandidateSide } from './duplicates.ts';

const side = (name: string, extra: Partial<CandidateSide> = {}): CandidateSide => ({ id: name, name, organisation: null, emails: [], handles: [], ...extra });

test('the same name is worth a look; a similar name needs something shared', () => {
  assert.deepEqual(duplicateReasons(side('Sam Rivera'), side('Sam Rivera'), 1), ['same_name']);
  assert.equal(duplicateReasons(side('Sam Rivera'), side('Samuel Rivera'), 0.6), null);
  assert.deepEqual(duplicateReasons(side('Sam Rivera', { organisation: 'Rivera Bakes' }), side('Samuel Rivera', { organisation: 'rivera bakes' }), 0.6), ['similar_name', 'same_organisation']);
  assert.equal(duplicateReasons(side('Sam Rivera', { organisation: 'A' }), side('Tom Jones', { organisation: 'A' }), 0.1), null);
});

test('handles on different platforms that spell the same name count as shared', () => {
  assert.equal(handleCore('@sam_rivera@social.example'), 'samrivera');
  assert.equal(handleCore('in/sam-rivera'), 'samrivera');
  assert.equal(handleCore('samrivera.bsky.social'), 'samrivera');
  const a = side('Sam Rivera', { handles: [{ platform: 'mastodon', handle: '@sam_rivera@social.example' }] });
  const b = side('Sam Riviera', { handles: [{ platform: 'linkedin', handle: 'in/sam-rivera' }] });
  assert.deepEqual(duplicateReasons(a, b, 0.7), ['similar_name', 'similar_handle']);
});

test('accents and case do not make names different', () => {
  assert.deepEqual(duplicateReasons(side('Jürgen Müller'), side('jurgen muller'), 0.4), ['same_name']);
});

test('blocking keys: family name with initial, organisation with initial', () => {
  assert.deepEqual(blockingKeys({ name: 'Jürgen Müller', organisation: 'Müller & Söhne' }), ['n:muller:j', 'o:muller & sohne:j']);
  assert.deepEqual(blockingKeys({ name: 'Madonna' }), ['g:madonna']);
  assert.deepEqual(blockingKeys({ name: 'Dr. Sam van Rivera', givenName: 'Sam', familyName: 'van Rivera' }), ['n:van rivera:s']);
});

test('name similarity counts shared trigrams', () => {
  assert.equal(nameSimilarity('Sam Rivera', 'sam rivera'), 1);
  assert.ok(nameSimilarity('Sam Rivera', 'Samuel Rivera') > 0.5);
  assert.ok(nameSimilarity('Sam Rivera', 'Tom Jones') < 0.1);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeValues, sameValues, type MergeableValues } from './merge.ts';

const base: MergeableValues = {
  name: 'Sam Rivera', givenName: 'Sam', familyName: null, emails: ['sam@example.org'], phones: ['+49 30 1234567'],
  handles: [{ platform: 'mastodon', handle: '@sam@social.example', url: null }], organisation: null, tags: ['client'],
  notes: 'Met at the fair', source: null, introducedById: null, timezone: null, locale: null, cadenceDays: 30, isClient: true, isFriend: false,
};

test('a merge keeps the union of emails, phones, handles and tags, and fills empty fields', () => {
  const merged = mergeValues(base, {
    name: 'Samuel Rivera', familyName: 'Rivera', emails: ['SAM@example.org', 'sam@work.example'], phones: ['+49301234567', '+44 20 7946 0000'],
    handles: [{ platform: 'mastodon', handle: 'Sam@Social.example' }, { platform: 'linkedin', handle: 'in/sam-rivera' }],
    organisation: 'Rivera Bakes', tags: ['Client', 'meetup'], notes: 'Speaks at meetups', cadenceDays: 7, isFriend: true,
  });
  assert.equal(merged.name, 'Sam Rivera');
  assert.equal(merged.familyName, 'Rivera');
  assert.deepEqual(merged.emails, ['sam@example.org', 'sam@work.example']);
  assert.deepEqual(merged.phones, ['+49 30 1234567', '+44 20 7946 0000']);
  assert.deepEqual(merged.handles.map((h) => h.platform), ['mastodon', 'linkedin']);
  assert.deepEqual(merged.tags, ['client', 'meetup']);
  assert.equal(merged.organisation, 'Rivera Bakes');
  assert.equal(merged.notes, 'Met at the fair\n\nSpeaks at meetups');
  assert.equal(merged.cadenceDays, 30);
  assert.equal(merged.isFriend, true);
});

test('merging what is already there changes nothing', () => {
  assert.ok(sameValues(mergeValues(base, { emails: ['sam@example.org'], tags: ['client'], notes: 'Met at the fair' }), base));
});

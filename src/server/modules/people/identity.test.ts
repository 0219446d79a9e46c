import assert from 'node:assert/strict';
import { test } from 'node:test';
import { identityKeys, normalisePhone, normaliseProfileUrl } from './identity.ts';

test('phones become E.164, with the workspace country for national numbers', () => {
  assert.equal(normalisePhone('+49 30 12345678'), '+493012345678');
  assert.equal(normalisePhone('030 12345678', 'DE'), '+493012345678');
  assert.equal(normalisePhone('(030) 123-456-78', 'DE'), '+493012345678');
  assert.equal(normalisePhone('12'), null);
});

test('profile URLs compare without scheme, www, case, query or trailing slash', () => {
  assert.equal(normaliseProfileUrl('http://www.LinkedIn.com/in/Sam-Rivera/?trk=x'), 'https://linkedin.com/in/sam-rivera');
  assert.equal(normaliseProfileUrl('mailto:x@y.z'), null);
  // A query that names the person stays.
  assert.equal(normaliseProfileUrl('https://twitter.com/intent/user?user_id=1650123456789012345'), 'https://twitter.com/intent/user?user_id=1650123456789012345');
  assert.notEqual(normaliseProfileUrl('https://twitter.com/intent/user?user_id=1'), normaliseProfileUrl('https://twitter.com/intent/user?user_id=2'));
});

test('one person\'s keys: emails, phones, handles and profile URLs', () => {
  const keys = identityKeys({
    emails: [' Sam@Example.org'],
    phones: ['+49 30 12345678', 'call me'],
    handles: [{ platform: 'mastodon', handle: '@Sam@Social.example', url: 'https://social.example/@sam/' }],
  });
  assert.deepEqual(keys, ['email:sam@example.org', 'phone:+493012345678', 'handle:mastodon:sam@social.example', 'url:https://social.example/@sam']);
});

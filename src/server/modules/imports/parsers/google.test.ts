import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseGoogleContacts } from './google.ts';
import { fixture } from './test-fixture.ts';
import { ImportFormatError } from './types.ts';

describe('Google Contacts CSV', () => {
  const result = parseGoogleContacts(fixture('google/contacts.csv'));
  const byName = (name: string) => result.people.find((p) => p.name === name)!;

  it('reads the current header with BOM, multi-line notes and ::: joined values', () => {
    assert.deepEqual(result.people.map((p) => p.name), ['Jürgen Müller', 'Zoë', 'Bäckerei Sonnenschein', 'Sam Okafor']);
    const juergen = byName('Jürgen Müller');
    assert.equal(juergen.key, 'mailto:juergen@mueller-soehne.example');
    assert.deepEqual(juergen.emails, ['juergen@mueller-soehne.example', 'j.mueller@example.org']);
    assert.deepEqual(juergen.phones, ['+49 170 1234567', '+49 30 1234567']);
    assert.equal(juergen.organisation, 'Müller & Söhne GmbH');
    assert.equal(juergen.notes, 'Met at the Kiez meetup.\nLikes espresso, not filter.\nPosition: Geschäftsführer');
    assert.equal(juergen.line, 2);
  });

  it('turns labels into tags without Google\'s system labels', () => {
    assert.deepEqual(byName('Jürgen Müller').tags, ['Clients']);
    assert.deepEqual(byName('Zoë').tags, ['Meetup Berlin', 'friends']);
  });

  it('recognises social profiles among the websites', () => {
    assert.deepEqual(byName('Jürgen Müller').handles, [
      { platform: 'linkedin', handle: 'juergen-mueller-4a1b2c', url: 'https://www.linkedin.com/in/juergen-mueller-4a1b2c/' },
      { platform: 'mastodon', handle: '@jmueller@chaos.social', url: 'https://chaos.social/@jmueller' },
    ]);
    assert.deepEqual(byName('Sam Okafor').handles, [
      { platform: 'x', handle: 'samokafor', url: 'https://x.com/samokafor' },
      { platform: 'website', handle: 'sam-okafor.example/blog', url: 'https://sam-okafor.example/blog/' },
    ]);
  });

  it('keeps what a person record would refuse as note lines, and names the nameless by organisation', () => {
    const bakery = byName('Bäckerei Sonnenschein');
    assert.deepEqual(bakery.phones, []);
    assert.equal(bakery.notes, 'Phone: 030 9876543 ext. 12');
    assert.match(bakery.key, /^sha256:/);
    assert.equal(byName('Sam Okafor').notes, 'Birthday: --05-17');
  });

  it('skips blank rows and rejects contacts with nothing to go on, by line', () => {
    assert.deepEqual(result.rejected, [{ line: 8, reason: 'No name, organisation, email, phone or website' }]);
    assert.equal(byName('Sam Okafor').line, 9);
  });

  it('gives the same keys on a second parse', () => {
    assert.deepEqual(parseGoogleContacts(fixture('google/contacts.csv')).people.map((p) => p.key), result.people.map((p) => p.key));
  });

  it('reads the legacy header by name, Language and Photo columns included', () => {
    const legacy = parseGoogleContacts(fixture('google/contacts-legacy.csv'));
    assert.deepEqual(legacy.people.map((p) => p.name), ['Jürgen Müller', 'Chloé Dubois']);
    const [juergen, chloe] = legacy.people as [typeof legacy.people[0], typeof legacy.people[0]];
    assert.equal(juergen.organisation, 'Müller & Söhne GmbH');
    assert.deepEqual(juergen.tags, ['Clients']);
    assert.equal(juergen.notes, 'Old notes, "quoted" too\nPosition: Geschäftsführer\nIM (Skype): juergen.m');
    assert.deepEqual(chloe.emails, ['chloe@example.fr']);
    assert.equal(chloe.notes, 'Email: not-an-email');
    assert.deepEqual(chloe.handles, [{ platform: 'bluesky', handle: 'chloe.example.fr', url: 'https://bsky.app/profile/chloe.example.fr' }]);
    assert.deepEqual(chloe.tags, ['Meetup Berlin']);
  });

  it('refuses a file that is not a Google Contacts CSV', () => {
    assert.throws(() => parseGoogleContacts(fixture('google/not-google.csv')), (error: unknown) => error instanceof ImportFormatError && /not a Google Contacts CSV/.test(error.message));
  });
});

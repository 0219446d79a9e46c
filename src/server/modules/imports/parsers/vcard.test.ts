import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixture } from './test-fixture.ts';
import { ImportFormatError } from './types.ts';
import { parseVCard } from './vcard.ts';

describe('vCard', () => {
  const result = parseVCard(fixture('vcard/contacts.vcf'));
  const byName = (name: string) => result.people.find((p) => p.name === name)!;

  it('reads 3.0, 4.0 and 2.1 cards, names from FN or else from N', () => {
    assert.deepEqual(result.people.map((p) => [p.name, p.line]), [['Jürgen Müller', 1], ['Zoë Laurent', 24], ['Sam Okafor', 33], ['Åsa Lindqvist', 44]]);
    assert.equal(byName('Zoë Laurent').givenName, 'Zoë');
    assert.equal(byName('Zoë Laurent').familyName, 'Laurent');
  });

  it('unfolds lines even where a fold splits an escape or a character', () => {
    assert.equal(byName('Jürgen Müller').notes, 'Met at the Kiez meetup.\nLikes espresso, not filter. Grüße an die Familie.\nPosition: Geschäftsführer');
    assert.equal(byName('Åsa Lindqvist').notes, 'Träffade på mässan i Göteborg, vill ha ett samtal i maj.');
  });

  it('reads grouped properties, social profiles and IMPP as handles', () => {
    const juergen = byName('Jürgen Müller');
    assert.deepEqual(juergen.emails, ['juergen@mueller-soehne.example', 'j.mueller@example.org']);
    assert.deepEqual(juergen.phones, ['+49 170 1234567']);
    assert.equal(juergen.organisation, 'Müller & Söhne GmbH');
    assert.deepEqual(juergen.handles, [
      { platform: 'linkedin', handle: 'juergen-mueller-4a1b2c', url: 'https://www.linkedin.com/in/juergen-mueller-4a1b2c/' },
      { platform: 'mastodon', handle: '@jmueller@chaos.social', url: 'https://chaos.social/@jmueller' },
      { platform: 'x', handle: 'jmueller_b', url: 'https://twitter.com/jmueller_b' },
      { platform: 'other', handle: 'skype:juergen.m', url: null },
    ]);
    assert.deepEqual(byName('Zoë Laurent').handles, [
      { platform: 'mastodon', handle: '@zoe@mastodon.social', url: 'https://mastodon.social/@zoe' },
      { platform: 'bluesky', handle: 'zoe.example.fr', url: 'https://bsky.app/profile/zoe.example.fr' },
    ]);
    assert.deepEqual(byName('Zoë Laurent').phones, ['+33-6-12-34-56-78']);
  });

  it('turns CATEGORIES into tags without system groups', () => {
    assert.deepEqual(byName('Jürgen Müller').tags, ['Clients', 'Berlin, Mitte']);
    assert.deepEqual(byName('Zoë Laurent').tags, ['Meetup Berlin']);
  });

  it('keys by UID, else by email, else by a hash that survives a second parse', () => {
    assert.equal(byName('Jürgen Müller').key, 'vcard-uid:6C2E3B1A-0F4D-4E8B-9A51-2B7C0D3E4F5A');
    assert.equal(byName('Zoë Laurent').key, 'mailto:zoe@example.fr');
    assert.match(byName('Sam Okafor').key, /^sha256:[0-9a-f]{64}$/);
    assert.deepEqual(parseVCard(fixture('vcard/contacts.vcf')).people.map((p) => p.key), result.people.map((p) => p.key));
  });

  it('keeps a phone it cannot store as a note line', () => {
    assert.deepEqual(byName('Sam Okafor').phones, ['+1 (555) 010-2030']);
    assert.equal(byName('Sam Okafor').notes, 'Phone: call the shop first');
  });

  it('rejects broken, empty and cut-off cards by the line they start on', () => {
    assert.deepEqual(result.rejected.map((r) => r.line), [39, 51, 55]);
    assert.match(result.rejected[0]!.reason, /could not be read.*no token/);
    assert.match(result.rejected[1]!.reason, /no name/);
    assert.match(result.rejected[2]!.reason, /END:VCARD/);
  });

  it('refuses a file without cards', () => {
    assert.throws(() => parseVCard(fixture('vcard/not-a-vcard.vcf')), (error: unknown) => error instanceof ImportFormatError && /not a vCard file/.test(error.message));
  });
});

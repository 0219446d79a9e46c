import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCsv, suggestMapping } from './csv.ts';
import { fixture } from './test-fixture.ts';
import { ImportFormatError } from './types.ts';

describe('generic CSV', () => {
  it('suggests a mapping from German headers', () => {
    const header = ['Vorname', 'Nachname', 'E-Mail-Adresse', 'Telefon', 'Handy', 'Firma', 'Schlagwörter', 'Notizen', 'LinkedIn', 'Mastodon', 'Newsletter-Mail erlaubt'];
    assert.deepEqual(suggestMapping(header), {
      givenName: 'Vorname', familyName: 'Nachname', email: 'E-Mail-Adresse', phone: ['Telefon', 'Handy'], organisation: 'Firma',
      tags: 'Schlagwörter', notes: 'Notizen', linkedin: 'LinkedIn', mastodon: 'Mastodon',
    });
  });

  it('suggests a mapping from English headers, case and punctuation aside', () => {
    assert.deepEqual(suggestMapping(['Full Name', 'EMAIL ADDRESS', 'Work Email', 'mobile', 'Company', 'Tags', 'Twitter', 'Bluesky', 'Website', 'Comments', 'Position']), {
      name: 'Full Name', email: ['EMAIL ADDRESS', 'Work Email'], phone: 'mobile', organisation: 'Company', tags: 'Tags',
      x: 'Twitter', bluesky: 'Bluesky', website: 'Website', notes: ['Comments', 'Position'],
    });
  });

  it('reads a German Excel file: semicolons, Windows-1252, multi-line cells', () => {
    const result = parseCsv(fixture('csv/kontakte-excel-de.csv'));
    assert.deepEqual(result.people.map((p) => [p.name, p.line]), [['Jürgen Müller', 2], ['Zoë Laurent', 5], ['Jörg Größe', 7]]);
    const juergen = result.people[0]!;
    assert.equal(juergen.key, 'mailto:juergen@mueller-soehne.example');
    assert.deepEqual(juergen.phones, ['+49 30 1234567', '+49 170 1234567']);
    assert.equal(juergen.organisation, 'Müller & Söhne GmbH');
    assert.deepEqual(juergen.tags, ['Kunde', 'Berlin']);
    assert.equal(juergen.notes, 'Trinkt gern Espresso;\nmag keine Anrufe vor 10');
    assert.deepEqual(juergen.handles, [
      { platform: 'mastodon', handle: '@jmueller@chaos.social', url: 'https://chaos.social/@jmueller' },
      { platform: 'linkedin', handle: 'juergen-mueller-4a1b2c', url: 'https://www.linkedin.com/in/juergen-mueller-4a1b2c/' },
    ]);
    const zoe = result.people[1]!;
    assert.equal(zoe.key, 'https://mastodon.social/@zoe');
    assert.deepEqual(zoe.handles[1], { platform: 'linkedin', handle: 'zoe-laurent', url: 'https://www.linkedin.com/in/zoe-laurent' });
    assert.deepEqual(result.rejected, [{ line: 6, reason: 'No name, organisation, email, phone or handle in this row' }]);
  });

  it('reads an English file with BOM, several email columns and bare handles', () => {
    const result = parseCsv(fixture('csv/contacts-en.csv'));
    const [sam, asa] = result.people;
    assert.equal(sam?.name, 'Sam Okafor');
    assert.deepEqual(sam?.emails, ['sam@example.com', 'sam.okafor@work.example']);
    assert.deepEqual(sam?.tags, ['clients', 'referrers']);
    assert.equal(sam?.notes, 'Comments: Met at "Coffee & Code"\nPosition: Coach');
    assert.deepEqual(sam?.handles, [
      { platform: 'bluesky', handle: 'sam.bsky.social', url: 'https://bsky.app/profile/sam.bsky.social' },
      { platform: 'x', handle: 'samokafor', url: 'https://x.com/samokafor' },
      { platform: 'website', handle: 'sam-okafor.example', url: 'https://sam-okafor.example/' },
    ]);
    assert.equal(asa?.key, 'https://bsky.app/profile/asa.example.se');
    assert.equal(result.people.length, 2);
  });

  it('follows a mapping given by hand, and keys stay the same on a second parse', () => {
    const mapping = { name: 'Full Name', email: 'Work Email' };
    const result = parseCsv(fixture('csv/contacts-en.csv'), { mapping });
    assert.deepEqual(result.people.map((p) => [p.name, p.emails]), [['Sam Okafor', ['sam.okafor@work.example']], ['Åsa Lindqvist', []]]);
    assert.deepEqual(parseCsv(fixture('csv/contacts-en.csv'), { mapping }).people.map((p) => p.key), result.people.map((p) => p.key));
    assert.throws(() => parseCsv(fixture('csv/contacts-en.csv'), { mapping: { name: 'Nom' } }), (error: unknown) => error instanceof ImportFormatError && /"Nom" \(for name\) is not in the file's header/.test(error.message));
  });

  it('refuses a file without recognisable columns, and an empty one', () => {
    assert.throws(() => parseCsv(fixture('csv/not-contacts.csv')), (error: unknown) => error instanceof ImportFormatError && /No column in this CSV looks like a name/.test(error.message));
    assert.throws(() => parseCsv('\n\n'), (error: unknown) => error instanceof ImportFormatError && /empty/.test(error.message));
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { detectDelimiter, hasIdentity, mappingParam, readCsvHeader, splitCsvLine, suggestMapping } from './csv-header.ts';

const fixtures = join(import.meta.dirname, '..', '..', '..', '..', 'test', 'fixtures', 'imports', 'csv');

test('the header of a German Excel file: semicolons, Windows-1252, guessed columns', async () => {
  const header = await readCsvHeader(new Blob([readFileSync(join(fixtures, 'kontakte-excel-de.csv'))]));
  assert.deepEqual(header, ['Vorname', 'Nachname', 'E-Mail-Adresse', 'Telefon', 'Handy', 'Firma', 'Schlagwörter', 'Notizen', 'LinkedIn', 'Mastodon', 'Newsletter-Mail erlaubt']);
  assert.deepEqual(suggestMapping(header), {
    givenName: ['Vorname'], familyName: ['Nachname'], email: ['E-Mail-Adresse'], phone: ['Telefon', 'Handy'], organisation: ['Firma'],
    tags: ['Schlagwörter'], notes: ['Notizen'], linkedin: ['LinkedIn'], mastodon: ['Mastodon'],
  });
});

test('the header of an English file: UTF-8 with a byte order mark, blank lines first', async () => {
  const text = `\uFEFF\n\r\n  \nFull Name,"Email Address",Work Email,Company,Labels,Twitter\nSam,sam@example.org,,,,\n`;
  const header = await readCsvHeader(new Blob([text]));
  assert.deepEqual(header, ['Full Name', 'Email Address', 'Work Email', 'Company', 'Labels', 'Twitter']);
  const mapping = suggestMapping(header);
  assert.deepEqual(mapping, { name: ['Full Name'], email: ['Email Address', 'Work Email'], organisation: ['Company'], tags: ['Labels'], x: ['Twitter'] });
  assert.equal(mappingParam(mapping), '{"name":"Full Name","email":["Email Address","Work Email"],"organisation":"Company","tags":"Labels","x":"Twitter"}');
});

test('quoted cells keep their separators and quotes', () => {
  assert.equal(detectDelimiter('"a;b",c,d'), ',');
  assert.equal(detectDelimiter('a;b;c'), ';');
  assert.deepEqual(splitCsvLine('"Name, full","Say ""hi""", Firma ', ','), ['Name, full', 'Say "hi"', 'Firma']);
});

test('a mapping needs something to know a person by', () => {
  assert.equal(hasIdentity({ phone: ['Telefon'], notes: ['Notizen'] }), false);
  assert.equal(hasIdentity({ organisation: ['Firma'] }), true);
  assert.equal(hasIdentity({ bluesky: ['Bluesky'] }), true);
  assert.equal(hasIdentity({ name: [] }), false);
});

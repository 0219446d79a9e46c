import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pickLocale } from './i18n.ts';

describe('the public pages\' language', () => {
  test('the visitor\'s best supported language by q-value, English when none matches', () => {
    const headers: [string | undefined, string][] = [
      ['de-DE,de;q=0.9,en;q=0.8', 'de'],
      ['en-GB,en;q=0.9', 'en'],
      ['fr-FR,fr;q=0.9,de;q=0.5,en;q=0.7', 'en'],
      ['fr-FR,fr;q=0.9,de;q=0.7,en;q=0.5', 'de'],
      ['de;q=0,en;q=0.1', 'en'],
      ['fr, it', 'en'],
      [undefined, 'en'],
      // Many languages before the one that matches.
      [`${Array.from({ length: 60 }, (_, i) => `x${i};q=0.1`).join(',')},de;q=0.9`, 'de'],
    ];
    assert.deepEqual(headers.map(([header]) => pickLocale(header)), headers.map(([, locale]) => locale));
  });
});

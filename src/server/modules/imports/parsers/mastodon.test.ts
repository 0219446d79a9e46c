import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMastodon } from './mastodon.ts';
import { fixture } from './test-fixture.ts';
import { ImportFormatError } from './types.ts';

const importedAt = new Date('2024-06-01T12:00:00Z');

describe('Mastodon following_accounts.csv', () => {
  const result = parseMastodon(fixture('mastodon/following_accounts.csv'), { importedAt });

  it('makes a person with handle and profile URL for each account', () => {
    assert.deepEqual(result.people.map((p) => [p.key, p.name, p.line]), [
      ['https://mastodon.social/@zoe', '@zoe@mastodon.social', 2],
      ['https://chaos.social/@jmueller', '@jmueller@chaos.social', 3],
      ['https://fosstodon.org/@sam_okafor', '@Sam_Okafor@fosstodon.org', 6],
      ['https://mastodon.nu/@asa', '@asa@mastodon.nu', 7],
    ]);
    assert.deepEqual(result.people[2]!.handles, [{ platform: 'mastodon', handle: '@Sam_Okafor@fosstodon.org', url: 'https://fosstodon.org/@Sam_Okafor' }]);
  });

  it('records an outgoing follow dated by the import', () => {
    assert.equal(result.interactions.length, 4);
    assert.ok(result.interactions.every((i) => i.channel === 'mastodon' && i.kind === 'follow' && i.direction === 'out' && i.occurredAt === importedAt));
  });

  it('rejects a row that is no address, by line', () => {
    assert.deepEqual(result.rejected, [{ line: 5, reason: '"not an address" is not an account address like user@example.social' }]);
  });

  it('gives the same keys and external ids when imported again later', () => {
    const later = parseMastodon(fixture('mastodon/following_accounts.csv'), { importedAt: new Date('2025-01-01T00:00:00Z') });
    assert.deepEqual(later.interactions.map((i) => i.externalId), result.interactions.map((i) => i.externalId));
    assert.deepEqual(later.people.map((p) => p.key), result.people.map((p) => p.key));
  });

  it('reads the older export without header', () => {
    const old = parseMastodon(fixture('mastodon/following_accounts-old.csv'), { importedAt });
    assert.deepEqual(old.people.map((p) => p.key), ['https://mastodon.social/@zoe', 'https://chaos.social/@jmueller']);
    assert.equal(old.people[0]!.line, 1);
  });

  it('refuses other files with a word on what they are', () => {
    assert.throws(() => parseMastodon(fixture('mastodon/muted_accounts.csv'), { importedAt }), (error: unknown) => error instanceof ImportFormatError && /muted accounts/.test(error.message));
    assert.throws(() => parseMastodon(fixture('mastodon/outbox.json'), { importedAt }), (error: unknown) => error instanceof ImportFormatError && /not a Mastodon following_accounts\.csv/.test(error.message));
  });
});

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { formatNames, isFormatName, parsers, readExportFolder, ImportFormatError } from './index.ts';
import { fixture, fixtureRoot } from './test-fixture.ts';

describe('parsers index', () => {
  it('has a parser for every format name', () => {
    assert.deepEqual(Object.keys(parsers).sort(), [...formatNames].sort());
    assert.ok(isFormatName('linkedin-messages'));
    assert.ok(!isFormatName('myspace'));
  });

  it('lets single-file formats take a map with one file, and refuses more', () => {
    const file = fixture('linkedin/Connections.csv');
    assert.equal(parsers.linkedin({ 'Connections.csv': file }).people.length, 5);
    assert.throws(() => parsers.linkedin({ a: file, b: file }), (error: unknown) => error instanceof ImportFormatError && /takes one file; 2 were given/.test(error.message));
  });

  it('needs importedAt for Mastodon, and reads a Uint8Array CAR for Bluesky', () => {
    assert.throws(() => parsers.mastodon(fixture('mastodon/following_accounts.csv')), TypeError);
    const car = fixture('bluesky/repo.car');
    assert.equal(parsers.bluesky(new Uint8Array(car)).interactions.length, 3);
    assert.throws(() => parsers.bluesky(car.toString('latin1')), ImportFormatError);
  });

  it('reads an unpacked export folder into the map the archive parsers take', async () => {
    const files = await readExportFolder(join(fixtureRoot, 'instagram/export-2024'));
    assert.ok(Object.keys(files).includes('connections/followers_and_following/followers_1.json'));
    assert.equal(parsers.instagram(files).people.length, 4);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildRepoCar, ownerDid } from '../../../../../test/fixtures/imports/bluesky/make-fixture.ts';
import { parseBluesky } from './bluesky.ts';
import { fixture } from './test-fixture.ts';
import { ImportFormatError } from './types.ts';

describe('Bluesky repository export', () => {
  const result = parseBluesky(fixture('bluesky/repo.car'));

  it('is the CAR the fixture script builds', async () => {
    assert.deepEqual(Buffer.from(await buildRepoCar()), fixture('bluesky/repo.car'));
  });

  it('makes a person per followed DID with a bsky.app profile URL', () => {
    assert.deepEqual(result.people.map((p) => p.key), ['did:plc:juergen7mueller2example3', 'did:plc:zoe2laurent3atelier4exam', 'did:web:sam-okafor.example']);
    assert.deepEqual(result.people[2]!.handles, [{ platform: 'bluesky', handle: 'did:web:sam-okafor.example', url: 'https://bsky.app/profile/did:web:sam-okafor.example' }]);
    assert.equal(result.people[0]!.name, 'did:plc:juergen7mueller2example3');
  });

  it('turns each follow record into an outgoing follow at its createdAt, in UTC', () => {
    assert.deepEqual(result.interactions.map((i) => [i.personKey, i.direction, i.occurredAt.toISOString(), i.externalId]), [
      ['did:plc:juergen7mueller2example3', 'out', '2023-11-02T08:15:30.120Z', `at://${ownerDid}/app.bsky.graph.follow/3kfjuergen2a2`],
      ['did:plc:zoe2laurent3atelier4exam', 'out', '2024-01-20T19:45:00.000Z', `at://${ownerDid}/app.bsky.graph.follow/3kgzoelaurent`],
      ['did:web:sam-okafor.example', 'out', '2024-02-14T06:00:00.000Z', `at://${ownerDid}/app.bsky.graph.follow/3khsamokafor2`],
    ]);
    assert.ok(result.interactions.every((i) => i.channel === 'bluesky' && i.kind === 'follow'));
  });

  it('ignores blocks and posts and reports a follow without a valid date', () => {
    assert.deepEqual(result.rejected, [{ line: 4, reason: 'Follow 3kibrokendate of did:plc:asa2lindqvist3example4ab has no valid createdAt' }]);
  });

  it('gives the same keys and external ids on a second parse', () => {
    const again = parseBluesky(fixture('bluesky/repo.car'));
    assert.deepEqual(again.interactions.map((i) => i.externalId), result.interactions.map((i) => i.externalId));
  });

  it('refuses what is not a repository CAR', () => {
    assert.throws(() => parseBluesky(fixture('bluesky/not-a-car.car')), (error: unknown) => error instanceof ImportFormatError && /not a CAR file/.test(error.message));
    assert.throws(() => parseBluesky(fixture('bluesky/not-a-repo.car')), (error: unknown) => error instanceof ImportFormatError && /not a Bluesky repository/.test(error.message));
  });
});

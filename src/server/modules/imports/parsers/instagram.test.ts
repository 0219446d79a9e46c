import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseInstagram } from './instagram.ts';
import { fixture, fixtureFiles } from './test-fixture.ts';
import { ImportFormatError } from './types.ts';

describe('Instagram export', () => {
  const result = parseInstagram(fixtureFiles('instagram/export-2024'));

  it('reads followers and following by username, keyed by profile URL, leaving other lists out', () => {
    assert.deepEqual(result.people.map((p) => [p.key, p.name]), [
      ['https://www.instagram.com/zoe.laurent.atelier', 'zoe.laurent.atelier'],
      ['https://www.instagram.com/sam_okafor', 'Sam_Okafor'],
      ['https://www.instagram.com/juergen.mueller', 'juergen.mueller'],
      [result.people[3]!.key, 'Zoë Laurent'],
    ]);
    assert.deepEqual(result.people[2]!.handles, [{ platform: 'instagram', handle: 'juergen.mueller', url: 'https://www.instagram.com/juergen.mueller' }]);
    assert.ok(!result.people.some((p) => p.name === 'someone.else'), 'pending requests are not follows');
  });

  it('dates follows in UTC: followers in, following out', () => {
    const follows = result.interactions.filter((i) => i.kind === 'follow').map((i) => [i.personKey.split('/').at(-1), i.direction, i.occurredAt.toISOString()]);
    assert.deepEqual(follows, [
      ['zoe.laurent.atelier', 'in', '2023-07-22T04:26:40.000Z'],
      ['sam_okafor', 'in', '2023-11-14T22:13:20.000Z'],
      ['juergen.mueller', 'out', '2023-03-28T10:40:00.000Z'],
      ['zoe.laurent.atelier', 'out', '2023-07-22T04:35:00.000Z'],
    ]);
  });

  it('repairs message text and takes the owner from personal_information.json', () => {
    const dms = result.interactions.filter((i) => i.kind === 'dm').map((i) => [i.direction, i.note]);
    assert.deepEqual(dms, [['out', 'Merci Zoë! Bis bald 😊'], ['in', 'Ton atelier est magnifique 😍']]);
  });

  it('reports an entry without username by file and record number', () => {
    assert.deepEqual(result.rejected, [{ line: 3, reason: 'No username', file: 'connections/followers_and_following/followers_1.json' }]);
  });

  it('gives the same keys and external ids on a second parse', () => {
    const again = parseInstagram(fixtureFiles('instagram/export-2024'));
    assert.deepEqual(again.interactions.map((i) => i.externalId), result.interactions.map((i) => i.externalId));
    assert.deepEqual(again.people.map((p) => p.key), result.people.map((p) => p.key));
  });

  it('reads the 2020-21 connections.json', () => {
    const old = parseInstagram(fixtureFiles('instagram/export-2021'));
    assert.deepEqual(old.interactions.map((i) => [i.personKey, i.direction, i.occurredAt.toISOString()]), [
      ['https://www.instagram.com/zoe.laurent.atelier', 'in', '2020-05-01T12:00:00.000Z'],
      ['https://www.instagram.com/juergen.mueller', 'out', '2019-11-11T08:00:00.000Z'],
    ]);
    assert.deepEqual(old.rejected.map((r) => r.reason), ['"not a username!" is not an Instagram username']);
  });

  it('refuses what is not an Instagram export', () => {
    assert.throws(() => parseInstagram(fixture('instagram/broken/instagram.zip.txt')), (error: unknown) => error instanceof ImportFormatError && /not JSON/.test(error.message));
    assert.throws(() => parseInstagram(fixtureFiles('facebook/export-2019/friends')), (error: unknown) => error instanceof ImportFormatError && /No Instagram followers/.test(error.message));
  });
});

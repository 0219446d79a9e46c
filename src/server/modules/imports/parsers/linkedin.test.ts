import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLinkedIn } from './linkedin.ts';
import { fixture } from './test-fixture.ts';
import { ImportFormatError } from './types.ts';

describe('LinkedIn Connections.csv', () => {
  const result = parseLinkedIn(fixture('linkedin/Connections.csv'));

  it('finds the header after the Notes preamble and reads people by column name', () => {
    assert.deepEqual(result.people.map((p) => p.name), ['Jürgen Müller', 'Zoë Laurent', 'Sam Okafor', 'Ana Ribeiro', 'Åsa Lindqvist']);
    const juergen = result.people[0]!;
    assert.equal(juergen.key, 'https://www.linkedin.com/in/juergen-mueller-4a1b2c');
    assert.equal(juergen.givenName, 'Jürgen');
    assert.equal(juergen.familyName, 'Müller');
    assert.equal(juergen.organisation, 'Müller & Söhne GmbH');
    assert.equal(juergen.notes, 'Position: Geschäftsführer');
    assert.deepEqual(juergen.handles, [{ platform: 'linkedin', handle: 'juergen-mueller-4a1b2c', url: 'https://www.linkedin.com/in/juergen-mueller-4a1b2c' }]);
    assert.equal(juergen.line, 5);
  });

  it('normalises profile URLs and lower-cases emails', () => {
    const zoe = result.people[1]!;
    assert.equal(zoe.key, 'https://www.linkedin.com/in/zo%C3%AB-laurent');
    assert.equal(zoe.handles[0]?.handle, 'zoë-laurent');
    assert.deepEqual(zoe.emails, ['zoe.laurent@example.org']);
    assert.equal(zoe.organisation, 'Atelier Laurent, Paris');
  });

  it('turns each connection date into an incoming follow at midnight UTC', () => {
    const follows = result.interactions.map((i) => [i.personKey.split('/').at(-1), i.occurredAt.toISOString(), i.channel, i.kind, i.direction]);
    assert.deepEqual(follows, [
      ['juergen-mueller-4a1b2c', '2021-02-03T00:00:00.000Z', 'linkedin', 'follow', 'in'],
      ['zo%C3%AB-laurent', '2019-08-15T00:00:00.000Z', 'linkedin', 'follow', 'in'],
      ['samokafor', '2023-05-01T00:00:00.000Z', 'linkedin', 'follow', 'in'],
      ['asa-lindqvist', '2024-02-29T00:00:00.000Z', 'linkedin', 'follow', 'in'],
    ]);
  });

  it('skips blank rows silently and reports deactivated profiles and impossible dates by line', () => {
    assert.deepEqual(result.rejected.map((r) => r.line), [10, 11]);
    assert.match(result.rejected[0]!.reason, /deactivated/);
    assert.match(result.rejected[1]!.reason, /31 Apr 2022/);
    assert.ok(result.people.some((p) => p.name === 'Ana Ribeiro'), 'the person with a bad date is still imported');
  });

  it('gives the same keys and external ids on a second parse', () => {
    const again = parseLinkedIn(fixture('linkedin/Connections.csv').toString('utf8'));
    assert.deepEqual(again.people.map((p) => p.key), result.people.map((p) => p.key));
    assert.deepEqual(again.interactions.map((i) => i.externalId), result.interactions.map((i) => i.externalId));
  });

  it('keys older exports without URL by a hash of name and company', () => {
    const old = parseLinkedIn(fixture('linkedin/Connections-old.csv'));
    assert.deepEqual(old.people.map((p) => p.name), ['Jürgen Müller', 'Sam Okafor', 'Chloé Dubois']);
    assert.match(old.people[0]!.key, /^sha256:[0-9a-f]{64}$/);
    assert.deepEqual(old.people[0]!.handles, []);
    assert.deepEqual(old.people[2]!.emails, ['chloe@example.fr']);
    assert.equal(old.people[2]!.line, 5);
    assert.deepEqual(old.rejected, []);
    assert.equal(parseLinkedIn(fixture('linkedin/Connections-old.csv')).people[1]!.key, old.people[1]!.key);
  });

  it('refuses a file that is not a Connections.csv', () => {
    assert.throws(() => parseLinkedIn(fixture('linkedin/not-connections.csv')), (error: unknown) => {
      assert.ok(error instanceof ImportFormatError);
      assert.match(error.message, /not a LinkedIn Connections\.csv/);
      return true;
    });
  });
});

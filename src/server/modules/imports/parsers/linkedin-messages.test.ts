import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLinkedInMessages } from './linkedin-messages.ts';
import { fixture } from './test-fixture.ts';
import { ImportFormatError } from './types.ts';

const owner = 'https://www.linkedin.com/in/ACoAAB1cDeFgHiJkLmNoPqRsTuVwXyZ0123456';
const juergen = 'https://www.linkedin.com/in/ACoAAC7JuErGeNmUeLlEr0000000000000000';
const zoe = 'https://www.linkedin.com/in/ACoAAD9ZoELaUrEnT00000000000000000000';
const sam = 'https://www.linkedin.com/in/ACoAAE5SaMoKaFoR00000000000000000000';

describe('LinkedIn messages.csv', () => {
  const result = parseLinkedInMessages(fixture('linkedin-messages/messages.csv'));

  it('infers the owner as the profile in the most conversations and never imports them', () => {
    assert.ok(!result.people.some((p) => p.key === owner));
    assert.deepEqual(result.people.map((p) => [p.key, p.name]), [[juergen, 'Jürgen Müller'], [zoe, 'Zoë Laurent'], [sam, 'Sam Okafor']]);
    assert.deepEqual(result.people[0]!.handles, [{ platform: 'linkedin', handle: 'ACoAAC7JuErGeNmUeLlEr0000000000000000', url: juergen }]);
  });

  it('makes one dm per other participant, out when the owner wrote it', () => {
    const seen = result.interactions.map((i) => [i.personKey, i.direction, i.occurredAt.toISOString(), i.line]);
    assert.deepEqual(seen, [
      [juergen, 'in', '2023-05-01T14:22:10.000Z', 2],
      [juergen, 'out', '2023-05-01T15:03:44.000Z', 4],
      [zoe, 'in', '2023-06-12T09:00:00.000Z', 5],
      [zoe, 'out', '2023-06-12T09:05:30.000Z', 6],
      [sam, 'out', '2023-06-12T09:05:30.000Z', 6],
    ]);
    assert.ok(result.interactions.every((i) => i.channel === 'linkedin' && i.kind === 'dm'));
    assert.equal(result.interactions[0]!.note, 'Hallo Mia, danke für das Gespräch!\nBis bald, Jürgen');
  });

  it('rejects messages from deactivated members and bad dates, and skips drafts', () => {
    assert.deepEqual(result.rejected.map((r) => r.line), [7, 8]);
    assert.match(result.rejected[0]!.reason, /deactivated/);
    assert.match(result.rejected[1]!.reason, /not a date/);
    assert.ok(!result.interactions.some((i) => i.note === 'Unsent thought'));
  });

  it('gives the same external ids on a second parse, and distinct ones per message', () => {
    const again = parseLinkedInMessages(fixture('linkedin-messages/messages.csv'));
    const ids = result.interactions.map((i) => i.externalId);
    assert.deepEqual(again.interactions.map((i) => i.externalId), ids);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('takes the owner from the option when the file cannot tell', () => {
    const file = fixture('linkedin-messages/one-conversation.csv');
    assert.throws(() => parseLinkedInMessages(file), (error: unknown) => error instanceof ImportFormatError && /Cannot tell whose messages/.test(error.message));
    const mine = parseLinkedInMessages(file, { ownerProfileUrl: `${owner.replace('www.linkedin.com', 'WWW.LinkedIn.com')}/?trk=x` });
    assert.deepEqual(mine.interactions.map((i) => [i.personKey, i.direction]), [[juergen, 'in'], [juergen, 'out']]);
  });

  it('refuses a file that is not messages.csv', () => {
    assert.throws(() => parseLinkedInMessages(fixture('linkedin-messages/not-messages.csv')), (error: unknown) => error instanceof ImportFormatError && /not a LinkedIn messages\.csv/.test(error.message));
  });
});

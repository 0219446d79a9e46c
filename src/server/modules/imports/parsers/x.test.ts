import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixture, fixtureFiles } from './test-fixture.ts';
import { ImportFormatError } from './types.ts';
import { parseXArchive } from './x.ts';

const juergen = '1650123456789012345';
const zoe = '783214';
const sam = '1234567890123456789';

describe('X archive', () => {
  const archive = fixtureFiles('x');
  const result = parseXArchive(Object.fromEntries(Object.entries(archive).filter(([path]) => path.startsWith('data/'))));
  const follows = (direction: 'in' | 'out') => result.interactions.filter((i) => i.kind === 'follow' && i.direction === direction).map((i) => i.personKey);

  it('keeps account ids past 2^53 exactly, even when written as bare numbers', () => {
    assert.ok(result.people.some((p) => p.key === `x:${juergen}`));
    assert.ok(result.people.some((p) => p.key === 'x:1650123456789012399'), 'the bare-number id in following.js keeps its digits');
    const person = result.people.find((p) => p.key === `x:${juergen}`)!;
    assert.deepEqual(person.handles, [{ platform: 'x', handle: juergen, url: `https://twitter.com/intent/user?user_id=${juergen}` }]);
  });

  it('makes followers incoming and following outgoing follows, dated by the archive', () => {
    assert.deepEqual(follows('in'), [`x:${juergen}`, `x:${zoe}`]);
    assert.deepEqual(follows('out'), [`x:${zoe}`, 'x:1650123456789012399']);
    assert.ok(result.interactions.filter((i) => i.kind === 'follow').every((i) => i.occurredAt.toISOString() === '2024-03-10T08:30:00.000Z'));
  });

  it('turns DMs into dm interactions, out when the owner from account.js wrote them', () => {
    const dms = result.interactions.filter((i) => i.kind === 'dm').sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime()).map((i) => [i.personKey, i.direction, i.occurredAt.toISOString(), i.note]);
    assert.deepEqual(dms, [
      [`x:${juergen}`, 'in', '2024-02-01T18:04:12.345Z', 'Hallo Mia! Kommst du Donnerstag zum Meetup? 🙂'],
      [`x:${juergen}`, 'out', '2024-02-01T18:09:30.000Z', 'Ja, bis dann!'],
      [`x:${zoe}`, 'in', '2024-02-20T07:00:00.000Z', 'Zoë here: loved your post on slow networking.'],
      [`x:${sam}`, 'in', '2024-03-01T09:01:00.000Z', 'Sam: shall we three plan the spring meetup?'],
      [`x:${zoe}`, 'out', '2024-03-01T09:05:00.000Z', "Yes! I'll book the room."],
      [`x:${sam}`, 'out', '2024-03-01T09:05:00.000Z', "Yes! I'll book the room."],
    ]);
    assert.ok(!result.people.some((p) => p.key === 'x:1029384756'), 'the owner is not a contact');
  });

  it('reports records it cannot use with their file and record number', () => {
    assert.deepEqual(result.rejected, [
      { line: 3, reason: 'No account id in this follower record', file: 'data/follower.js' },
      { line: 2, reason: 'A message in conversation 783214-1029384756 has no sender or no date', file: 'data/direct-messages.js' },
    ]);
  });

  it('infers the owner from the DMs alone, and gives the same ids on a second parse', () => {
    const dmsOnly = parseXArchive({ 'data/direct-messages.js': archive['data/direct-messages.js']! });
    assert.deepEqual(dmsOnly.interactions.map((i) => i.direction), ['in', 'out', 'in']);
    const again = parseXArchive({ 'data/direct-messages.js': archive['data/direct-messages.js']!.toString('utf8') });
    assert.deepEqual(again.interactions.map((i) => i.externalId), dmsOnly.interactions.map((i) => i.externalId));
  });

  it('dates follows by importedAt when there is no manifest, and keeps their ids', () => {
    const importedAt = new Date('2024-06-01T12:00:00Z');
    const bare = parseXArchive({ 'data/follower.js': archive['data/follower.js']! }, { importedAt });
    assert.ok(bare.interactions.every((i) => i.occurredAt.getTime() === importedAt.getTime()));
    assert.deepEqual(bare.interactions.map((i) => i.externalId), result.interactions.filter((i) => i.kind === 'follow' && i.direction === 'in').map((i) => i.externalId));
  });

  it('refuses an archive without X files, and a file cut short', () => {
    assert.throws(() => parseXArchive({ 'Your archive.html': fixture('x/broken/Your archive.html') }), (error: unknown) => error instanceof ImportFormatError && /No X archive files found/.test(error.message));
    assert.throws(() => parseXArchive({ 'data/follower.js': fixture('x/broken/follower.js') }), (error: unknown) => error instanceof ImportFormatError && /data\/follower\.js is not a readable X archive file/.test(error.message));
  });
});

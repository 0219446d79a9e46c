import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFacebook } from './facebook.ts';
import { fixtureFiles } from './test-fixture.ts';
import { ImportFormatError } from './types.ts';

describe('Facebook export', () => {
  const result = parseFacebook(fixtureFiles('facebook/export-2024'));
  const keyOf = (name: string) => result.people.find((p) => p.name === name)?.key;

  it('repairs mojibake in names and reads friends_v2, leaving removed friends out', () => {
    assert.deepEqual(result.people.map((p) => p.name), ['Jürgen Müller', 'Zoë Laurent', 'Åsa Lindqvist', 'Sam Okafor']);
    assert.ok(!result.people.some((p) => p.name === 'Mia Schneider'), 'the owner is not a contact');
  });

  it('dates each friendship as an incoming follow, in UTC', () => {
    const follows = result.interactions.filter((i) => i.kind === 'follow').map((i) => [i.personKey, i.occurredAt.toISOString(), i.direction]);
    assert.deepEqual(follows, [[keyOf('Jürgen Müller'), '2021-02-03T09:47:58.000Z', 'in'], [keyOf('Zoë Laurent'), '2019-08-15T00:00:00.000Z', 'in']]);
  });

  it('turns messages into dms and calls, repaired, with the owner from the profile file', () => {
    const juergen = result.interactions.filter((i) => i.personKey === keyOf('Jürgen Müller') && i.kind !== 'follow')
      .map((i) => [i.kind, i.direction, i.occurredAt.toISOString(), i.note, i.durationMinutes]);
    assert.deepEqual(juergen, [
      ['dm', 'out', '2024-02-01T18:09:30.000Z', 'Gern, bis Donnerstag! 🙂', null],
      ['call', 'in', '2024-02-01T18:04:12.000Z', 'Jürgen hat dich angerufen.', 13],
      ['dm', 'in', '2024-02-01T18:00:00.000Z', null, null],
      ['dm', 'in', '2024-02-01T17:53:20.000Z', 'Hallo Mia, schön dich beim Meetup getroffen zu haben – Kaffee nächste Woche?', null],
    ]);
  });

  it('addresses a group message to every other participant, but not to deleted accounts', () => {
    const group = result.interactions.filter((i) => i.occurredAt.getTime() >= Date.UTC(2024, 2, 1)).map((i) => [result.people.find((p) => p.key === i.personKey)?.name, i.direction, i.note]);
    assert.deepEqual(group, [
      ['Zoë Laurent', 'out', 'I’ll book the room.'],
      ['Sam Okafor', 'out', 'I’ll book the room.'],
      ['Zoë Laurent', 'in', 'Spring meetup: who’s in?'],
    ]);
  });

  it('reports unusable records with their file and number', () => {
    assert.deepEqual(result.rejected.map((r) => [r.file, r.line]), [
      ['connections/friends/your_friends.json', 3],
      ['connections/friends/your_friends.json', 4],
      ['your_facebook_activity/messages/inbox/meetupcrew_6543210987654321/message_1.json', 2],
      ['your_facebook_activity/messages/inbox/meetupcrew_6543210987654321/message_1.json', 4],
    ]);
    assert.match(result.rejected[1]!.reason, /Åsa Lindqvist.*no timestamp/);
    assert.match(result.rejected[2]!.reason, /deleted account/);
  });

  it('gives the same keys and external ids on a second parse', () => {
    const again = parseFacebook(fixtureFiles('facebook/export-2024'));
    assert.deepEqual(again.people.map((p) => p.key), result.people.map((p) => p.key));
    assert.deepEqual(again.interactions.map((i) => i.externalId), result.interactions.map((i) => i.externalId));
  });

  it('reads the older layout and infers the owner as the one in every thread', () => {
    const old = parseFacebook(fixtureFiles('facebook/export-2019'));
    assert.deepEqual(old.people.map((p) => p.name), ['Jürgen Müller', 'Chloé Dubois']);
    assert.deepEqual(old.interactions.filter((i) => i.kind === 'dm').map((i) => [i.direction, i.note]), [['in', 'Bonne année, Mia !'], ['out', 'Frohes neues Jahr!']]);
    // The same name gives the same key in both exports: friend and thread meet.
    assert.equal(old.people[0]!.key, keyOf('Jürgen Müller'));
  });

  it('asks for the owner when a single thread cannot tell', () => {
    const files = fixtureFiles('facebook/export-2019');
    const oneThread = Object.fromEntries(Object.entries(files).filter(([path]) => !path.includes('jurgenmuller')));
    assert.throws(() => parseFacebook(oneThread), (error: unknown) => error instanceof ImportFormatError && /Cannot tell whose Facebook messages/.test(error.message));
    assert.equal(parseFacebook(oneThread, { ownerName: 'Mia Schneider' }).interactions.at(-1)?.direction, 'in');
  });

  it('refuses what is not a Facebook export', () => {
    assert.throws(() => parseFacebook(fixtureFiles('facebook/broken')), (error: unknown) => error instanceof ImportFormatError && /No Facebook friends or messages found/.test(error.message));
    assert.throws(() => parseFacebook('<!doctype html>'), (error: unknown) => error instanceof ImportFormatError && /not JSON/.test(error.message));
  });
});

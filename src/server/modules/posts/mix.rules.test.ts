import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultPillarTargets, mixGuard, type MixPost } from './mix.rules.ts';

const at = (day: number, hour = 9) => new Date(Date.UTC(2026, 11, day, hour));
const post = (id: string, pillar: MixPost['pillar'], day: number, channelIds = ['m']): MixPost => ({ id, pillar, scheduledAt: at(day), channelIds });
const mastodon = { id: 'm', name: 'Mastodon', cadencePerWeek: 3, slots: [at(7), at(9), at(11)] };
const linkedin = { id: 'l', name: 'LinkedIn', cadencePerWeek: 2, slots: [at(8), at(10)] };

describe('mix guard', () => {
  test('a balanced week passes: one offer in five is 20%, the default limit', () => {
    const result = mixGuard({ now: at(1), targets: defaultPillarTargets, channels: [mastodon], posts: [post('a', 'value', 7), post('b', 'offer', 8), post('c', 'community', 9), post('d', 'personality', 10), post('e', 'value', 11)] });
    assert.equal(result.total, 5);
    const offer = result.pillars.find((p) => p.pillar === 'offer')!;
    assert.deepEqual([offer.count, offer.share, offer.max, offer.state], [1, 0.2, 0.2, 'ok']);
    assert.deepEqual(result.warnings, []);
  });

  test('offers over the target and two in a row on one channel, in English and German', () => {
    const result = mixGuard({ now: at(1), targets: defaultPillarTargets, channels: [mastodon, linkedin], posts: [post('a', 'offer', 7), post('b', 'offer', 9), post('c', 'value', 8, ['l']), post('d', 'offer', 10, ['l'])] });
    const over = result.warnings.find((w) => w.code === 'PILLAR_OVER')!;
    assert.equal(over.message.en, '3 of 4 posts this week are offer posts (75%); the aim is at most 20%. Give something first: a tip, a story, a thank-you.');
    assert.match(over.message.de, /^3 von 4 Beiträgen dieser Woche sind Angebots-Beiträge \(75%\); das Ziel ist höchstens 20%/);
    const row = result.warnings.filter((w) => w.code === 'OFFERS_IN_A_ROW');
    assert.deepEqual(row.map((w) => [w.channelId, w.postIds]), [['m', ['a', 'b']]], 'LinkedIn had a value post between');
    assert.match(row[0]!.message.de, /Zwei Angebote hintereinander auf Mastodon/);
  });

  test('targets are the workspace\'s: a minimum for value', () => {
    const result = mixGuard({ now: at(1), targets: { value: { min: 0.5 }, offer: { max: 0.5 } }, channels: [], posts: [post('a', 'offer', 7), post('b', 'event', 8), post('c', 'value', 9)] });
    assert.deepEqual(result.warnings.map((w) => w.code), ['PILLAR_UNDER']);
    assert.match(result.warnings[0]!.message.en, /1 of 3 posts this week are value posts \(33%\); the aim is at least 50%/);
  });

  test('cadence: planned against the goal, with the open slots still ahead', () => {
    const result = mixGuard({ now: at(8), targets: defaultPillarTargets, channels: [mastodon, linkedin], posts: [post('a', 'value', 9)] });
    const m = result.cadence.find((c) => c.channelId === 'm')!;
    assert.deepEqual([m.goal, m.planned, m.missing], [3, 1, 2]);
    assert.deepEqual(m.openSlots, [at(11)], 'the 7th has passed and the 9th is taken');
    const warning = result.warnings.find((w) => w.channelId === 'l')!;
    assert.equal(warning.message.en, 'LinkedIn: 0 of 2 posts planned this week; 2 to go, 1 open slot left.');
    assert.equal(warning.message.de, 'LinkedIn: 0 von 2 Beiträgen diese Woche geplant; 2 fehlen, 1 freier Termin übrig.');
  });
});

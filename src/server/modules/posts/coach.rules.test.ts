import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { coach, similarity, type CoachInput } from './coach.rules.ts';

const check = (body: string, extra: Partial<CoachInput> = {}) => coach({ body, targets: [], recent: [], ...extra });
const codes = (body: string, extra: Partial<CoachInput> = {}) => check(body, extra).map((w) => w.code);
const find = (body: string, code: string, extra: Partial<CoachInput> = {}) => check(body, extra).find((w) => w.code === code);

describe('post coach', () => {
  test('a calm post in either language gets no warning', () => {
    assert.deepEqual(codes('We met twelve founders at the Thursday breakfast. Three of them now meet every month to swap notes.'), []);
    assert.deepEqual(codes('Beim Frühstück am Donnerstag haben wir zwölf Gründerinnen getroffen. Drei treffen sich jetzt jeden Monat.'), []);
  });

  test('shouting: mostly capitals, in English and German, but not one word of emphasis', () => {
    const en = find('THIS IS THE BEST WORKSHOP OF THE YEAR, come along', 'SHOUTING');
    assert.match(en!.message.en, /^\d+% of the letters are capitals/);
    assert.match(en!.message.de, /Großbuchstaben/);
    assert.ok(find('DAS IST DER BESTE WORKSHOP DES JAHRES, ÜBERALL GRÜSSE', 'SHOUTING'));
    assert.equal(find('This is a REALLY good workshop for small teams, come along', 'SHOUTING'), undefined);
    assert.equal(find('NASA and the ESA at #SPACEWEEK https://EXAMPLE.COM/ABC', 'SHOUTING'), undefined, 'acronyms under the minimum, hashtags and URLs do not count');
  });

  test('runs of exclamation marks', () => {
    assert.match(find('Doors open at 7!!!', 'EXCLAMATION_RUN')!.message.en, /"!!!"/);
    assert.match(find('Wir sehen uns am Freitag!?!?', 'EXCLAMATION_RUN')!.message.de, /„!\?!\?“/);
    assert.equal(find('See you on Friday! Bring a friend!', 'EXCLAMATION_RUN'), undefined);
  });

  test('insults from the English and the German list, whole words and compounds, not inside innocent words', () => {
    const en = find('Anyone who votes for them is an idiot.', 'INSULT');
    assert.match(en!.message.en, /"idiot" insults someone/);
    const de = find('Diese Vollidioten im Rathaus, was für Versager.', 'INSULT');
    assert.match(de!.message.de, /„vollidiot“, „versager“ beleidigt jemanden\. Niemand ändert seine Meinung durch Beleidigungen/);
    assert.equal(find('The idiom "break a leg" is for actors.', 'INSULT'), undefined);
    assert.equal(find('Der Deppenapostroph ist ein Thema für sich.', 'INSULT'), undefined, 'short stems only as whole words');
    assert.ok(find('So ein Depp.', 'INSULT'));
    assert.equal(find('We were stupendous at the quiz.', 'INSULT'), undefined);
  });

  test('more than five hashtags; five are fine, and the # of a URL fragment is no hashtag', () => {
    assert.match(find('Spring meetup #a #b #c #d #e #f', 'TOO_MANY_HASHTAGS')!.message.en, /^6 hashtags/);
    assert.match(find('Frühling #Köln #Treffen #Gründen #Netzwerk #Kaffee #Ökologie', 'TOO_MANY_HASHTAGS')!.message.de, /^6 Hashtags/);
    assert.equal(find('Spring meetup #a #b #c #d #e https://x.example/page#top', 'TOO_MANY_HASHTAGS'), undefined);
  });

  test('a bare link, with or without a word or two', () => {
    assert.ok(find('https://example.com/article', 'BARE_LINK'));
    assert.match(find('Lesenswert: https://example.de/artikel #lesen', 'BARE_LINK')!.message.de, /Ein Link fast ohne Worte/);
    assert.equal(find('Why small teams beat big ones at customer service, in five stories: https://example.com/article', 'BARE_LINK'), undefined);
  });

  test('over the platform limit, per channel with the platform\'s count', () => {
    const text = 'a'.repeat(290);
    const warnings = check(text, { targets: [
      { channelId: '00000000-0000-4000-8000-000000000001', platform: 'bluesky', channelName: 'Bluesky', text },
      { channelId: '00000000-0000-4000-8000-000000000002', platform: 'x', channelName: 'X', text },
    ] }).filter((w) => w.code === 'OVER_LIMIT');
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]!.channelId, '00000000-0000-4000-8000-000000000002');
    assert.match(warnings[0]!.message.en, /^290 of 280 characters on X: 10 too many/);
    assert.match(warnings[0]!.message.de, /^290 von 280 Zeichen auf X: 10 zu viele/);
  });

  test('a near-copy of a recent post, in English and in German; a new angle passes', () => {
    const old = 'Our Thursday breakfast brings local founders together to swap what worked this month and what did not.';
    const recent = [{ id: 'p1', body: old, at: new Date('2026-11-20T09:00:00Z') }];
    const copy = find('Our Thursday breakfast brings local founders together to swap what worked this month and what did not!', 'NEAR_COPY', { recent });
    assert.match(copy!.message.en, /^This is 100% the same as your post of 2026-11-20/);
    assert.match(copy!.message.de, /deinem Beitrag vom 20\.11\.2026/);
    const oldDe = 'Unser Frühstück am Donnerstag bringt Gründerinnen aus der Stadt zusammen, um zu teilen, was diesen Monat geklappt hat.';
    assert.ok(find('Unser Frühstück am Donnerstag bringt Gründerinnen aus der Stadt zusammen, um zu teilen, was diesen Monat gut geklappt hat.', 'NEAR_COPY', { recent: [{ id: 'p2', body: oldDe, at: new Date('2026-11-25T09:00:00Z') }] }));
    assert.equal(find('Last Thursday Maria told us how she found her first three clients at a flea market.', 'NEAR_COPY', { recent }), undefined);
    assert.ok(similarity(old, old) === 1 && similarity(old, 'something else entirely here') === 0);
  });

  test('heavy sales pressure, English and German; one mention of an offer is fine', () => {
    const en = find('Last chance! Only today 30% off, buy now', 'SALES_PRESSURE');
    assert.match(en!.message.en, /^Heavy sales pressure \("buy now", "last chance", "only today", "%"\)/);
    const de = find('Nur heute: 20 % Rabatt auf alle Kurse – jetzt zugreifen!', 'SALES_PRESSURE');
    assert.match(de!.message.de, /^Starker Verkaufsdruck \(„jetzt zugreifen“, „zugreifen“, „nur heute“, „rabatt“, „%“\)/);
    assert.equal(find('My spring course has four places left. Here is what we will cover.', 'SALES_PRESSURE'), undefined);
  });

  test('every warning is worded in both languages', () => {
    const all = check('BUY NOW, LAST CHANCE, YOU IDIOTS!!! https://x.example #a #b #c #d #e #f', { targets: [{ channelId: '00000000-0000-4000-8000-000000000003', platform: 'x', channelName: 'X', text: 'x'.repeat(300) }] });
    assert.deepEqual(all.map((w) => w.code).sort(), ['EXCLAMATION_RUN', 'INSULT', 'OVER_LIMIT', 'SALES_PRESSURE', 'SHOUTING', 'TOO_MANY_HASHTAGS']);
    for (const w of all) assert.ok(w.message.en.length > 20 && w.message.de.length > 20 && w.message.en !== w.message.de);
  });
});

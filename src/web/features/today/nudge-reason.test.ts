import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createInstance } from 'i18next';
import { explainNudge, type NudgeRule } from '../../../server/modules/people/nudges.rules.ts';
import { de } from '../../i18n/de.ts';
import { en } from '../../i18n/en.ts';
import type { Nudge } from './api.ts';
import { nudgeReason } from './nudge-reason.ts';

async function translator(language: 'en' | 'de') {
  const i18n = createInstance();
  await i18n.init({ lng: language, resources: { en: { translation: en }, de: { translation: de } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

function nudge(rule: NudgeRule, facts: Nudge['facts'], reason = 'from the server'): Nudge {
  return { key: `${rule}:00000000-0000-4000-8000-000000000001`, rule, personId: '00000000-0000-4000-8000-000000000001', personName: 'Sam Rivera', reason, facts };
}

test('English sentences read as the server words them', async () => {
  const t = await translator('en');
  const cases: [NudgeRule, Nudge['facts']][] = [
    ['call', { messages: 9, weeks: 4 }],
    ['call', { messages: 1, weeks: 1 }],
    ['invite', { days: 5, eventTitle: 'Founders meetup', places: 3 }],
    ['invite', { days: 1, eventTitle: 'Founders meetup', places: 1 }],
    ['reply', { days: 3 }],
    ['follow_up', { days: 2 }],
    ['reconnect', { days: 40, cadenceDays: 30 }],
    ['thank', { days: 5, introducedName: 'Kim Novak' }],
  ];
  for (const [rule, facts] of cases) {
    assert.equal(nudgeReason(t, nudge(rule, facts)), explainNudge(rule, { name: 'Sam Rivera', ...facts }, 'en'));
  }
});

test('plurals, today and a daily cadence have their own words', async () => {
  const t = await translator('en');
  assert.equal(nudgeReason(t, nudge('follow_up', { days: 0 })), 'You met Sam Rivera at an event today and nothing since: follow up.');
  assert.equal(nudgeReason(t, nudge('reply', { days: 1 })), 'Sam Rivera wrote to you 1 day ago and has no answer yet: reply.');
  assert.equal(nudgeReason(t, nudge('reconnect', { days: 3, cadenceDays: 1 })),
    'You last were in touch with Sam Rivera 3 days ago; you wanted every day: reconnect.');
});

test('German sentences, in the interface language whatever the workspace speaks', async () => {
  const t = await translator('de');
  assert.equal(nudgeReason(t, nudge('call', { messages: 6, weeks: 2 })), 'Du hast mit Sam Rivera 6 Nachrichten in 2 Wochen ausgetauscht: ruf an.');
  assert.equal(nudgeReason(t, nudge('reply', { days: 1 })), 'Sam Rivera hat dir vor 1 Tag geschrieben und wartet auf Antwort: antworte.');
  assert.equal(nudgeReason(t, nudge('reconnect', { days: 3, cadenceDays: 1 })),
    'Dein letzter Kontakt mit Sam Rivera war vor 3 Tagen; du wolltest dich jeden Tag melden: melde dich wieder.');
  assert.equal(nudgeReason(t, nudge('thank', { days: 5, introducedName: 'Kim Novak' })),
    'Sam Rivera hat dich vor 5 Tagen mit Kim Novak bekannt gemacht: bedanke dich.');
  assert.equal(nudgeReason(t, nudge('invite', { days: 5, eventTitle: 'Gründerfrühstück', places: 1 })),
    'Sam Rivera war noch nie bei einem deiner Treffen; Gründerfrühstück ist in 5 Tagen und hat noch 1 Platz frei: lade ein.');
  assert.equal(nudgeReason(t, nudge('invite', { days: 0, eventTitle: 'Gründerfrühstück', places: 2 })),
    'Sam Rivera war noch nie bei einem deiner Treffen; Gründerfrühstück ist heute und hat noch 2 Plätze frei: lade ein.');
});

test('without the numbers a sentence needs, the server\'s own sentence stands', async () => {
  const t = await translator('de');
  assert.equal(nudgeReason(t, nudge('call', { messages: 6 }, 'You have exchanged …')), 'You have exchanged …');
  assert.equal(nudgeReason(t, nudge('thank', { days: 2 }, 'Sam introduced you …')), 'Sam introduced you …');
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { awarenessDays } from './observances.data.ts';
import { dateOf, describeRule, easter, easterSunday, last, nth, on } from './observances.rules.ts';
import { isKnownPlace, observancesBetween } from './observances.service.ts';

const byKey = (key: string) => awarenessDays.find((d) => d.key === key)!.rule;
const years = (key: string, ...ys: number[]) => ys.map((y) => dateOf(byKey(key), y));

describe('observances as rules, right every year', () => {
  test('more than 150 awareness days, each with an English and a German name, unique keys, a date in every year 2020–2040', () => {
    assert.ok(awarenessDays.length >= 150, `${awarenessDays.length}`);
    assert.equal(new Set(awarenessDays.map((d) => d.key)).size, awarenessDays.length);
    for (const day of awarenessDays) {
      assert.ok(day.en && day.de, day.key);
      for (let y = 2020; y <= 2040; y++) assert.match(dateOf(day.rule, y) ?? '', /^\d{4}-\d\d-\d\d$/, `${day.key} ${y}`);
    }
  });

  test('weekday rules across years', () => {
    assert.deepEqual(years('mothers-day', 2024, 2025, 2026, 2027), ['2024-05-12', '2025-05-11', '2026-05-10', '2027-05-09']);
    assert.deepEqual(years('sysadmin-day', 2024, 2025, 2026), ['2024-07-26', '2025-07-25', '2026-07-31']);
    assert.deepEqual(years('global-accessibility-awareness-day', 2024, 2025, 2026), ['2024-05-16', '2025-05-15', '2026-05-21']);
    assert.deepEqual(years('blue-monday', 2024, 2025, 2026), ['2024-01-15', '2025-01-20', '2026-01-19']);
    assert.deepEqual(years('black-friday', 2024, 2025, 2026, 2029), ['2024-11-29', '2025-11-28', '2026-11-27', '2029-11-23']);
    assert.deepEqual(years('cyber-monday', 2024, 2025), ['2024-12-02', '2025-12-01'], 'into December');
    assert.deepEqual(years('giving-tuesday', 2024, 2025), ['2024-12-03', '2025-12-02']);
  });

  test('leap years: the last day of February and day 256', () => {
    assert.deepEqual(years('rare-disease-day', 2024, 2025, 2028), ['2024-02-29', '2025-02-28', '2028-02-29']);
    assert.deepEqual(years('programmers-day', 2024, 2025, 2026), ['2024-09-12', '2025-09-13', '2026-09-13']);
    assert.equal(dateOf(on(2, 29), 2025), null);
    assert.equal(dateOf(nth(5, 'mon', 2), 2025), null, 'February 2025 has four Mondays');
  });

  test('Easter and carnival', () => {
    assert.deepEqual([2024, 2025, 2026, 2038].map((y) => easterSunday(y).toISOString().slice(0, 10)), ['2024-03-31', '2025-04-20', '2026-04-05', '2038-04-25']);
    assert.deepEqual(years('rosenmontag', 2024, 2025, 2026), ['2024-02-12', '2025-03-03', '2026-02-16']);
    assert.deepEqual(years('weiberfastnacht', 2025), ['2025-02-27']);
  });

  test('rules in words, English and German', () => {
    assert.equal(describeRule(nth(2, 'tue', 6), 'en'), 'second Tuesday of June');
    assert.equal(describeRule(nth(2, 'tue', 6), 'de'), 'zweiter Dienstag im Juni');
    assert.equal(describeRule(last('fri', 7), 'en'), 'last Friday of July');
    assert.equal(describeRule(last('fri', 7), 'de'), 'letzter Freitag im Juli');
    assert.equal(describeRule(on(3, 8), 'de'), '8. März');
    assert.equal(describeRule(byKey('black-friday'), 'en'), '1 day after the fourth Thursday of November');
    assert.equal(describeRule(byKey('black-friday'), 'de'), '1 Tag nach dem vierten Donnerstag im November');
    assert.equal(describeRule(easter(-48), 'de'), '48 Tage vor Ostersonntag');
  });

  test('public holidays of the country and region, with German names, over several years', () => {
    const bavaria = observancesBetween('2024-01-01', '2024-12-31', { country: 'DE', region: 'BY' }).filter((o) => o.kind === 'holiday');
    const berlin = observancesBetween('2024-01-01', '2024-12-31', { country: 'DE', region: 'BE' }).filter((o) => o.kind === 'holiday');
    const corpusChristi = (list: typeof bavaria) => list.find((o) => o.name.de === 'Fronleichnam')?.date;
    assert.equal(corpusChristi(bavaria), '2024-05-30');
    assert.equal(corpusChristi(berlin), undefined, 'not a holiday in Berlin');
    assert.ok(berlin.some((o) => o.date === '2024-03-08' && o.name.de === 'Internationaler Frauentag'), 'Berlin has Women\'s Day off');
    assert.equal(corpusChristi(observancesBetween('2025-06-01', '2026-06-30', { country: 'DE', region: 'BY' })), '2025-06-19');
    const ascension = ['2025', '2026', '2027'].map((y) => observancesBetween(`${y}-01-01`, `${y}-12-31`, { country: 'DE', region: null }).find((o) => o.name.de === 'Christi Himmelfahrt')!);
    assert.deepEqual(ascension.map((o) => o.date), ['2025-05-29', '2026-05-14', '2027-05-06']);
    assert.equal(ascension[0]!.name.en, 'Ascension Day');
    const us = observancesBetween('2026-11-01', '2026-11-30', { country: 'US', region: null }).filter((o) => o.kind === 'holiday').map((o) => `${o.date} ${o.name.en}`);
    assert.ok(us.includes('2026-11-26 Thanksgiving Day'), us.join());
  });

  test('a range gives holidays first on a day, then awareness days; no place, no holidays', () => {
    const week = observancesBetween('2026-10-01', '2026-10-05', { country: 'DE', region: null });
    assert.equal(week.find((o) => o.date === '2026-10-03')!.name.de, 'Tag der Deutschen Einheit');
    assert.deepEqual(week.filter((o) => o.date === '2026-10-01').map((o) => o.key), ['coffee-day', 'day-of-older-persons', 'world-vegetarian-day']);
    assert.equal(week.find((o) => o.key === 'world-smile-day')!.date, '2026-10-02');
    assert.equal(observancesBetween('2026-10-03', '2026-10-03', { country: null, region: null }).length, 0);
    const newYear = observancesBetween('2026-12-31', '2027-01-02', { country: 'AT', region: null }).map((o) => o.key);
    assert.deepEqual(newYear, ['new-years-eve', 'AT:01-01', 'world-introvert-day'], 'across the turn of the year');
  });

  test('known places', () => {
    assert.equal(isKnownPlace({ country: 'DE', region: 'BY' }), true);
    assert.equal(isKnownPlace({ country: 'DE', region: 'XX' }), false);
    assert.equal(isKnownPlace({ country: 'ZZ', region: null }), false);
    assert.equal(isKnownPlace({ country: null, region: null }), true);
  });
});

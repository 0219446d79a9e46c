import { createRequire } from 'node:module';
import type HolidaysClass from 'date-holidays';
import { awarenessDays } from './observances.data.ts';
import { dateOf, describeRule } from './observances.rules.ts';

// date-holidays carries every country's rules; it loads when holidays are first asked for.
const require = createRequire(import.meta.url);
let HolidaysModule: typeof HolidaysClass | undefined;
const Holidays = () => (HolidaysModule ??= require('date-holidays') as typeof HolidaysClass);

export type Observance = {
  date: string;
  kind: 'holiday' | 'awareness';
  key: string;
  name: { en: string; de: string };
  rule: { en: string; de: string } | null;
  hashtag: string | null;
};

export type Place = { country: string | null; region: string | null };

const maxDays = 400;

export function countries(): Record<string, string> {
  return new (Holidays())().getCountries('en');
}

export function regions(country: string): Record<string, string> {
  return new (Holidays())().getStates(country, 'en') ?? {};
}

export function isKnownPlace({ country, region }: Place): boolean {
  if (!country) return region === null;
  if (!(country in countries())) return false;
  return region === null || region in regions(country);
}

function holidays(place: Place, years: number[], from: string, to: string): Observance[] {
  if (!place.country) return [];
  const Calendar = Holidays();
  const calendar = place.region ? new Calendar(place.country, place.region) : new Calendar(place.country);
  return years.flatMap((year) => {
    const en = calendar.getHolidays(year, 'en').filter((h) => h.type === 'public');
    const de = new Map(calendar.getHolidays(year, 'de').filter((h) => h.type === 'public').map((h) => [`${h.date}|${h.rule}`, h.name]));
    return en.map((h): Observance => ({
      date: h.date.slice(0, 10), kind: 'holiday', key: `${place.country}${place.region ? `-${place.region}` : ''}:${h.rule}`,
      name: { en: h.name, de: de.get(`${h.date}|${h.rule}`) ?? h.name }, rule: null, hashtag: null,
    }));
  }).filter((o) => o.date >= from && o.date <= to);
}

// Public holidays of the place and the shipped awareness days between two dates (inclusive, YYYY-MM-DD).
export function observancesBetween(from: string, to: string, place: Place): Observance[] {
  const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (!(span >= 0 && span <= maxDays)) throw new RangeError(`from..to must be 0 to ${maxDays} days`);
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) years.push(y);
  const awareness = years.flatMap((year) => awarenessDays.flatMap((day): Observance[] => {
    const date = dateOf(day.rule, year);
    if (!date || date < from || date > to) return [];
    return [{ date, kind: 'awareness', key: day.key, name: { en: day.en, de: day.de }, rule: { en: describeRule(day.rule, 'en'), de: describeRule(day.rule, 'de') }, hashtag: day.hashtag }];
  }));
  return [...holidays(place, years, from, to), ...awareness]
    .sort((a, b) => a.date.localeCompare(b.date) || (a.kind === b.kind ? a.name.en.localeCompare(b.name.en) : a.kind === 'holiday' ? -1 : 1));
}

export { maxDays as observanceMaxDays };

// An observance is stored as a rule, never as a date, so it is right every year.
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

export type Rule =
  | { kind: 'fixed'; month: number; day: number }
  // n-th weekday of a month (n = -1 for the last), optionally shifted by days (Black Friday: the day after the 4th Thursday of November).
  | { kind: 'nth'; n: number; weekday: Weekday; month: number; offset: number }
  | { kind: 'lastDay'; month: number }
  | { kind: 'dayOfYear'; day: number }
  // Days before or after Western Easter Sunday (carnival, Shrove Tuesday).
  | { kind: 'easter'; offset: number };

export const on = (month: number, day: number): Rule => ({ kind: 'fixed', month, day });
export const nth = (n: number, weekday: Weekday, month: number, offset = 0): Rule => ({ kind: 'nth', n, weekday, month, offset });
export const last = (weekday: Weekday, month: number): Rule => ({ kind: 'nth', n: -1, weekday, month, offset: 0 });
export const lastDay = (month: number): Rule => ({ kind: 'lastDay', month });
export const dayOfYear = (day: number): Rule => ({ kind: 'dayOfYear', day });
export const easter = (offset: number): Rule => ({ kind: 'easter', offset });

const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));
export const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

// Western Easter Sunday (the anonymous Gregorian algorithm).
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(year, month, day);
}

// The date of a rule in a year, as YYYY-MM-DD; null when the year has no such day (a fifth Monday, 29 February).
export function dateOf(rule: Rule, year: number): string | null {
  switch (rule.kind) {
    case 'fixed': {
      const date = utc(year, rule.month, rule.day);
      return date.getUTCMonth() === rule.month - 1 ? isoDate(date) : null;
    }
    case 'lastDay': return isoDate(utc(year, rule.month + 1, 0));
    case 'dayOfYear': return isoDate(utc(year, 1, rule.day));
    case 'easter': return isoDate(addDays(easterSunday(year), rule.offset));
    case 'nth': {
      const target = weekdays.indexOf(rule.weekday); // 0 = Monday
      let date: Date;
      if (rule.n > 0) {
        const first = utc(year, rule.month, 1);
        const shift = (target - ((first.getUTCDay() + 6) % 7) + 7) % 7;
        date = addDays(first, shift + (rule.n - 1) * 7);
        if (date.getUTCMonth() !== rule.month - 1) return null;
      } else {
        const lastOfMonth = utc(year, rule.month + 1, 0);
        const shift = (((lastOfMonth.getUTCDay() + 6) % 7) - target + 7) % 7;
        date = addDays(lastOfMonth, -shift);
      }
      return isoDate(addDays(date, rule.offset));
    }
  }
}

const monthNames = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
};
const dayNames = {
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  de: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
};
const ordinals = {
  en: ['last', 'first', 'second', 'third', 'fourth', 'fifth'],
  de: ['letzter', 'erster', 'zweiter', 'dritter', 'vierter', 'fünfter'],
};

// The rule in words: "second Tuesday of June", "zweiter Dienstag im Juni".
export function describeRule(rule: Rule, language: 'en' | 'de'): string {
  const de = language === 'de';
  const days = (n: number) => (de ? `${Math.abs(n)} ${Math.abs(n) === 1 ? 'Tag' : 'Tage'}` : `${Math.abs(n)} day${Math.abs(n) === 1 ? '' : 's'}`);
  switch (rule.kind) {
    case 'fixed': return de ? `${rule.day}. ${monthNames.de[rule.month - 1]}` : `${monthNames.en[rule.month - 1]} ${rule.day}`;
    case 'lastDay': return de ? `letzter Tag im ${monthNames.de[rule.month - 1]}` : `last day of ${monthNames.en[rule.month - 1]}`;
    case 'dayOfYear': return de ? `${rule.day}. Tag des Jahres` : `day ${rule.day} of the year`;
    case 'easter':
      if (rule.offset === 0) return de ? 'Ostersonntag' : 'Easter Sunday';
      return de ? `${days(rule.offset)} ${rule.offset < 0 ? 'vor' : 'nach'} Ostersonntag` : `${days(rule.offset)} ${rule.offset < 0 ? 'before' : 'after'} Easter Sunday`;
    case 'nth': {
      const n = rule.n < 0 ? 0 : rule.n;
      const day = dayNames[language][weekdays.indexOf(rule.weekday)];
      const base = de ? `${ordinals.de[n]} ${day} im ${monthNames.de[rule.month - 1]}` : `${ordinals.en[n]} ${day} of ${monthNames.en[rule.month - 1]}`;
      if (!rule.offset) return base;
      return de ? `${days(rule.offset)} ${rule.offset < 0 ? 'vor dem' : 'nach dem'} ${base.replace(/^(\S+)r /, '$1n ')}` : `${days(rule.offset)} ${rule.offset < 0 ? 'before' : 'after'} the ${base}`;
    }
  }
}

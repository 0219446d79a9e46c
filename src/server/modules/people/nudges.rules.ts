// The nudge rules' defaults, their order on Today, and the plain words that explain each one.
export const nudgeRules = ['call', 'invite', 'reply', 'follow_up', 'reconnect', 'thank'] as const;
export type NudgeRule = (typeof nudgeRules)[number];

export type RelationshipSettings = {
  callMinExchanges: number;
  callMinDays: number;
  replyAfterHours: number;
  replyWithinDays: number;
  followUpDays: number;
  tagCadences: Record<string, number>;
};

export const defaultSettings: RelationshipSettings = {
  callMinExchanges: 5,
  callMinDays: 14,
  replyAfterHours: 48,
  replyWithinDays: 30,
  followUpDays: 3,
  tagCadences: {},
};

// Today: first who to call or meet, then what is owed, then keeping in touch.
export const todaySections = [
  { key: 'call_or_meet', rules: ['call', 'invite'] },
  { key: 'owed', rules: ['reply', 'follow_up'] },
  { key: 'keep_in_touch', rules: ['reconnect', 'thank'] },
] as const satisfies readonly { key: string; rules: readonly NudgeRule[] }[];

export type NudgeFacts = {
  name: string;
  messages?: number;
  weeks?: number;
  days?: number;
  cadenceDays?: number;
  introducedName?: string;
  eventTitle?: string;
  places?: number;
};

type Locale = 'en' | 'de';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const reasons: Record<Locale, Record<NudgeRule, (f: NudgeFacts) => string>> = {
  en: {
    call: (f) => `You have exchanged ${plural(f.messages!, 'message', 'messages')} with ${f.name} over ${plural(f.weeks!, 'week', 'weeks')}: call them.`,
    invite: (f) => `${f.name} has never been to one of your meetups; ${f.eventTitle} is in ${plural(f.days!, 'day', 'days')} with ${plural(f.places!, 'place', 'places')} left: invite them.`,
    reply: (f) => `${f.name} wrote to you ${plural(f.days!, 'day', 'days')} ago and has no answer yet: reply.`,
    follow_up: (f) => `You met ${f.name} at an event ${plural(f.days!, 'day', 'days')} ago and nothing since: follow up.`,
    reconnect: (f) => `You last were in touch with ${f.name} ${plural(f.days!, 'day', 'days')} ago; you wanted every ${plural(f.cadenceDays!, 'day', 'days')}: reconnect.`,
    thank: (f) => `${f.name} introduced you to ${f.introducedName} ${plural(f.days!, 'day', 'days')} ago: thank them.`,
  },
  de: {
    call: (f) => `Du hast mit ${f.name} ${plural(f.messages!, 'Nachricht', 'Nachrichten')} in ${plural(f.weeks!, 'Woche', 'Wochen')} ausgetauscht: ruf an.`,
    invite: (f) => `${f.name} war noch nie bei einem deiner Treffen; ${f.eventTitle} ist in ${plural(f.days!, 'Tag', 'Tagen')} und hat noch ${plural(f.places!, 'Platz', 'Plätze')} frei: lade ein.`,
    reply: (f) => `${f.name} hat dir vor ${plural(f.days!, 'Tag', 'Tagen')} geschrieben und wartet auf Antwort: antworte.`,
    follow_up: (f) => `Du hast ${f.name} vor ${plural(f.days!, 'Tag', 'Tagen')} bei einem Treffen gesehen, seitdem nichts: melde dich.`,
    reconnect: (f) => `Dein letzter Kontakt mit ${f.name} ist ${plural(f.days!, 'Tag', 'Tage')} her; du wolltest alle ${plural(f.cadenceDays!, 'Tag', 'Tage')}: melde dich wieder.`,
    thank: (f) => `${f.name} hat dich vor ${plural(f.days!, 'Tag', 'Tagen')} mit ${f.introducedName} bekannt gemacht: bedanke dich.`,
  },
};

export function explainNudge(rule: NudgeRule, facts: NudgeFacts, locale: string): string {
  return reasons[locale === 'de' ? 'de' : 'en'][rule](facts);
}

const day = 24 * 3600 * 1000;

export function wholeDays(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / day));
}

export function wholeWeeks(from: Date, to: Date): number {
  return Math.max(1, Math.round((to.getTime() - from.getTime()) / (7 * day)));
}

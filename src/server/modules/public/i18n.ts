// Public pages speak the visitor's language (Accept-Language): English or German.
export const publicLocales = ['en', 'de'] as const;
export type PublicLocale = (typeof publicLocales)[number];

const messages = {
  en: {
    notFoundTitle: 'Page not found',
    notFoundBody: 'This address does not exist, or the page was moved.',
    backHome: 'Go to the start page',
    poweredBy: 'Runs on Onland — people, meetups and a mailing list on their owner\'s machine.',
  },
  de: {
    notFoundTitle: 'Seite nicht gefunden',
    notFoundBody: 'Diese Adresse gibt es nicht, oder die Seite ist umgezogen.',
    backHome: 'Zur Startseite',
    poweredBy: 'Läuft mit Onland — Menschen, Treffen und eine Mailingliste auf dem Rechner ihrer Besitzer.',
  },
} as const satisfies Record<PublicLocale, Record<string, string>>;

export type PublicMessages = (typeof messages)[PublicLocale];

export function messagesFor(locale: PublicLocale): PublicMessages {
  return messages[locale];
}

// Picks the best supported language by q-value; English when none matches.
export function pickLocale(acceptLanguage: string | undefined): PublicLocale {
  if (!acceptLanguage) return 'en';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: (tag ?? '').toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  const match = ranked.find((entry) => (publicLocales as readonly string[]).includes(entry.lang));
  return (match?.lang as PublicLocale | undefined) ?? 'en';
}

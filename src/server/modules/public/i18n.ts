// Public pages speak the visitor's language (Accept-Language): English or German.
export const publicLocales = ['en', 'de'] as const;
export type PublicLocale = (typeof publicLocales)[number];

const messages = {
  en: {
    notFoundTitle: 'Page not found',
    notFoundBody: 'This address does not exist, or the page was moved.',
    backHome: 'Go to the start page',
    poweredBy: 'Runs on Onland — people, meetups and a mailing list on their owner\'s machine.',
    subscribeTitle: 'Get updates from {workspace}',
    subscribeIntro: 'Leave your email address and we will send you a link to confirm. Nothing is sent before you confirm.',
    emailLabel: 'Your email address',
    emailInvalid: 'Please enter an email address like name@example.org.',
    subscribeButton: 'Subscribe',
    checkInboxTitle: 'Check your inbox',
    checkInboxBody: 'If the address can receive our updates, a confirmation link is on its way. It is valid for 7 days.',
    confirmTitle: 'Confirm your subscription',
    confirmBody: 'Press the button to start receiving email from {workspace}.',
    confirmButton: 'Yes, subscribe me',
    confirmedTitle: 'You are subscribed',
    confirmedBody: 'Thank you. Every email has a link to unsubscribe with one click.',
    invalidLinkTitle: 'This link no longer works',
    invalidLinkBody: 'It may have expired or been changed. You can sign up again.',
    unsubscribeTitle: 'Unsubscribe',
    unsubscribeBody: 'Press the button and you will get no more email from {workspace}.',
    unsubscribeButton: 'Unsubscribe',
    unsubscribedTitle: 'You are unsubscribed',
    unsubscribedBody: 'You will not receive any more email from {workspace}.',
    honeypotLabel: 'Leave this field empty',
    askTitle: 'Ask {workspace} anything',
    askIntro: 'A knowledgeable member of the team will reply to you personally, by email.',
    nameLabel: 'Your name',
    questionLabel: 'Your question',
    questionMissing: 'Please write your question.',
    questionTooLong: 'Please keep your question under 5,000 characters.',
    askButton: 'Send my question',
    askedTitle: 'Thank you for your question',
    askedBody: 'A person will read it and reply to you by email.',
  },
  de: {
    notFoundTitle: 'Seite nicht gefunden',
    notFoundBody: 'Diese Adresse gibt es nicht, oder die Seite ist umgezogen.',
    backHome: 'Zur Startseite',
    poweredBy: 'Läuft mit Onland — Menschen, Treffen und eine Mailingliste auf dem Rechner ihrer Besitzer.',
    subscribeTitle: 'Neuigkeiten von {workspace}',
    subscribeIntro: 'Gib deine E-Mail-Adresse an, und wir schicken dir einen Link zum Bestätigen. Vorher schicken wir nichts.',
    emailLabel: 'Deine E-Mail-Adresse',
    emailInvalid: 'Bitte gib eine E-Mail-Adresse wie name@example.org ein.',
    subscribeButton: 'Abonnieren',
    checkInboxTitle: 'Schau in dein Postfach',
    checkInboxBody: 'Wenn die Adresse unsere Neuigkeiten bekommen kann, ist ein Bestätigungslink unterwegs. Er gilt 7 Tage.',
    confirmTitle: 'Abonnement bestätigen',
    confirmBody: 'Drücke den Knopf, um E-Mails von {workspace} zu bekommen.',
    confirmButton: 'Ja, ich möchte sie bekommen',
    confirmedTitle: 'Du bist angemeldet',
    confirmedBody: 'Danke. Jede E-Mail enthält einen Link, mit dem du dich mit einem Klick abmeldest.',
    invalidLinkTitle: 'Dieser Link funktioniert nicht mehr',
    invalidLinkBody: 'Er ist vielleicht abgelaufen oder wurde verändert. Du kannst dich erneut anmelden.',
    unsubscribeTitle: 'Abmelden',
    unsubscribeBody: 'Drücke den Knopf, und du bekommst keine E-Mails mehr von {workspace}.',
    unsubscribeButton: 'Abmelden',
    unsubscribedTitle: 'Du bist abgemeldet',
    unsubscribedBody: 'Du bekommst keine E-Mails mehr von {workspace}.',
    honeypotLabel: 'Dieses Feld leer lassen',
    askTitle: 'Frag {workspace}, was du willst',
    askIntro: 'Jemand aus dem Team, der sich auskennt, antwortet dir persönlich per E-Mail.',
    nameLabel: 'Dein Name',
    questionLabel: 'Deine Frage',
    questionMissing: 'Bitte schreib deine Frage.',
    questionTooLong: 'Bitte halte deine Frage unter 5.000 Zeichen.',
    askButton: 'Frage senden',
    askedTitle: 'Danke für deine Frage',
    askedBody: 'Ein Mensch liest sie und antwortet dir per E-Mail.',
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

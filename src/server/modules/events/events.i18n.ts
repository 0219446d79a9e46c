import type { PublicLocale } from '../public/i18n.ts';

// The event pages' words, English and German (the shell and form words come from the public module).
const messages = {
  en: {
    when: 'When', where: 'Where', online: 'Online', map: 'Show on a map', placesLeft: '{n} places left', onePlaceLeft: '1 place left',
    soldOut: 'Sold out — join the waitlist', nextWithPlaces: 'There are still places at the next one: {title}, {when}',
    cancelled: 'This event is cancelled.', over: 'This event is over.', registerHeading: 'Register', waitlistHeading: 'Join the waitlist',
    sourceLabel: 'How did you hear about us? (optional)', registerButton: 'Register', waitlistButton: 'Join the waitlist',
    nameMissing: 'Please enter your name.', calendar: 'Add to your calendar (.ics)',
    confirmedTitle: "You're in!", confirmedBody: 'Your place is confirmed. We have emailed you the details, a calendar file and your check-in code.',
    waitlistedTitle: "You're on the waitlist", waitlistedBody: 'You are number {n} on the waitlist. If a place opens up, it goes to the waitlist in order and we email you at once.',
    alreadyTitle: 'Thank you', alreadyBody: 'If this address is registered, the link to your registration is in the email we sent it.',
    cancelHeading: 'Cannot come?', cancelBody: 'Free your place for someone on the waitlist.', cancelButton: 'Cancel my registration',
    cancelledRegistrationTitle: 'Your registration is cancelled', cancelledRegistrationBody: 'Thank you for letting us know. You can register again on the event page while there are places.',
    attendedTitle: 'Thank you for coming', noShowTitle: 'We missed you', invalidTitle: 'This link no longer works', invalidBody: 'The registration does not exist (any more).',
    closedTitle: 'Registration is closed', closedBody: 'This event is cancelled or over.', backToEvent: 'Back to the event page',
  },
  de: {
    when: 'Wann', where: 'Wo', online: 'Online', map: 'Auf der Karte zeigen', placesLeft: 'Noch {n} Plätze frei', onePlaceLeft: 'Noch 1 Platz frei',
    soldOut: 'Ausgebucht — auf die Warteliste', nextWithPlaces: 'Beim nächsten Termin gibt es noch Plätze: {title}, {when}',
    cancelled: 'Diese Veranstaltung fällt aus.', over: 'Diese Veranstaltung ist vorbei.', registerHeading: 'Anmelden', waitlistHeading: 'Auf die Warteliste',
    sourceLabel: 'Wie hast du von uns erfahren? (freiwillig)', registerButton: 'Anmelden', waitlistButton: 'Auf die Warteliste setzen',
    nameMissing: 'Bitte gib deinen Namen ein.', calendar: 'In den Kalender übernehmen (.ics)',
    confirmedTitle: 'Du bist dabei!', confirmedBody: 'Dein Platz ist bestätigt. Wir haben dir die Details, eine Kalenderdatei und deinen Check-in-Code gemailt.',
    waitlistedTitle: 'Du bist auf der Warteliste', waitlistedBody: 'Du bist Nummer {n} auf der Warteliste. Wird ein Platz frei, geht er der Reihe nach an die Warteliste, und wir schreiben dir sofort.',
    alreadyTitle: 'Danke', alreadyBody: 'Ist diese Adresse angemeldet, steht der Link zu deiner Anmeldung in der E-Mail, die wir ihr geschickt haben.',
    cancelHeading: 'Du kannst nicht kommen?', cancelBody: 'Gib deinen Platz für jemanden auf der Warteliste frei.', cancelButton: 'Meine Anmeldung stornieren',
    cancelledRegistrationTitle: 'Deine Anmeldung ist storniert', cancelledRegistrationBody: 'Danke für die Nachricht. Solange es Plätze gibt, kannst du dich auf der Veranstaltungsseite wieder anmelden.',
    attendedTitle: 'Danke fürs Kommen', noShowTitle: 'Wir haben dich vermisst', invalidTitle: 'Dieser Link funktioniert nicht mehr', invalidBody: 'Diese Anmeldung gibt es nicht (mehr).',
    closedTitle: 'Die Anmeldung ist geschlossen', closedBody: 'Diese Veranstaltung fällt aus oder ist vorbei.', backToEvent: 'Zurück zur Veranstaltungsseite',
  },
} as const satisfies Record<PublicLocale, Record<string, string>>;

export type EventMessages = (typeof messages)[PublicLocale];
export const eventMessages = (locale: PublicLocale): EventMessages => messages[locale];

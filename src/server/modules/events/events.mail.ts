import type { MailMessage } from '../../mail/index.ts';
import { registrationCalendar, type CalendarOccurrence } from './events.ics.ts';
import { qrPng } from './events.qr.ts';

type Locale = 'en' | 'de';
export type MailKind = 'confirmed' | 'waitlisted' | 'promoted' | 'cancelled' | 'occurrence_cancelled' | 'moved' | 'reminder' | 'follow_up';
export type MailRegistration = { id: string; name: string; email: string; locale: Locale; sequence: number; checkInCode: string; manageToken: string };
export type MailContext = { workspaceName: string; publicUrl: string; timezone: string; occurrence: CalendarOccurrence; position?: number | null };

// A formatter is costly to build and an event page, an email and a timeline line each need one: kept per zone and language.
const formatters = new Map<string, Intl.DateTimeFormat>();
export function formatWhen(date: Date, timezone: string, locale: Locale): string {
  const key = `${locale} ${timezone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: timezone, timeZoneName: 'short' });
    formatters.set(key, format);
  }
  return format.format(date);
}

const copy = {
  en: {
    hello: (name: string) => `Hello ${name},`,
    when: 'When', where: 'Where', code: 'Your check-in code', manage: 'Cannot come? Free your place for someone on the waitlist',
    confirmed: { subject: (t: string) => `You're in: ${t}`, body: 'your place is confirmed. The calendar file is attached; show the code below (or its QR code) at the door.' },
    promoted: { subject: (t: string) => `A place opened up: ${t}`, body: 'good news: someone cancelled and the place is yours. The calendar file is attached; show the code below at the door.' },
    waitlisted: { subject: (t: string) => `On the waitlist: ${t}`, body: (p: number) => `the event is full, so you are number ${p} on the waitlist. If a place opens up, it goes to the waitlist in order and we email you at once.` },
    cancelled: { subject: (t: string) => `Cancelled: your registration for ${t}`, body: 'your registration is cancelled. Thank you for freeing the place.' },
    occurrence_cancelled: { subject: (t: string) => `Cancelled: ${t}`, body: 'we are sorry: this event is cancelled. The calendar entry is removed by the attached file.' },
    moved: { subject: (t: string) => `Changed: ${t}`, body: 'the time or place of this event has changed. The details below and the attached calendar file are up to date.' },
    reminder: { subject: (t: string) => `Tomorrow: ${t}`, body: 'a reminder: we look forward to seeing you.' },
    follow_up: { subject: (t: string) => `Thank you for coming: ${t}`, body: 'thank you for coming. It was good to see you; just reply to this email if there is anything we can do for you.' },
  },
  de: {
    hello: (name: string) => `Hallo ${name},`,
    when: 'Wann', where: 'Wo', code: 'Dein Check-in-Code', manage: 'Du kannst nicht kommen? Gib deinen Platz für jemanden auf der Warteliste frei',
    confirmed: { subject: (t: string) => `Du bist dabei: ${t}`, body: 'dein Platz ist bestätigt. Die Kalenderdatei hängt an; zeig am Eingang den Code unten (oder seinen QR-Code).' },
    promoted: { subject: (t: string) => `Ein Platz ist frei geworden: ${t}`, body: 'gute Nachricht: jemand hat abgesagt, und der Platz gehört dir. Die Kalenderdatei hängt an; zeig am Eingang den Code unten.' },
    waitlisted: { subject: (t: string) => `Auf der Warteliste: ${t}`, body: (p: number) => `die Veranstaltung ist voll, du bist Nummer ${p} auf der Warteliste. Wird ein Platz frei, geht er der Reihe nach an die Warteliste, und wir schreiben dir sofort.` },
    cancelled: { subject: (t: string) => `Abgesagt: deine Anmeldung für ${t}`, body: 'deine Anmeldung ist storniert. Danke, dass du den Platz freigegeben hast.' },
    occurrence_cancelled: { subject: (t: string) => `Abgesagt: ${t}`, body: 'es tut uns leid: diese Veranstaltung fällt aus. Die angehängte Datei entfernt den Kalendereintrag.' },
    moved: { subject: (t: string) => `Geändert: ${t}`, body: 'Zeit oder Ort dieser Veranstaltung haben sich geändert. Die Angaben unten und die angehängte Kalenderdatei sind aktuell.' },
    reminder: { subject: (t: string) => `Morgen: ${t}`, body: 'eine Erinnerung: wir freuen uns auf dich.' },
    follow_up: { subject: (t: string) => `Danke fürs Kommen: ${t}`, body: 'danke, dass du da warst. Schön, dich gesehen zu haben; antworte einfach auf diese E-Mail, wenn wir etwas für dich tun können.' },
  },
} as const;

const withCalendar: MailKind[] = ['confirmed', 'promoted', 'cancelled', 'occurrence_cancelled', 'moved'];
const withCode: MailKind[] = ['confirmed', 'promoted', 'moved', 'reminder'];

// One registration's email of a kind, in their language, with the calendar file and the QR code where they belong.
export async function registrationMail(kind: MailKind, registration: MailRegistration, context: MailContext, options: { attending: boolean }): Promise<MailMessage> {
  const t = copy[registration.locale] ?? copy.en;
  const o = context.occurrence;
  const part = t[kind];
  const intro = typeof part.body === 'function' ? part.body(context.position ?? 1) : part.body;
  const where = [o.venue, o.address].filter(Boolean).join(', ') || o.onlineUrl || '';
  const manageLink = `${context.publicUrl}/e/r/${registration.manageToken}`;
  const lines = [t.hello(registration.name), '', intro, '', `${o.title}`, `${t.when}: ${formatWhen(o.startsAt, context.timezone, registration.locale)}`];
  if (where) lines.push(`${t.where}: ${where}`);
  const showCode = options.attending && withCode.includes(kind);
  if (showCode) lines.push('', `${t.code}: ${registration.checkInCode}`);
  if (kind !== 'cancelled' && kind !== 'occurrence_cancelled' && kind !== 'follow_up') lines.push('', `${t.manage}: ${manageLink}`);
  lines.push('', context.workspaceName, `${context.publicUrl}/e/${o.slug}`);
  const message: MailMessage = { to: registration.email, subject: part.subject(o.title), text: `${lines.join('\n')}\n`, attachments: [] };
  if (withCalendar.includes(kind) && (options.attending || kind === 'cancelled')) {
    const cancelled = kind === 'cancelled' || kind === 'occurrence_cancelled';
    const ics = registrationCalendar({ registrationId: registration.id, sequence: registration.sequence, cancelled, occurrence: o, publicUrl: context.publicUrl, organiser: context.workspaceName });
    message.attachments!.push({ filename: 'invite.ics', content: ics, contentType: `text/calendar; charset=utf-8; method=${cancelled ? 'CANCEL' : 'REQUEST'}` });
  }
  if (showCode) {
    const png = qrPng(registration.checkInCode, { width: 240, margin: 2 });
    message.attachments!.push({ filename: 'check-in.png', content: png.toString('base64'), encoding: 'base64', contentType: 'image/png', cid: 'check-in-qr' });
    const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
    const html = lines.map((l) => (l.startsWith('http') ? `<a href="${escape(l.split(': ').pop()!)}">${escape(l)}</a>` : escape(l))).join('<br>\n');
    message.html = `<!doctype html><html lang="${registration.locale}"><body><p>${html}</p><p><img src="cid:check-in-qr" width="240" height="240" alt="${escape(registration.checkInCode)}"></p></body></html>`;
  }
  if (!message.attachments!.length) delete message.attachments;
  return message;
}

// A message from the organiser to one group, plain text with a link to their registration.
export function organiserMessage(registration: MailRegistration, input: { subject: string; body: string }, context: { workspaceName: string; publicUrl: string }): MailMessage {
  const t = copy[registration.locale] ?? copy.en;
  return { to: registration.email, subject: input.subject, text: `${input.body}\n\n${t.manage}: ${context.publicUrl}/e/r/${registration.manageToken}\n\n${context.workspaceName}\n` };
}

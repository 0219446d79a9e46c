import { asc } from 'drizzle-orm';
import ICAL from 'ical.js';
import { fixedClock } from '../../core/clock.ts';
import { mailQueue } from '../../mail/mail.table.ts';
import type { Auth } from '../auth/index.ts';
import { makeTestApp } from '../../../../test/helpers.ts';

// Shared by this module's tests: an app on a fixed clock with an owner, a series maker and the mail queue.
export async function eventsTestApp(start = new Date('2026-02-01T09:00:00Z'), options: { pageCacheMs?: number } = {}) {
  const clock = fixedClock(start);
  const t = await makeTestApp({ clock, ...options });
  await t.services.auth.setup({ workspaceName: 'Green Door', name: 'Olivia', email: 'owner@example.org', password: 'long enough password' });
  const auth: Auth = await t.services.auth.ownerAuth();
  const single = (overrides: Record<string, unknown> = {}) => t.services.events.createSeries(auth, {
    title: 'Founders meetup', description: 'Talk shop.', rrule: null, timezone: 'Europe/Berlin', localStart: '2026-02-12T19:00', durationMinutes: 120,
    capacity: 60, venue: 'Green Door Café', address: 'Oranienstraße 1, Berlin', onlineUrl: null, isPublic: true, ...overrides,
  });
  const mails = async () => (await t.database.db.select().from(mailQueue).orderBy(asc(mailQueue.createdAt))).map((r) => ({ ...r.message, dedupeKey: r.dedupeKey }));
  const person = (i: number) => ({ name: `Guest ${i}`, email: `guest${i}@example.org`, source: null, consent: false, locale: 'en' as const, ip: '192.0.2.1', userAgent: 'test' });
  return { t, clock, auth, single, mails, person };
}

// Reads a calendar file the way calendar apps do (ical.js), and returns what a person would see.
export function readCalendar(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  return {
    method: component.getFirstPropertyValue('method') as string | null,
    events: component.getAllSubcomponents('vevent').map((v) => {
      const event = new ICAL.Event(v);
      return { uid: event.uid, sequence: event.sequence, summary: event.summary, location: event.location, start: event.startDate.toJSDate(), end: event.endDate.toJSDate(), status: v.getFirstPropertyValue('status') as string | null };
    }),
  };
}

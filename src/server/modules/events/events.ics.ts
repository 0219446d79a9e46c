import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export type CalendarOccurrence = {
  id: string; slug: string; title: string; description?: string; startsAt: Date; endsAt: Date;
  venue: string | null; address: string | null; onlineUrl: string | null; status: 'scheduled' | 'cancelled'; sequence: number;
};

const prodId = { company: 'Onland', product: 'events', language: 'EN' } as const;
const location = (o: CalendarOccurrence) => [o.venue, o.address].filter(Boolean).join(', ') || o.onlineUrl || undefined;

// One attendee's entry: the UID is the registration's, so a calendar updates it in place;
// SEQUENCE grows with every change, and a cancellation is METHOD:CANCEL with the same UID.
export function registrationCalendar(input: { registrationId: string; sequence: number; cancelled: boolean; occurrence: CalendarOccurrence; publicUrl: string; organiser: string }): string {
  const { occurrence: o } = input;
  const calendar = ical({ prodId, method: input.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST, timezone: null });
  calendar.createEvent({
    id: `registration-${input.registrationId}@onland`,
    sequence: input.sequence,
    start: o.startsAt,
    end: o.endsAt,
    summary: o.title,
    description: o.description || undefined,
    location: location(o),
    url: `${input.publicUrl}/e/${o.slug}`,
    organizer: { name: input.organiser, email: 'events@onland.invalid' },
    status: input.cancelled || o.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}

// Public feeds: one occurrence, or every public occurrence of a workspace.
export function occurrencesCalendar(input: { name: string; occurrences: CalendarOccurrence[]; publicUrl: string }): string {
  const calendar = ical({ prodId, name: input.name, timezone: null });
  for (const o of input.occurrences) {
    calendar.createEvent({
      id: `occurrence-${o.id}@onland`,
      sequence: o.sequence,
      start: o.startsAt,
      end: o.endsAt,
      summary: o.title,
      description: o.description || undefined,
      location: location(o),
      url: `${input.publicUrl}/e/${o.slug}`,
      status: o.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

import type { JobDefinition } from '../../jobs/index.ts';
import type { EventsService } from './events.service.ts';
import type { RegistrationsService } from './registrations.service.ts';

// Reminders 24 h ahead, follow-ups to those who came, no-shows after the end, occurrences made ahead.
// Each is safe in several workers at once: mail has dedupe keys, no-shows a locked, conditional update.
export function eventsJobs({ events, registrations }: { events: EventsService; registrations: RegistrationsService }): JobDefinition[] {
  return [
    { name: 'events-reminders', cron: '*/5 * * * *', handler: () => registrations.sendReminders() },
    { name: 'events-follow-ups', cron: '*/15 * * * *', handler: () => registrations.sendFollowUps() },
    { name: 'events-no-shows', cron: '*/15 * * * *', handler: () => registrations.markNoShows() },
    { name: 'events-materialise', cron: '17 * * * *', handler: () => events.materialiseAll() },
  ];
}

import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/index.ts';
import type { ConsentService } from '../audience/index.ts';
import type { PeopleService } from '../people/index.ts';
import type { WorkspacesService } from '../workspaces/index.ts';
import { createEventsService, type EventsService } from './events.service.ts';
import { createRegistrationsService, type RegistrationsService } from './registrations.service.ts';

export { eventsJobs } from './events.jobs.ts';
export { createEventsBackup, type EventsBackup } from './events.backup.ts';
export { eventPageRoutes } from './events.pages.ts';
export { eventsRoutes } from './events.routes.ts';
export type { EventsService, RegistrationsService };

// The module's face: the organiser's calendar (events) and the people who come (registrations).
export function createEventsModule(deps: { db: Db; clock: Clock; people: PeopleService; consent: ConsentService; workspaces: WorkspacesService; publicUrl: string }) {
  const registrations = createRegistrationsService(deps);
  const events = createEventsService({ db: deps.db, clock: deps.clock, registrations, publicUrl: deps.publicUrl });
  return { events, registrations };
}

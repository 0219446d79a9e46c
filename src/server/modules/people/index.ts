export { createPeopleService, type PeopleService } from './people.service.ts';
export { peopleRoutes } from './people.routes.ts';
export { createNudgesService, type NudgesService } from './nudges.service.ts';
export { nudgesRoutes } from './nudges.routes.ts';
export { ladderSteps, type LadderStep } from './ladder.ts';
export { createPeopleImporter, type ImportReport, type IncomingInteraction, type IncomingPerson, type PeopleImporter } from './people.import.ts';
export { createPeopleBackup, type PeopleBackup } from './people.backup.ts';
export { createPeopleExport, type PeopleExport } from './people.export.ts';
export { segmentEmails, type PeopleSegment } from './segment.ts';

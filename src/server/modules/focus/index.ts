export { createFocusService, type FocusService, type SessionRequest } from './focus.service.ts';
export { focusRoutes } from './focus.routes.ts';
export { focusChannels, focusPhases, scaledPlan, sessionState, type FocusChannel, type FocusPhase, type PhasePlan } from './focus.rules.ts';
export { createFocusBackup, type FocusBackup } from './focus.backup.ts';

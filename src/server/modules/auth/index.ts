export { publicActor, requireRole, roles, workerActor, type Auth, type Role } from './access.ts';
export { registerAuthentication } from './auth.plugin.ts';
export { authRoutes } from './auth.routes.ts';
export { createAuthService, type AuthService } from './auth.service.ts';
export { authJobs } from './auth.jobs.ts';
export { createAuthBackup } from './auth.backup.ts';

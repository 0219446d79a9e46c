export { createBackupService, type BackupService } from './backup.service.ts';
export { backupRoutes } from './backup.routes.ts';

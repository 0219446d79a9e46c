export { createImportsService, type ImportsService, type ImportRequest } from './imports.service.ts';
export { importsRoutes } from './imports.routes.ts';
export { formatNames, isFormatName, readExportFolder, type FormatName } from './parsers/index.ts';
export { createImportsBackup } from './imports.backup.ts';

export { createWorkspacesService, slugify, type WorkspacesService } from './workspaces.service.ts';
export { workspacesRoutes } from './workspaces.routes.ts';

import { authOf, type App } from '../../core/types.ts';
import { Workspace, WorkspacePatch } from './workspaces.contract.ts';
import type { WorkspacesService } from './workspaces.service.ts';

export function workspacesRoutes(app: App, { workspaces }: { workspaces: WorkspacesService }) {
  const tags = ['workspace'];
  app.get('/api/v1/workspace', { schema: { tags, summary: 'The current workspace', response: { 200: Workspace } } },
    (request) => workspaces.get(authOf(request)));
  app.patch('/api/v1/workspace', { schema: { tags, summary: 'Rename, or change time zone or language (owner)', body: WorkspacePatch, response: { 200: Workspace } } },
    (request) => workspaces.update(authOf(request), request.body));
}

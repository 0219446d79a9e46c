import { AppError } from '../../core/errors.ts';
import { roles } from './auth.contract.ts';

export { roles };
export type Role = (typeof roles)[number];

// Who is asking: established once per request from a session cookie or a Bearer token.
export type Auth = {
  workspaceId: string;
  userId: string;
  role: Role;
  // public: a visitor's own action on a public page (a question, an RSVP), acting for the workspace.
  // worker: a background job writing what a platform told it (replies to a post), acting for the workspace.
  via: 'session' | 'token' | 'public' | 'worker';
};

const rank: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };

// viewer reads, editor writes, owner manages members and settings.
export function requireRole(auth: Auth | null | undefined, minimum: Role): asserts auth is Auth {
  if (!auth) throw new AppError('UNAUTHENTICATED');
  if (rank[auth.role] < rank[minimum]) throw new AppError('FORBIDDEN', `This needs the ${minimum} role; you are ${auth.role}.`);
}

// The actor of a public page's write: may add what a visitor brings (a person, their question), nothing else.
export function publicActor(workspaceId: string): Auth {
  return { workspaceId, userId: '00000000-0000-0000-0000-000000000000', role: 'editor', via: 'public' };
}

// The actor of a background job's write: adds what a platform reported, as an editor would.
export function workerActor(workspaceId: string): Auth {
  return { workspaceId, userId: '00000000-0000-0000-0000-000000000000', role: 'editor', via: 'worker' };
}

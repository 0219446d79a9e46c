import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { authOf, type App } from '../../core/types.ts';
import type { WorkspacesService } from '../workspaces/index.ts';
import {
  AcceptInvitationInput, ApiTokenCreated, ApiTokenInput, Invitation, InvitationInput, InvitationToken,
  LoginInput, Member, MemberId, MemberPatch, PasswordResetInput, PasswordResetRequest, PasswordResetToken, Session, SetupInput, SetupStatus,
} from './auth.contract.ts';
import { clearSessionCookie, sessionCookie, setSessionCookie } from './auth.plugin.ts';
import type { AuthService, StartedSession } from './auth.service.ts';

type Deps = { auth: AuthService; workspaces: WorkspacesService; secureCookies: boolean; loginRateLimit: number; publicUrl: string };

export function authRoutes(app: App, { auth, workspaces, secureCookies, loginRateLimit, publicUrl }: Deps) {
  const limited = { public: true, rateLimit: { max: loginRateLimit, timeWindow: '1 minute' } };
  const tags = ['auth'];

  // Sets the session cookie and answers with what the SPA needs to run.
  async function sessionReply(reply: FastifyReply, started: StartedSession) {
    setSessionCookie(reply, started.token, started.maxAgeSeconds, secureCookies);
    const workspace = await workspaces.get({ workspaceId: started.workspaceId, userId: started.user.id, role: started.user.role, via: 'session' });
    return { user: started.user, workspace, csrfToken: started.csrfToken, publicUrl };
  }

  app.get('/api/v1/setup', { config: { public: true }, schema: { tags, summary: 'Whether first-run setup is done', response: { 200: SetupStatus } } },
    () => auth.setupStatus());

  app.post('/api/v1/setup', { config: limited, schema: { tags, summary: 'First run: create the workspace and its owner', body: SetupInput, response: { 201: Session } } },
    async (request, reply) => {
      const started = await auth.setup(request.body);
      return reply.code(201).send(await sessionReply(reply, started));
    });

  app.post('/api/v1/auth/login', { config: limited, schema: { tags, summary: 'Sign in', body: LoginInput, response: { 200: Session } } },
    async (request, reply) => sessionReply(reply, await auth.login(request.body)));

  // Public, so an expired session can still clear its cookie.
  app.post('/api/v1/auth/logout', { config: { public: true }, schema: { tags, summary: 'Sign out', response: { 204: z.null() } } },
    async (request, reply) => {
      const token = request.cookies[sessionCookie];
      if (token) await auth.logout(token);
      clearSessionCookie(reply, secureCookies);
      return reply.code(204).send(null);
    });

  app.post('/api/v1/auth/password-reset', { config: limited, schema: { tags, summary: 'Forgot the password: email a reset link (the same answer whether the address is known or not)', body: PasswordResetRequest, response: { 202: z.null() } } },
    async (request, reply) => {
      await auth.requestPasswordReset(request.body);
      return reply.code(202).send(null);
    });

  app.post('/api/v1/auth/password-reset/:token', { config: limited, schema: { tags, summary: 'Set a new password with a reset link; it works once, for an hour, and signs out every session', params: PasswordResetToken, body: PasswordResetInput, response: { 204: z.null() } } },
    async (request, reply) => {
      await auth.resetPasswordWithToken(request.params.token, request.body.password);
      return reply.code(204).send(null);
    });

  app.get('/api/v1/auth/session', { schema: { tags, summary: 'The signed-in member, workspace and CSRF token', response: { 200: Session } } },
    async (request) => {
      const current = authOf(request);
      const session = request.cookies[sessionCookie] ? await auth.authenticateSession(request.cookies[sessionCookie]) : null;
      return { user: await auth.me(current), workspace: await workspaces.get(current), csrfToken: session?.csrfToken ?? '', publicUrl };
    });

  app.get('/api/v1/members', { schema: { tags, summary: 'Members of the workspace', response: { 200: z.object({ items: z.array(Member) }) } } },
    async (request) => ({ items: await auth.listMembers(authOf(request)) }));

  app.patch('/api/v1/members/:id', { schema: { tags, summary: 'Change a member\'s role (owner)', params: MemberId, body: MemberPatch, response: { 200: Member } } },
    (request) => auth.updateMemberRole(authOf(request), request.params.id, request.body.role));

  app.delete('/api/v1/members/:id', { schema: { tags, summary: 'Remove a member (owner)', params: MemberId, response: { 204: z.null() } } },
    async (request, reply) => {
      await auth.removeMember(authOf(request), request.params.id);
      return reply.code(204).send(null);
    });

  app.post('/api/v1/invitations', { schema: { tags, summary: 'Create an invitation link (owner)', body: InvitationInput, response: { 201: Invitation } } },
    async (request, reply) => reply.code(201).send(await auth.createInvitation(authOf(request), request.body)));

  app.post('/api/v1/invitations/:token/accept', { config: limited, schema: { tags, summary: 'Accept an invitation and become a member', params: InvitationToken, body: AcceptInvitationInput, response: { 201: Session } } },
    async (request, reply) => {
      const started = await auth.acceptInvitation(request.params.token, request.body);
      return reply.code(201).send(await sessionReply(reply, started));
    });

  app.post('/api/v1/tokens', { schema: { tags, summary: 'Create an API token with your role', body: ApiTokenInput, response: { 201: ApiTokenCreated } } },
    async (request, reply) => reply.code(201).send(await auth.createApiToken(authOf(request), request.body.name)));
}

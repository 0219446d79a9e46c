import { sql } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../../db/index.ts';
import type { WorkspacesService } from '../workspaces/index.ts';
import type { Auth, Role } from './access.ts';
import { requireRole } from './access.ts';
import type { Member } from './auth.contract.ts';
import { enqueueMail } from '../../mail/index.ts';
import { createAuthRepository, type UserRow } from './auth.repository.ts';
import { dummyPasswordHash, hashPassword, hashToken, newToken, verifyPassword } from './tokens.ts';

type Deps = { db: Db; clock: Clock; workspaces: WorkspacesService; publicUrl: string; sessionDays: number };

const setupLockKey = 7_001_002;
const invitationDays = 7;
const resetMinutes = 60;
const day = 24 * 60 * 60 * 1000;

export function createAuthService({ db, clock, workspaces, publicUrl, sessionDays }: Deps) {
  const repo = createAuthRepository(db);

  async function startSession(user: UserRow): Promise<StartedSession> {
    const token = newToken();
    const csrfToken = newToken();
    const now = clock.now();
    await repo.insertSession({
      workspaceId: user.workspaceId,
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken,
      createdAt: now,
      expiresAt: new Date(now.getTime() + sessionDays * day),
    });
    return { token, csrfToken, user: toMember(user), workspaceId: user.workspaceId, maxAgeSeconds: sessionDays * 24 * 3600 };
  }

  return {
    async setupStatus() {
      return { setupDone: (await workspaces.count()) > 0 };
    },

    // First run: the workspace and its owner, once. A lock keeps two browsers from both succeeding.
    async setup(input: { workspaceName: string; name: string; email: string; password: string; timezone?: string; locale?: string }) {
      const passwordHash = await hashPassword(input.password);
      const user = await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${setupLockKey})`);
        if ((await workspaces.count(tx)) > 0) throw new AppError('SETUP_DONE');
        const workspace = await workspaces.create({ name: input.workspaceName, timezone: input.timezone, locale: input.locale }, tx);
        return repo.insertUser({ workspaceId: workspace.id, email: input.email, name: input.name, passwordHash, role: 'owner' }, tx);
      });
      return startSession(user);
    },

    async login(input: { email: string; password: string; workspace?: string }) {
      let candidates = await repo.findUsersByEmail(input.email);
      if (input.workspace) {
        const workspace = await workspaces.findBySlug(input.workspace);
        candidates = candidates.filter((u) => u.workspaceId === workspace?.id);
      }
      if (candidates.length > 1) throw new AppError('WORKSPACE_REQUIRED');
      const user = candidates[0];
      const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
      if (!user || !ok) throw new AppError('INVALID_CREDENTIALS');
      return startSession(user);
    },

    async logout(token: string): Promise<void> {
      await repo.deleteSession(hashToken(token));
    },

    async authenticateSession(token: string): Promise<(Auth & { csrfToken: string }) | null> {
      const found = await repo.findSession(hashToken(token), clock.now());
      if (!found) return null;
      const { session, role } = found;
      return { workspaceId: session.workspaceId, userId: session.userId, role: role as Role, via: 'session', csrfToken: session.csrfToken };
    },

    async authenticateToken(token: string): Promise<Auth | null> {
      const found = await repo.findApiToken(hashToken(token));
      if (!found) return null;
      await repo.touchApiToken(found.token.workspaceId, found.token.id, clock.now());
      return { workspaceId: found.token.workspaceId, userId: found.token.userId, role: found.role as Role, via: 'token' };
    },

    async me(auth: Auth): Promise<Member> {
      requireRole(auth, 'viewer');
      const user = await repo.getUser(auth.workspaceId, auth.userId);
      if (!user) throw new AppError('UNAUTHENTICATED');
      return toMember(user);
    },

    // A token carries its user's role: a viewer's token cannot write.
    async createApiToken(auth: Auth, name: string) {
      requireRole(auth, 'viewer');
      const token = newToken('onl_');
      const row = await repo.insertApiToken({ workspaceId: auth.workspaceId, userId: auth.userId, name, tokenHash: hashToken(token) });
      return { id: row.id, name: row.name, token };
    },

    // For the CLI, which acts as the machine's administrator.
    async createApiTokenForEmail(email: string, name: string, workspaceSlug?: string) {
      const user = await singleUserByEmail(email, workspaceSlug);
      return this.createApiToken({ workspaceId: user.workspaceId, userId: user.id, role: user.role as Role, via: 'token' }, name);
    },

    // The CLI acts as the workspace's first owner; the workspace may be left out when there is one.
    async ownerAuth(workspaceSlug?: string): Promise<Auth> {
      const slugs = new Map((await workspaces.listAll()).map((w) => [w.id, w.slug]));
      const owners = await repo.listOwners();
      const bySlug = new Map<string, typeof owners>();
      for (const owner of owners) {
        const slug = slugs.get(owner.workspaceId) ?? owner.workspaceId;
        bySlug.set(slug, [...(bySlug.get(slug) ?? []), owner]);
      }
      if (workspaceSlug && !bySlug.has(workspaceSlug)) throw new AppError('NOT_FOUND', `No workspace "${workspaceSlug}". Workspaces: ${[...bySlug.keys()].join(', ') || 'none (run onland setup)'}.`);
      if (!workspaceSlug && bySlug.size > 1) throw new AppError('WORKSPACE_REQUIRED', `Name the workspace with --workspace: ${[...bySlug.keys()].join(', ')}.`);
      const owner = workspaceSlug ? bySlug.get(workspaceSlug)![0] : owners[0];
      if (!owner) throw new AppError('SETUP_REQUIRED', 'There is no workspace yet: run onland setup first.');
      return { workspaceId: owner.workspaceId, userId: owner.userId, role: 'owner', via: 'token' };
    },

    async resetPassword(email: string, password: string, workspaceSlug?: string): Promise<void> {
      const user = await singleUserByEmail(email, workspaceSlug);
      const passwordHash = await hashPassword(password);
      await db.transaction(async (tx) => {
        await repo.updateUser(user.workspaceId, user.id, { passwordHash }, tx);
        await repo.deleteSessionsOfUser(user.workspaceId, user.id, tx);
      });
    },

    // "Forgot your password": a link by email, valid once for an hour. The answer is the same whether the
    // address is known or not, so the form tells no one who has an account.
    async requestPasswordReset(input: { email: string; workspace?: string }): Promise<void> {
      let found = await repo.findUsersByEmail(input.email.trim().toLowerCase());
      if (input.workspace) {
        const workspace = await workspaces.findBySlug(input.workspace);
        found = found.filter((u) => u.workspaceId === workspace?.id);
      }
      const now = clock.now();
      for (const user of found) {
        const token = newToken();
        const workspace = (await workspaces.listAll()).find((w) => w.id === user.workspaceId);
        const german = workspace?.locale === 'de';
        const url = `${publicUrl}/app/reset/${token}`;
        await db.transaction(async (tx) => {
          await repo.insertPasswordReset({ workspaceId: user.workspaceId, userId: user.id, tokenHash: hashToken(token), createdAt: now, expiresAt: new Date(now.getTime() + resetMinutes * 60_000) }, tx);
          await enqueueMail(tx, user.workspaceId, german
            ? { to: user.email, subject: `Neues Passwort für ${workspace?.name ?? 'Onland'}`, text: `Hallo ${user.name},\n\nhier kannst du ein neues Passwort wählen (der Link gilt eine Stunde und einmal):\n${url}\n\nHast du das nicht angefordert, ignoriere diese E-Mail; dein Passwort bleibt, wie es ist.\n` }
            : { to: user.email, subject: `Choose a new password for ${workspace?.name ?? 'Onland'}`, text: `Hello ${user.name},\n\nchoose a new password here (the link works once, for an hour):\n${url}\n\nIf you did not ask for this, ignore this email; your password stays as it is.\n` },
          { now });
        });
      }
    },

    // The link's new password: every session of the member ends, and every other link of theirs is void.
    async resetPasswordWithToken(token: string, password: string): Promise<void> {
      const passwordHash = await hashPassword(password);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const reset = await repo.claimPasswordReset(hashToken(token), now, tx);
        if (!reset) throw new AppError('RESET_INVALID');
        await repo.updateUser(reset.workspaceId, reset.userId, { passwordHash }, tx);
        await repo.deleteSessionsOfUser(reset.workspaceId, reset.userId, tx);
        await repo.voidPasswordResets(reset.workspaceId, reset.userId, now, tx);
      });
    },

    async listMembers(auth: Auth): Promise<Member[]> {
      requireRole(auth, 'viewer');
      return (await repo.listUsers(auth.workspaceId)).map(toMember);
    },

    async updateMemberRole(auth: Auth, userId: string, role: Role): Promise<Member> {
      requireRole(auth, 'owner');
      return db.transaction(async (tx) => {
        const user = await repo.updateUser(auth.workspaceId, userId, { role }, tx);
        if (!user) throw new AppError('NOT_FOUND');
        if ((await repo.countOwners(auth.workspaceId, tx)) === 0) throw new AppError('LAST_OWNER');
        return toMember(user);
      });
    },

    async removeMember(auth: Auth, userId: string): Promise<void> {
      requireRole(auth, 'owner');
      await db.transaction(async (tx) => {
        if (!(await repo.deleteUser(auth.workspaceId, userId, tx))) throw new AppError('NOT_FOUND');
        if ((await repo.countOwners(auth.workspaceId, tx)) === 0) throw new AppError('LAST_OWNER');
      });
    },

    async createInvitation(auth: Auth, input: { role: Role; email?: string }) {
      requireRole(auth, 'owner');
      const token = newToken();
      const row = await repo.insertInvitation({
        workspaceId: auth.workspaceId,
        tokenHash: hashToken(token),
        role: input.role,
        email: input.email ?? null,
        invitedBy: auth.userId,
        expiresAt: new Date(clock.now().getTime() + invitationDays * day),
      });
      return { id: row.id, role: row.role, email: row.email, expiresAt: row.expiresAt, url: `${publicUrl}/app/invite/${token}` };
    },

    async acceptInvitation(token: string, input: { name: string; email: string; password: string }) {
      const passwordHash = await hashPassword(input.password);
      const user = await db.transaction(async (tx) => {
        const invitation = await repo.claimInvitation(hashToken(token), clock.now(), tx);
        if (!invitation) throw new AppError('INVITATION_INVALID');
        if (invitation.email && invitation.email !== input.email) throw new AppError('INVITATION_INVALID', 'This invitation is for another email address.');
        if (await repo.findUserByEmail(invitation.workspaceId, input.email, tx)) throw new AppError('EMAIL_TAKEN');
        return repo.insertUser({ workspaceId: invitation.workspaceId, email: input.email, name: input.name, passwordHash, role: invitation.role }, tx);
      });
      return startSession(user);
    },

    async purgeExpiredSessions() {
      await repo.deleteStalePasswordResets(new Date(clock.now().getTime() - day));
      return repo.deleteExpiredSessions(clock.now());
    },
  };

  async function singleUserByEmail(email: string, workspaceSlug?: string): Promise<UserRow> {
    let found = await repo.findUsersByEmail(email.trim().toLowerCase());
    if (workspaceSlug) {
      const workspace = await workspaces.findBySlug(workspaceSlug);
      found = found.filter((u) => u.workspaceId === workspace?.id);
    }
    if (found.length > 1) throw new AppError('WORKSPACE_REQUIRED');
    if (!found[0]) throw new AppError('NOT_FOUND', `No member has the email ${email}.`);
    return found[0];
  }
}

export type AuthService = ReturnType<typeof createAuthService>;
export type StartedSession = { token: string; csrfToken: string; user: Member; workspaceId: string; maxAgeSeconds: number };

function toMember(user: UserRow): Member {
  return { id: user.id, email: user.email, name: user.name, role: user.role as Role, createdAt: user.createdAt };
}

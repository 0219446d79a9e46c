import { z } from 'zod';
import { Email, Timestamp } from '../../core/contract.ts';
import { isTimeZone } from '../people/people.contract.ts';
import { Workspace } from '../workspaces/workspaces.contract.ts';


const email = Email;
const password = z.string().min(10, 'At least 10 characters').max(200);

// viewer reads, editor writes, owner manages members and settings.
export const roles = ['owner', 'editor', 'viewer'] as const;
export const Role = z.enum(roles);

export const SetupInput = z.object({
  workspaceName: z.string().trim().min(1).max(100).describe('Your business or group'),
  name: z.string().trim().min(1).max(100).describe('Your name'),
  email,
  password,
  timezone: z.string().refine(isTimeZone, 'Not an IANA time zone, e.g. Europe/Berlin').optional(),
  locale: z.enum(['en', 'de']).optional(),
});

export const LoginInput = z.object({
  email,
  password: z.string().min(1).max(200),
  workspace: z.string().max(60).optional().describe('Workspace slug, only when the email belongs to several'),
});

export const Member = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: Role,
  createdAt: Timestamp,
});
export type Member = z.output<typeof Member>;

export const Session = z.object({
  user: Member,
  workspace: Workspace,
  csrfToken: z.string().describe('Send as the X-CSRF-Token header on every write made with the session cookie'),
  publicUrl: z.string().describe('The address visitors use (PUBLIC_URL): links to public pages start with it'),
});

export const SetupStatus = z.object({ setupDone: z.boolean() });

export const InvitationInput = z.object({
  role: Role.default('editor'),
  email: email.optional().describe('Optional: only this email may accept'),
});

export const Invitation = z.object({
  id: z.uuid(),
  role: Role,
  email: z.string().nullable(),
  expiresAt: Timestamp,
  url: z.string().describe('The link to send; shown once'),
});

export const AcceptInvitationInput = z.object({
  name: z.string().trim().min(1).max(100),
  email,
  password,
});

export const MemberPatch = z.object({ role: Role });
export const MemberId = z.object({ id: z.uuid() });
export const InvitationToken = z.object({ token: z.string().max(200) });

export const PasswordResetRequest = z.object({
  email,
  workspace: z.string().max(60).optional().describe('Workspace slug, only when the email belongs to several'),
});
export const PasswordResetToken = z.object({ token: z.string().max(200) });
export const PasswordResetInput = z.object({ password });

export const ApiTokenInput = z.object({ name: z.string().trim().min(1).max(100) });
export const ApiTokenCreated = z.object({
  id: z.uuid(),
  name: z.string(),
  token: z.string().describe('Shown once: use as Authorization: Bearer <token>'),
});

import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { AcceptInvitationInput, LoginInput, PasswordResetInput, PasswordResetRequest, Session, SetupInput, SetupStatus } from '../../../server/modules/auth/auth.contract.ts';
import { api, isApiError, setCsrfToken } from '../../lib/api-client.ts';
import { sessionKey } from '../../lib/query-client.ts';

export type Session = z.output<typeof Session>;
const setupKey = ['setup'] as const;

export function useSetupStatus() {
  return useQuery({ queryKey: setupKey, queryFn: ({ signal }) => api('/api/v1/setup', { schema: SetupStatus, signal }), staleTime: Infinity });
}

// null: not signed in. The CSRF token rides along with every session we learn about.
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async ({ signal }): Promise<Session | null> => {
      try {
        const session = await api('/api/v1/auth/session', { schema: Session, signal });
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (isApiError(error) && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Infinity,
  });
}

// For pages inside the signed-in shell, where the guard has already made sure there is one.
export function useCurrentSession(): Session {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentSession outside a signed-in page');
  return data;
}

function startSession(client: QueryClient, session: Session) {
  setCsrfToken(session.csrfToken);
  // Whatever was cached belonged to whoever was signed in before.
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] && query.queryKey[0] !== setupKey[0] });
  client.setQueryData(sessionKey, session);
  client.setQueryData(setupKey, { setupDone: true });
}

export function useSetup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof SetupInput>) => api('/api/v1/setup', { method: 'POST', body: input, schema: Session }),
    onSuccess: (session) => startSession(client, session),
    meta: { form: true },
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof LoginInput>) => api('/api/v1/auth/login', { method: 'POST', body: input, schema: Session }),
    onSuccess: (session) => startSession(client, session),
    meta: { form: true },
  });
}

export function useAcceptInvitation(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof AcceptInvitationInput>) =>
      api(`/api/v1/invitations/${encodeURIComponent(token)}/accept`, { method: 'POST', body: input, schema: Session }),
    onSuccess: (session) => startSession(client, session),
    meta: { form: true, handles: ['INVITATION_INVALID'] },
  });
}

// "Forgot your password": the server mails a link, and answers the same whether the address is known or not.
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (input: z.input<typeof PasswordResetRequest>) => api('/api/v1/auth/password-reset', { method: 'POST', body: input }),
    meta: { form: true },
  });
}

export function useResetPassword(token: string) {
  return useMutation({
    mutationFn: (input: z.input<typeof PasswordResetInput>) => api(`/api/v1/auth/password-reset/${encodeURIComponent(token)}`, { method: 'POST', body: input }),
    meta: { form: true, handles: ['RESET_INVALID'] },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api('/api/v1/auth/logout', { method: 'POST' }),
    // Signed out locally even when the server could not be told (the cookie may already be gone).
    onSettled: () => {
      setCsrfToken('');
      client.clear();
      client.setQueryData(sessionKey, null);
      client.setQueryData(setupKey, { setupDone: true });
    },
    meta: { quiet: true },
  });
}

import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-client.ts';
import { notifyError } from './problems.ts';

declare module '@tanstack/react-query' {
  interface Register {
    // form: the mutation's form shows field errors itself, so only other errors become a notification.
    // quiet: the mutation expects failure to be harmless (signing out of an expired session).
    // handles: error codes the page explains itself, in place.
    mutationMeta: { form?: boolean; quiet?: boolean; handles?: string[] };
  }
}

export const sessionKey = ['session'] as const;

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: signOutIfUnauthenticated }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        signOutIfUnauthenticated(error);
        if (mutation.meta?.quiet) return;
        if (isApiError(error) && mutation.meta?.handles?.includes(error.code)) return;
        if (mutation.meta?.form && isApiError(error) && error.fieldErrors.length > 0) return;
        notifyError(error);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not get better by asking again.
        retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });

  // An expired session anywhere sends the app back to the sign-in page (the route guard watches this).
  function signOutIfUnauthenticated(error: unknown) {
    if (isApiError(error) && error.code === 'UNAUTHENTICATED' && client.getQueryData(sessionKey)) client.setQueryData(sessionKey, null);
  }
  return client;
}

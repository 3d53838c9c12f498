import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';
import { sessionQueryKey } from './session';

/**
 * One client for the app. Client errors (4xx) are answers, not glitches: they are not retried.
 * A 401 anywhere means the session ended, so the session is read again and guards redirect.
 */
export function createQueryClient(): QueryClient {
  const sessionEnded = (error: unknown) => {
    if (error instanceof ApiError && error.status === 401) {
      void client.invalidateQueries({ queryKey: sessionQueryKey });
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.queryKey[0] !== sessionQueryKey[0]) sessionEnded(error);
      },
    }),
    // A form sent after the session ended shows its message, and the guard then asks for login.
    mutationCache: new MutationCache({ onError: sessionEnded }),
    defaultOptions: {
      queries: {
        retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
  return client;
}

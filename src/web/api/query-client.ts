import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error';

/**
 * Reads of a person's record are audited, so nothing refetches behind the user's back: no refetch
 * on window focus, and client errors (4xx) are never retried.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        staleTime: 30_000,
        retry: (failureCount, error) => !(isApiError(error) && error.status < 500) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
}

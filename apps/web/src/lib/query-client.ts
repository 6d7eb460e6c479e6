import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: {
      /** The page renders its own "not found" state, so a 404 needs no toast. */
      showsNotFound?: boolean;
      /** The page renders its own "not yours" state, so a 403 needs no toast. */
      showsForbidden?: boolean;
      /** What pages only dress themselves with (the site's name): they fall back without a toast. */
      quiet?: boolean;
    };
  }
}

const MAX_RETRIES = 2;

/** A 4xx answer will not change on retry; a dropped connection or a 5xx might. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < MAX_RETRIES;
}

export function createQueryClient(onQueryError: (error: unknown) => void): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.meta?.quiet) return;
        if (error instanceof ApiError && error.status === 404 && query.meta?.showsNotFound) return;
        if (error instanceof ApiError && error.status === 403 && query.meta?.showsForbidden) return;
        onQueryError(error);
      },
    }),
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry },
    },
  });
}

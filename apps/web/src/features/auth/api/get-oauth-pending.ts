import type { OAuthPending } from '@folio/schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export function fetchOAuthPending(ticket: string, signal?: AbortSignal) {
  return apiRequest<OAuthPending>(`/auth/oauth/pending/${encodeURIComponent(ticket)}`, {
    signal,
  });
}

/** The provider account waiting to be bound to the account being logged into or made. */
export function oauthPendingQueryOptions(ticket: string) {
  return queryOptions({
    queryKey: ['oauth', 'pending', ticket],
    queryFn: ({ signal }) => fetchOAuthPending(ticket, signal),
    staleTime: Infinity,
    meta: { showsNotFound: true },
  });
}

export function useOAuthPending(ticket: string | null) {
  return useQuery({ ...oauthPendingQueryOptions(ticket ?? ''), enabled: !!ticket });
}

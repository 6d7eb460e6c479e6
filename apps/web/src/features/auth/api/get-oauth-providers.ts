import type { OAuthProvider } from '@folio/schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export function fetchOAuthProviders(signal?: AbortSignal) {
  return apiRequest<OAuthProvider[]>('/auth/oauth/providers', { signal });
}

export function oauthProvidersQueryOptions() {
  return queryOptions({
    queryKey: ['oauth', 'providers'],
    queryFn: ({ signal }) => fetchOAuthProviders(signal),
    staleTime: 5 * 60_000,
  });
}

export function useOAuthProviders() {
  return useQuery(oauthProvidersQueryOptions());
}

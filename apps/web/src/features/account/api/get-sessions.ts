import type { Session } from '@folio/schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { meQueryOptions } from '../../../lib/api/get-me';

export function fetchSessions(signal?: AbortSignal) {
  return apiRequest<Session[]>('/me/sessions', { signal });
}

export function sessionsQueryOptions() {
  return queryOptions({
    queryKey: [...meQueryOptions().queryKey, 'sessions'],
    queryFn: ({ signal }) => fetchSessions(signal),
    staleTime: 0,
  });
}

export function useSessions() {
  return useQuery(sessionsQueryOptions());
}

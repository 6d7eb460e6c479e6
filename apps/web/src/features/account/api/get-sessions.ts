import { SessionSchema } from '@folio/schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { meQueryOptions } from '../../../lib/api/get-me';

export function fetchSessions(signal?: AbortSignal) {
  return apiRequest('/me/sessions', { schema: z.array(SessionSchema), signal });
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

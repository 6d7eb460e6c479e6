import type { Me } from '@folio/schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../api-client';
import { useAuth } from '../auth-context';

export function fetchMe(signal?: AbortSignal) {
  return apiRequest<Me>('/me', { signal });
}

/** The account; every other `/me` query key starts with this one, so one call forgets them all. */
export function meQueryOptions() {
  return queryOptions({
    queryKey: ['me'],
    queryFn: ({ signal }) => fetchMe(signal),
  });
}

export function useMe() {
  const { status } = useAuth();
  return useQuery({ ...meQueryOptions(), enabled: status === 'authenticated' });
}

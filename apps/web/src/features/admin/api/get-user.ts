import type { AdminUserDetail } from '@folio/schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { usersKey } from './users-key';

export function fetchUser(id: number, signal?: AbortSignal) {
  return apiRequest<AdminUserDetail>(`/admin/users/${id}`, { signal });
}

export function userQueryOptions(id: number) {
  return queryOptions({
    queryKey: [...usersKey(), 'detail', id],
    queryFn: ({ signal }) => fetchUser(id, signal),
    // The page says "no such user" or "no access" itself.
    meta: { showsNotFound: true, showsForbidden: true },
  });
}

export function useUser(id: number) {
  return useQuery(userQueryOptions(id));
}

import type { AdminUserListParams, AdminUserPage } from '@folio/schema';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { usersKey } from './users-key';

export function fetchUsers(params: AdminUserListParams, signal?: AbortSignal) {
  return apiRequest<AdminUserPage>('/admin/users', { query: params, signal });
}

export function usersQueryOptions(params: AdminUserListParams) {
  return queryOptions({
    queryKey: [...usersKey(), 'list', params],
    queryFn: ({ signal }) => fetchUsers(params, signal),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
    // A permission taken away since the account was read shows the no-access state instead.
    meta: { showsForbidden: true },
  });
}

export function useUsers(params: AdminUserListParams) {
  return useQuery(usersQueryOptions(params));
}

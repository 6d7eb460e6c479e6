import type { RoleList } from '@folio/schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { adminKey } from './admin-key';

export function fetchRoles(signal?: AbortSignal) {
  return apiRequest<RoleList>('/admin/roles', { signal });
}

export function rolesQueryOptions() {
  return queryOptions({
    queryKey: [...adminKey(), 'roles'],
    queryFn: ({ signal }) => fetchRoles(signal),
    // A role the person may no longer manage shows the no-access state instead.
    meta: { showsForbidden: true },
  });
}

export function useRoles() {
  return useQuery(rolesQueryOptions());
}

import type { AdminAuthor, AdminAuthorListParams, PageOf } from '@folio/schema';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { adminKey } from './admin-key';

export function adminAuthorsKey() {
  return [...adminKey(), 'authors'] as const;
}

export function fetchAdminAuthors(params: AdminAuthorListParams, signal?: AbortSignal) {
  return apiRequest<PageOf<AdminAuthor>>('/admin/authors', { query: { ...params }, signal });
}

export function adminAuthorsQueryOptions(params: AdminAuthorListParams) {
  return queryOptions({
    queryKey: [...adminAuthorsKey(), params],
    queryFn: ({ signal }) => fetchAdminAuthors(params, signal),
    placeholderData: keepPreviousData,
    meta: { showsForbidden: true },
  });
}

export function useAdminAuthors(params: AdminAuthorListParams) {
  return useQuery(adminAuthorsQueryOptions(params));
}

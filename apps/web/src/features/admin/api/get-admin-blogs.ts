import type { AdminBlogListParams, AdminBlogPage } from '@folio/schema';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { adminKey } from './admin-key';

/** Every staff query about blogs starts with this key (the table's pages). */
export function adminBlogsKey() {
  return [...adminKey(), 'blogs'] as const;
}

export function fetchAdminBlogs(params: AdminBlogListParams, signal?: AbortSignal) {
  return apiRequest<AdminBlogPage>('/admin/blogs', { query: { ...params }, signal });
}

export function adminBlogsQueryOptions(params: AdminBlogListParams) {
  return queryOptions({
    queryKey: [...adminBlogsKey(), params],
    queryFn: ({ signal }) => fetchAdminBlogs(params, signal),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
    meta: { showsForbidden: true },
  });
}

export function useAdminBlogs(params: AdminBlogListParams) {
  return useQuery(adminBlogsQueryOptions(params));
}

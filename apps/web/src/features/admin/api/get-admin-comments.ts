import type { AdminCommentListParams, AdminCommentPage } from '@folio/schema';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { adminKey } from './admin-key';

/** Every staff query about comments starts with this key (the table, the moderation queue). */
export function adminCommentsKey() {
  return [...adminKey(), 'comments'] as const;
}

export function fetchAdminComments(params: AdminCommentListParams, signal?: AbortSignal) {
  return apiRequest<AdminCommentPage>('/admin/comments', { query: { ...params }, signal });
}

export function adminCommentsQueryOptions(params: AdminCommentListParams) {
  return queryOptions({
    queryKey: [...adminCommentsKey(), 'list', params],
    queryFn: ({ signal }) => fetchAdminComments(params, signal),
    placeholderData: keepPreviousData,
    meta: { showsForbidden: true },
  });
}

export function useAdminComments(params: AdminCommentListParams) {
  return useQuery(adminCommentsQueryOptions(params));
}

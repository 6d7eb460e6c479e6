import type { ModerationQueue } from '@folio/schema';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { adminCommentsKey } from './get-admin-comments';

export interface ModerationQueueParams {
  page: number;
  perPage: number;
}

export function fetchModerationQueue(params: ModerationQueueParams, signal?: AbortSignal) {
  return apiRequest<ModerationQueue>('/admin/comments/reports', { query: { ...params }, signal });
}

export function moderationQueueQueryOptions(params: ModerationQueueParams) {
  return queryOptions({
    queryKey: [...adminCommentsKey(), 'reports', params],
    queryFn: ({ signal }) => fetchModerationQueue(params, signal),
    placeholderData: keepPreviousData,
    meta: { showsForbidden: true },
  });
}

export function useModerationQueue(params: ModerationQueueParams) {
  return useQuery(moderationQueueQueryOptions(params));
}

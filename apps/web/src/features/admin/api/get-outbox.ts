import type { OutboxListParams, OutboxPage } from '@folio/schema';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { adminKey } from './admin-key';

export function fetchOutbox(params: OutboxListParams, signal?: AbortSignal) {
  return apiRequest<OutboxPage>('/admin/outbox', { query: params, signal });
}

export function outboxQueryOptions(params: OutboxListParams) {
  return queryOptions({
    queryKey: [...adminKey(), 'outbox', params],
    queryFn: ({ signal }) => fetchOutbox(params, signal),
    placeholderData: keepPreviousData,
    // The page says so itself when it has no access, or the server keeps no outbox.
    meta: { showsForbidden: true, showsNotFound: true },
  });
}

export function useOutbox(params: OutboxListParams) {
  return useQuery(outboxQueryOptions(params));
}

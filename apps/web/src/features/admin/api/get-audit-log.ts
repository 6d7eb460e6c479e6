import type { AuditListParams, AuditPage } from '@folio/schema';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { adminKey } from './admin-key';

export function fetchAuditLog(params: AuditListParams, signal?: AbortSignal) {
  return apiRequest<AuditPage>('/admin/audit', { query: params, signal });
}

export function auditLogQueryOptions(params: AuditListParams) {
  return queryOptions({
    queryKey: [...adminKey(), 'audit', params],
    queryFn: ({ signal }) => fetchAuditLog(params, signal),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
    meta: { showsForbidden: true },
  });
}

export function useAuditLog(params: AuditListParams) {
  return useQuery(auditLogQueryOptions(params));
}

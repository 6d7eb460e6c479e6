import type { StatsSummary } from '@folio/schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { adminKey } from './admin-key';

export function fetchStatsSummary(tz: string, signal?: AbortSignal) {
  return apiRequest<StatsSummary>('/admin/stats/summary', { query: { tz }, signal });
}

export function statsSummaryQueryOptions(tz: string) {
  return queryOptions({
    queryKey: [...adminKey(), 'stats', 'summary', tz],
    queryFn: ({ signal }) => fetchStatsSummary(tz, signal),
    // Staff who lost `stats.read` see the no-access state instead.
    meta: { showsForbidden: true },
  });
}

export function useStatsSummary(tz: string) {
  return useQuery(statsSummaryQueryOptions(tz));
}

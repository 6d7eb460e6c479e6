import type { DailyStats, StatsParams } from '@folio/schema';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { adminKey } from './admin-key';

export function fetchDailyStats(params: StatsParams, signal?: AbortSignal) {
  return apiRequest<DailyStats>('/admin/stats/daily', { query: params, signal });
}

export function dailyStatsQueryOptions(params: StatsParams) {
  return queryOptions({
    queryKey: [...adminKey(), 'stats', 'daily', params],
    queryFn: ({ signal }) => fetchDailyStats(params, signal),
    // The charts of the range shown stay while another range loads.
    placeholderData: keepPreviousData,
    meta: { showsForbidden: true },
  });
}

export function useDailyStats(params: StatsParams) {
  return useQuery(dailyStatsQueryOptions(params));
}

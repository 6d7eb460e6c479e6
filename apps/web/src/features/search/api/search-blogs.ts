import type { SearchPage, SearchParams } from '@folio/schema';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { CONTENT_KEYS } from '../../../lib/api/content-keys';

export function fetchSearch(params: SearchParams, signal?: AbortSignal) {
  return apiRequest<SearchPage>('/search', { query: params, signal });
}

/** Under the blogs' keys: a write to a blog makes its searches read afresh too. */
export function searchQueryOptions(params: SearchParams) {
  return queryOptions({
    queryKey: [...CONTENT_KEYS.blogs, 'search', params],
    queryFn: ({ signal }) => fetchSearch(params, signal),
    // Keep the current results on screen while the next page or filter loads.
    placeholderData: keepPreviousData,
  });
}

export function useSearch(params: SearchParams) {
  return useQuery(searchQueryOptions(params));
}

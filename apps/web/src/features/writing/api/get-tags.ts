import { LIMITS } from '@folio/schema';
import type { TagPage } from '@folio/schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { CONTENT_KEYS } from '../../../lib/api/content-keys';

/** The most used tags, for suggestions while typing one. */
export function tagSuggestionsQueryOptions() {
  return queryOptions({
    queryKey: [...CONTENT_KEYS.tags, 'suggestions'],
    queryFn: ({ signal }) =>
      apiRequest<TagPage>('/tags', { query: { perPage: LIMITS.perPageMax }, signal }),
    staleTime: 5 * 60_000,
  });
}

export function useTagSuggestions() {
  return useQuery(tagSuggestionsQueryOptions());
}

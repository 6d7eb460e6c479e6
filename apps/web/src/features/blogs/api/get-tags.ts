import type { TagListParams, TagPage } from '@folio/schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { CONTENT_KEYS } from '../../../lib/api/content-keys';

export function fetchTags(params: TagListParams, signal?: AbortSignal) {
  return apiRequest<TagPage>('/tags', { query: params, signal });
}

export function tagsQueryOptions(params: TagListParams) {
  return queryOptions({
    queryKey: [...CONTENT_KEYS.tags, 'list', params],
    queryFn: ({ signal }) => fetchTags(params, signal),
  });
}

export function useTags(params: TagListParams) {
  return useQuery(tagsQueryOptions(params));
}

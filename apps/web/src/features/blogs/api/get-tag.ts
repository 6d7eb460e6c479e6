import type { Tag } from '@folio/schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { CONTENT_KEYS } from '../../../lib/api/content-keys';

export function fetchTag(slug: string, signal?: AbortSignal) {
  return apiRequest<Tag>(`/tags/${encodeURIComponent(slug)}`, { signal });
}

export function tagQueryOptions(slug: string) {
  return queryOptions({
    queryKey: [...CONTENT_KEYS.tags, 'detail', slug],
    queryFn: ({ signal }) => fetchTag(slug, signal),
    meta: { showsNotFound: true },
  });
}

export function useTag(slug: string) {
  return useQuery(tagQueryOptions(slug));
}

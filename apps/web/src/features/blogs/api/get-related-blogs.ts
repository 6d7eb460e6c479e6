import type { BlogSummary } from '@folio/schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { CONTENT_KEYS } from '../../../lib/api/content-keys';

export function fetchRelatedBlogs(id: number, signal?: AbortSignal) {
  return apiRequest<BlogSummary[]>(`/blogs/${id}/related`, { signal });
}

export function relatedBlogsQueryOptions(id: number) {
  return queryOptions({
    queryKey: [...CONTENT_KEYS.blogs, 'related', id],
    queryFn: ({ signal }) => fetchRelatedBlogs(id, signal),
  });
}

export function useRelatedBlogs(id: number) {
  return useQuery(relatedBlogsQueryOptions(id));
}

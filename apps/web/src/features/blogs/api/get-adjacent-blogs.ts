import type { BlogAdjacent } from '@folio/schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { CONTENT_KEYS } from '../../../lib/api/content-keys';

export function fetchAdjacentBlogs(id: number, signal?: AbortSignal) {
  return apiRequest<BlogAdjacent>(`/blogs/${id}/adjacent`, { signal });
}

export function adjacentBlogsQueryOptions(id: number) {
  return queryOptions({
    queryKey: [...CONTENT_KEYS.blogs, 'adjacent', id],
    queryFn: ({ signal }) => fetchAdjacentBlogs(id, signal),
  });
}

export function useAdjacentBlogs(id: number) {
  return useQuery(adjacentBlogsQueryOptions(id));
}

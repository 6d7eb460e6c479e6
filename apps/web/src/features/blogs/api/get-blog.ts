import type { Blog } from '@folio/schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { CONTENT_KEYS } from '../../../lib/api/content-keys';

export function fetchBlog(id: number, signal?: AbortSignal) {
  return apiRequest<Blog>(`/blogs/${id}`, { signal });
}

export function blogQueryOptions(id: number) {
  return queryOptions({
    queryKey: [...CONTENT_KEYS.blogs, 'detail', id],
    queryFn: ({ signal }) => fetchBlog(id, signal),
    meta: { showsNotFound: true },
  });
}

export function useBlog(id: number) {
  return useQuery(blogQueryOptions(id));
}

import type { HotBlog } from '@folio/schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { CONTENT_KEYS } from '../../../lib/api/content-keys';

export function fetchHotBlogs(signal?: AbortSignal) {
  return apiRequest<HotBlog[]>('/blogs/hot', { signal });
}

export function hotBlogsQueryOptions() {
  return queryOptions({
    queryKey: [...CONTENT_KEYS.blogs, 'hot'],
    queryFn: ({ signal }) => fetchHotBlogs(signal),
  });
}

export function useHotBlogs() {
  return useQuery(hotBlogsQueryOptions());
}

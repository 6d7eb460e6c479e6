import type { BlogSummary } from '@folio/schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { CONTENT_KEYS } from '../../../lib/api/content-keys';

export function fetchFeaturedBlogs(signal?: AbortSignal) {
  return apiRequest<BlogSummary[]>('/blogs/featured', { signal });
}

export function featuredBlogsQueryOptions() {
  return queryOptions({
    queryKey: [...CONTENT_KEYS.blogs, 'featured'],
    queryFn: ({ signal }) => fetchFeaturedBlogs(signal),
  });
}

export function useFeaturedBlogs() {
  return useQuery(featuredBlogsQueryOptions());
}

import type { BlogListParams, BlogPage } from '@folio/schema';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { CONTENT_KEYS } from '../../../lib/api/content-keys';

export function fetchBlogs(params: BlogListParams, signal?: AbortSignal) {
  return apiRequest<BlogPage>('/blogs', { query: params, signal });
}

export function blogsQueryOptions(params: BlogListParams) {
  return queryOptions({
    queryKey: [...CONTENT_KEYS.blogs, 'list', params],
    queryFn: ({ signal }) => fetchBlogs(params, signal),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}

export function useBlogs(params: BlogListParams) {
  return useQuery(blogsQueryOptions(params));
}

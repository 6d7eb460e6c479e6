import type { MyBlogListParams, MyBlogPage, MyBlogStatus } from '@folio/schema';
import { keepPreviousData, queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { myBlogsKey } from '../../../lib/api/my-blogs-key';

export function fetchMyBlogs(params: MyBlogListParams, signal?: AbortSignal) {
  return apiRequest<MyBlogPage>('/me/blogs', { query: params, signal });
}

export function myBlogsQueryOptions(params: MyBlogListParams) {
  return queryOptions({
    queryKey: [...myBlogsKey(), 'list', params],
    queryFn: ({ signal }) => fetchMyBlogs(params, signal),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}

export function useMyBlogs(params: MyBlogListParams) {
  return useQuery(myBlogsQueryOptions(params));
}

/** How many blogs each tab holds: the total of a one-item page (the API counts, sends one row). */
export function useMyBlogCounts(
  statuses: readonly MyBlogStatus[],
): Partial<Record<MyBlogStatus, number>> {
  return useQueries({
    queries: statuses.map((status) =>
      myBlogsQueryOptions({ status, page: 1, perPage: 1, sort: '-pubDate' }),
    ),
    combine: (results) =>
      Object.fromEntries(
        results.flatMap((result, index) =>
          result.data ? [[statuses[index]!, result.data.total]] : [],
        ),
      ),
  });
}

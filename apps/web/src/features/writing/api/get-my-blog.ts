import type { MyBlog } from '@folio/schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiResponse } from '../../../lib/api-client';
import { editedBlogKey } from '../../../lib/api/blog-writes';

/** A blog as its writer edits it, with the ETag a change must name (`If-Match`). */
export interface VersionedBlog {
  blog: MyBlog;
  etag: string | null;
}

export async function fetchMyBlog(id: number, signal?: AbortSignal): Promise<VersionedBlog> {
  const { data, headers } = await apiResponse<MyBlog>(`/me/blogs/${id}`, { signal });
  return { blog: data, etag: headers.get('etag') };
}

export function myBlogQueryOptions(id: number) {
  return queryOptions({
    queryKey: editedBlogKey(id),
    queryFn: ({ signal }) => fetchMyBlog(id, signal),
    meta: { showsNotFound: true, showsForbidden: true },
    // What is being edited is read once: a refetch would not replace the fields anyway.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useMyBlog(id: number) {
  return useQuery(myBlogQueryOptions(id));
}

import type { BlogRevision, MyBlog } from '@folio/schema';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, apiResponse } from '../../../lib/api-client';
import type { VersionedBlog } from './get-my-blog';
import { blogWritten } from '../../../lib/api/blog-writes';
import { myBlogsKey } from '../../../lib/api/my-blogs-key';

export function fetchRevisions(blogId: number, signal?: AbortSignal) {
  return apiRequest<BlogRevision[]>(`/blogs/${blogId}/revisions`, { signal });
}

export function revisionsQueryOptions(blogId: number) {
  return queryOptions({
    queryKey: [...myBlogsKey(), blogId, 'revisions'],
    queryFn: ({ signal }) => fetchRevisions(blogId, signal),
  });
}

export function useRevisions(blogId: number) {
  return useQuery(revisionsQueryOptions(blogId));
}

/**
 * Makes a kept version the current one; the API keeps the replaced one as a revision in turn and
 * answers with the blog as saved. Sent without `If-Match`: the person chose this version over
 * whatever the blog holds now. Answers with the blog as saved and its new ETag, which the
 * editor's next change names.
 */
export async function restoreRevision({
  blogId,
  revisionId,
}: {
  blogId: number;
  revisionId: number;
}): Promise<VersionedBlog> {
  const { data, headers } = await apiResponse<MyBlog>(
    `/blogs/${blogId}/revisions/${revisionId}/restore`,
    { method: 'POST' },
  );
  return { blog: data, etag: headers.get('etag') };
}

export function useRestoreRevision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: restoreRevision,
    // The blog, its lists and its revisions all changed; the editor takes the blog as saved
    // from the answer (RevisionsPanel's onRestored).
    onSettled: (_saved, _error, { blogId }) =>
      blogWritten(queryClient, blogId, { fromEditor: true }),
  });
}

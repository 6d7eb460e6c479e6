import type { BlogRevision, MyBlog } from '@folio/schema';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
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
 * whatever the blog holds now. The blog's ETag moves on, so the editor reads it again.
 */
export function restoreRevision({ blogId, revisionId }: { blogId: number; revisionId: number }) {
  return apiRequest<MyBlog>(`/blogs/${blogId}/revisions/${revisionId}/restore`, {
    method: 'POST',
  });
}

export function useRestoreRevision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: restoreRevision,
    // The blog, its lists and its revisions all changed.
    // Not awaited: the caller's own callbacks (a toast, the editor's update) run before the
    // lists read afresh and the row that asked may be gone.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: myBlogsKey() });
    },
  });
}

import type { MyBlog } from '@folio/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { blogWritten } from '../../../lib/api/blog-writes';

/** Takes the blog out of the trash, in the state it had. */
export function restoreBlog(id: number) {
  return apiRequest<MyBlog>(`/blogs/${id}/restore`, { method: 'POST' });
}

export function useRestoreBlog() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: restoreBlog,
    // Not awaited: the caller's own callbacks (a toast, the editor's update) run before the
    // lists read afresh and the row that asked may be gone.
    onSettled: (_blog, _error, id) => blogWritten(queryClient, id),
  });
}

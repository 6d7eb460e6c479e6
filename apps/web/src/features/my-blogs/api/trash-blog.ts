import type { MyBlog } from '@folio/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { blogWritten } from '../../../lib/api/blog-writes';

/** Moves the blog to the trash, where it can be restored for 30 days. */
export function trashBlog(id: number) {
  return apiRequest<MyBlog>(`/blogs/${id}`, { method: 'DELETE' });
}

export function useTrashBlog() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: trashBlog,
    // Not awaited: the caller's own callbacks (a toast, the editor's update) run before the
    // lists read afresh and the row that asked may be gone.
    onSettled: (_blog, _error, id) => blogWritten(queryClient, id),
  });
}

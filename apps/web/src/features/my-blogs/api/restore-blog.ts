import type { MyBlog } from '@folio/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { myBlogsKey } from '../../../lib/api/my-blogs-key';

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
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: myBlogsKey() });
    },
  });
}

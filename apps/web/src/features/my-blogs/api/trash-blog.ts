import type { MyBlog } from '@folio/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { myBlogsKey } from '../../../lib/api/my-blogs-key';

/** Moves the blog to the trash, where it can be restored for 30 days. */
export function trashBlog(id: number) {
  return apiRequest<MyBlog>(`/blogs/${id}`, { method: 'DELETE' });
}

export function useTrashBlog() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: trashBlog,
    onSettled: () => queryClient.invalidateQueries({ queryKey: myBlogsKey() }),
  });
}

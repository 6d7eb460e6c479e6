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
    onSettled: () => queryClient.invalidateQueries({ queryKey: myBlogsKey() }),
  });
}

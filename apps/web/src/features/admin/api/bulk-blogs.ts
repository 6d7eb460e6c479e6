import type { BulkBlogs, BulkResult } from '@folio/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { blogsWritten } from '../../../lib/api/blog-writes';
import { adminBlogsKey } from './get-admin-blogs';

export function bulkBlogs(body: BulkBlogs) {
  return apiRequest<BulkResult>('/admin/blogs/bulk', { method: 'POST', body });
}

export function useBulkBlogs() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bulkBlogs,
    // Not awaited: the toast shows without waiting for the lists to read afresh.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: adminBlogsKey() });
      blogsWritten(queryClient);
    },
  });
}

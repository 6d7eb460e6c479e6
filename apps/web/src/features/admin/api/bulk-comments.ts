import type { BulkComments, BulkResult } from '@folio/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { CONTENT_KEYS } from '../../../lib/api/content-keys';
import { adminCommentsKey } from './get-admin-comments';

export function bulkComments(body: BulkComments) {
  return apiRequest<BulkResult>('/admin/comments/bulk', { method: 'POST', body });
}

/** Deletes comments or dismisses their reports: the table and the queue read afresh. */
export function useBulkComments() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bulkComments,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: adminCommentsKey() });
      // A blog's comment count changes with a delete.
      void queryClient.invalidateQueries({ queryKey: CONTENT_KEYS.blogs });
    },
  });
}

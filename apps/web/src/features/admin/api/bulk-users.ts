import type { BulkResult, BulkUsersBody } from '@folio/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { userWritten } from './user-written';

/** As sent: `all` carries the filter as the URL has it (`roleId` a string, like a query's). */
export type BulkUsersRequest = z.input<typeof BulkUsersBody>;

export function bulkUsers(body: BulkUsersRequest) {
  return apiRequest<BulkResult>('/admin/users/bulk', { method: 'POST', body });
}

export function useBulkUsers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bulkUsers,
    // Not awaited: the caller's toast shows without waiting for the lists to read afresh.
    onSettled: () => void userWritten(queryClient),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { roleWritten } from './role-written';

export function deleteRole(id: number) {
  return apiRequest<null>(`/admin/roles/${id}`, { method: 'DELETE' });
}

export function useDeleteRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteRole,
    // Not awaited: the caller's own callbacks (a toast, leaving the form) run without waiting
    // for the list to read afresh.
    onSettled: () => void roleWritten(queryClient),
  });
}

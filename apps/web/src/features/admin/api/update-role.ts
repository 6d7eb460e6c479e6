import type { Role, UpdateRole } from '@folio/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { roleWritten } from './role-written';

export function updateRole({ id, body }: { id: number; body: UpdateRole }) {
  return apiRequest<Role>(`/admin/roles/${id}`, { method: 'PATCH', body });
}

export function useUpdateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRole,
    // Not awaited: the caller's own callbacks (a toast, leaving the form) run without waiting
    // for the list to read afresh.
    onSettled: () => void roleWritten(queryClient),
  });
}

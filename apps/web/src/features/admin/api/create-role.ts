import type { CreateRole, Role } from '@folio/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { roleWritten } from './role-written';

export function createRole(body: CreateRole) {
  return apiRequest<Role>('/admin/roles', { method: 'POST', body });
}

export function useCreateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRole,
    // Not awaited: the caller's own callbacks (a toast, leaving the form) run without waiting
    // for the list to read afresh.
    onSettled: () => void roleWritten(queryClient),
  });
}

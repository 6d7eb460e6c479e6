import type { UserRoles } from '@folio/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { meQueryOptions } from '../../../lib/api/get-me';
import { rolesQueryOptions } from './get-roles';
import { userWritten } from './user-written';

export function setUserRoles({ userId, roleIds }: { userId: number; roleIds: number[] }) {
  return apiRequest<UserRoles>(`/admin/users/${userId}/roles`, {
    method: 'PUT',
    body: { roleIds },
  });
}

/**
 * After a change of someone's roles: the users (their roles), the roles (their holders) and the
 * viewer's own permissions, when it was their own roles, read afresh.
 */
export function useSetUserRoles() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setUserRoles,
    onSettled: () =>
      void Promise.all([
        userWritten(queryClient),
        queryClient.invalidateQueries(rolesQueryOptions()),
        queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey, exact: true }),
      ]),
  });
}

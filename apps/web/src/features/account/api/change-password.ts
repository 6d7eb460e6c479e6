import { AcceptedSchema } from '@folio/schema';
import type { ChangePassword } from '@folio/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sessionsQueryOptions } from './get-sessions';

export function changePassword(body: ChangePassword) {
  return apiRequest('/me/password', { method: 'POST', schema: AcceptedSchema, body });
}

/** Every other session ends with the old password. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries(sessionsQueryOptions()),
  });
}

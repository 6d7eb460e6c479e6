import type { Accepted, ChangePassword } from '@folio/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sessionsQueryOptions } from './get-sessions';

export function changePassword(body: ChangePassword) {
  return apiRequest<Accepted>('/me/password', { method: 'POST', body });
}

/** Every other session ends with the old password. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries(sessionsQueryOptions()),
  });
}

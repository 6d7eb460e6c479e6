import type { Me } from '@folio/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { meQueryOptions } from '../../../lib/api/get-me';

/** Unbinds a way of logging in; the API refuses the last one (LAST_LOGIN_METHOD). */
export function removeIdentity(id: number) {
  return apiRequest<Me>(`/me/identities/${id}`, { method: 'DELETE' });
}

export function useRemoveIdentity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeIdentity,
    onSuccess: (me) => queryClient.setQueryData(meQueryOptions().queryKey, me),
  });
}

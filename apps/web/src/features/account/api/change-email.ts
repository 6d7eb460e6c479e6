import type { Me } from '@folio/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { meQueryOptions } from '../../../lib/api/get-me';

/** Sends a link to the new address; the account shows it as pending until it is followed. */
export function changeEmail(email: string) {
  return apiRequest<Me>('/me/email', { method: 'POST', body: { email } });
}

export function useChangeEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeEmail,
    onSuccess: (me) => queryClient.setQueryData(meQueryOptions().queryKey, me),
  });
}

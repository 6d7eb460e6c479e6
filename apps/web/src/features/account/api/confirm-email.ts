import type { EmailChanged } from '@folio/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { meQueryOptions } from '../../../lib/api/get-me';

/** Needs no login: the token names the account. */
export function confirmEmail(token: string) {
  return apiRequest<EmailChanged>('/me/email/confirm', {
    method: 'POST',
    body: { token },
    onUnauthorized: 'throw',
  });
}

export function useConfirmEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmEmail,
    onSuccess: () => queryClient.invalidateQueries(meQueryOptions()),
  });
}

import { EmailChangedSchema } from '@folio/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { meQueryOptions } from '../../../lib/api/get-me';

/** Needs no login: the token names the account. */
export function confirmEmail(token: string) {
  return apiRequest('/me/email/confirm', {
    method: 'POST',
    schema: EmailChangedSchema,
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

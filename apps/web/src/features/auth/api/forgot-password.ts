import type { Accepted } from '@folio/schema';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export function forgotPassword(account: string) {
  return apiRequest<Accepted>('/auth/password/forgot', {
    method: 'POST',
    body: { account },
  });
}

export function useForgotPassword() {
  return useMutation({ mutationFn: forgotPassword });
}

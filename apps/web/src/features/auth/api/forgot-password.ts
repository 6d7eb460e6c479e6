import { AcceptedSchema } from '@folio/schema';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export function forgotPassword(account: string) {
  return apiRequest('/auth/password/forgot', {
    method: 'POST',
    schema: AcceptedSchema,
    body: { account },
  });
}

export function useForgotPassword() {
  return useMutation({ mutationFn: forgotPassword });
}

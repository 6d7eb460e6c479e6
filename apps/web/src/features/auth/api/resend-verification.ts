import { AcceptedSchema } from '@folio/schema';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export function resendVerification(email: string) {
  return apiRequest('/auth/verify-email/resend', {
    method: 'POST',
    schema: AcceptedSchema,
    body: { email },
  });
}

export function useResendVerification() {
  return useMutation({ mutationFn: resendVerification });
}

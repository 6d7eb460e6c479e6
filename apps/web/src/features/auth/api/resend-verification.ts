import type { Accepted } from '@folio/schema';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export function resendVerification(email: string) {
  return apiRequest<Accepted>('/auth/verify-email/resend', {
    method: 'POST',
    body: { email },
  });
}

export function useResendVerification() {
  return useMutation({ mutationFn: resendVerification });
}

import type { AuthResult } from '@folio/schema';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { setSession } from '../../../lib/auth-store';

export function verifyEmail(token: string) {
  return apiRequest<AuthResult>('/auth/verify-email', {
    method: 'POST',
    body: { token },
  });
}

export function useVerifyEmail() {
  return useMutation({ mutationFn: verifyEmail, onSuccess: setSession });
}

import type { Accepted, RegisterEmail } from '@folio/schema';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export function registerEmail(body: RegisterEmail) {
  return apiRequest<Accepted>('/auth/register/email', { method: 'POST', body });
}

export function useRegisterEmail() {
  return useMutation({ mutationFn: registerEmail });
}

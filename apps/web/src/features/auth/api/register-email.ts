import { AcceptedSchema } from '@folio/schema';
import type { RegisterEmail } from '@folio/schema';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export function registerEmail(body: RegisterEmail) {
  return apiRequest('/auth/register/email', { method: 'POST', schema: AcceptedSchema, body });
}

export function useRegisterEmail() {
  return useMutation({ mutationFn: registerEmail });
}

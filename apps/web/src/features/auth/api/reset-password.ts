import { AcceptedSchema } from '@folio/schema';
import type { ResetPassword } from '@folio/schema';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export function resetPassword(body: ResetPassword) {
  return apiRequest('/auth/password/reset', { method: 'POST', schema: AcceptedSchema, body });
}

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword });
}

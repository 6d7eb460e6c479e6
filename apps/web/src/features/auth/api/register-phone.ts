import { AuthResultSchema } from '@folio/schema';
import type { RegisterPhone } from '@folio/schema';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { setSession } from '../../../lib/auth-store';

export function registerPhone(body: RegisterPhone) {
  return apiRequest('/auth/register/phone', { method: 'POST', schema: AuthResultSchema, body });
}

export function useRegisterPhone() {
  return useMutation({ mutationFn: registerPhone, onSuccess: setSession });
}

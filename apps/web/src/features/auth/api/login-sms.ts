import { AuthResultSchema } from '@folio/schema';
import type { LoginSms } from '@folio/schema';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { setSession } from '../../../lib/auth-store';

export function loginSms(body: LoginSms) {
  return apiRequest('/auth/login/sms', { method: 'POST', schema: AuthResultSchema, body });
}

export function useLoginSms() {
  return useMutation({ mutationFn: loginSms, onSuccess: setSession });
}

import { SmsCodeResultSchema } from '@folio/schema';
import type { SmsCodeRequest } from '@folio/schema';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../api-client';

export function requestSmsCode(body: SmsCodeRequest) {
  return apiRequest('/auth/sms-codes', { method: 'POST', schema: SmsCodeResultSchema, body });
}

export function useRequestSmsCode() {
  return useMutation({ mutationFn: requestSmsCode });
}

import type { SmsCodeRequest, SmsCodeResult } from '@folio/schema';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../api-client';

export function requestSmsCode(body: SmsCodeRequest) {
  return apiRequest<SmsCodeResult>('/auth/sms-codes', { method: 'POST', body });
}

export function useRequestSmsCode() {
  return useMutation({ mutationFn: requestSmsCode });
}

import type { AuthResult, LoginSms } from '@folio/schema';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { setSession } from '../../../lib/auth-store';

export function loginSms(body: LoginSms) {
  return apiRequest<AuthResult>('/auth/login/sms', { method: 'POST', body });
}

/**
 * `onLoggedIn` runs with the session: unlike `mutate`'s callbacks it runs even though the
 * login page goes away as soon as someone is logged in.
 */
export function useLoginSms(onLoggedIn?: (result: AuthResult) => void) {
  return useMutation({
    mutationFn: loginSms,
    onSuccess: (result) => {
      setSession(result);
      onLoggedIn?.(result);
    },
  });
}

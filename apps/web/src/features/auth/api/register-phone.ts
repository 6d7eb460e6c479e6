import type { AuthResult, RegisterPhone } from '@folio/schema';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { setSession } from '../../../lib/auth-store';

export function registerPhone(body: RegisterPhone) {
  return apiRequest<AuthResult>('/auth/register/phone', { method: 'POST', body });
}

/**
 * `onLoggedIn` runs with the session: unlike `mutate`'s callbacks it runs even though the
 * login page goes away as soon as someone is logged in.
 */
export function useRegisterPhone(onLoggedIn?: (result: AuthResult) => void) {
  return useMutation({
    mutationFn: registerPhone,
    onSuccess: (result) => {
      setSession(result);
      onLoggedIn?.(result);
    },
  });
}

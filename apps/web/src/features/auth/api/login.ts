import type { AuthResult, Login } from '@folio/schema';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { setSession } from '../../../lib/auth-store';

export function login(body: Login) {
  return apiRequest<AuthResult>('/auth/login', { method: 'POST', body });
}

/**
 * `onLoggedIn` runs with the session: unlike `mutate`'s callbacks it runs even though the
 * login page goes away as soon as someone is logged in.
 */
export function useLogin(onLoggedIn?: (result: AuthResult) => void) {
  return useMutation({
    mutationFn: login,
    onSuccess: (result) => {
      setSession(result);
      onLoggedIn?.(result);
    },
  });
}

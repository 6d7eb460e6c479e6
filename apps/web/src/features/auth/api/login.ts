import { AuthResultSchema } from '@folio/schema';
import type { Login } from '@folio/schema';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { setSession } from '../../../lib/auth-store';

export function login(body: Login) {
  return apiRequest('/auth/login', { method: 'POST', schema: AuthResultSchema, body });
}

export function useLogin() {
  return useMutation({ mutationFn: login, onSuccess: setSession });
}

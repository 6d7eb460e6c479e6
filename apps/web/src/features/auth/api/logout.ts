import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export function logout() {
  return apiRequest<unknown>('/auth/logout', {
    method: 'POST',
    onUnauthorized: 'throw',
  });
}

/** The caller leaves the account pages, then forgets the session whether or not the API heard. */
export function useLogout() {
  return useMutation({ mutationFn: logout });
}

import type { Accepted } from '@folio/schema';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export function deleteMe(password: string) {
  return apiRequest<Accepted>('/me', { method: 'DELETE', body: { password } });
}

/** The caller leaves the account pages, then forgets the session. */
export function useDeleteMe() {
  return useMutation({ mutationFn: deleteMe });
}

import { AcceptedSchema } from '@folio/schema';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export function deleteMe(password: string) {
  return apiRequest('/me', { method: 'DELETE', schema: AcceptedSchema, body: { password } });
}

/** The caller leaves the account pages, then forgets the session. */
export function useDeleteMe() {
  return useMutation({ mutationFn: deleteMe });
}

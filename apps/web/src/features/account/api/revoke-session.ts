import { AcceptedSchema } from '@folio/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sessionsQueryOptions } from './get-sessions';

export function revokeSession(id: string) {
  return apiRequest(`/me/sessions/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    schema: AcceptedSchema,
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeSession,
    onSettled: () => queryClient.invalidateQueries(sessionsQueryOptions()),
  });
}

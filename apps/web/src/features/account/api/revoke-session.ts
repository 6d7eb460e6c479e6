import type { Accepted } from '@folio/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sessionsQueryOptions } from './get-sessions';

export function revokeSession(id: string) {
  return apiRequest<Accepted>(`/me/sessions/${encodeURIComponent(id)}`, {
    method: 'DELETE',
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeSession,
    onSettled: () => queryClient.invalidateQueries(sessionsQueryOptions()),
  });
}

import type { SessionsRevoked } from '@folio/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sessionsQueryOptions } from './get-sessions';

/** Logs out everywhere else; this session stays. */
export function revokeOtherSessions() {
  return apiRequest<SessionsRevoked>('/me/sessions', { method: 'DELETE' });
}

export function useRevokeOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeOtherSessions,
    onSettled: () => queryClient.invalidateQueries(sessionsQueryOptions()),
  });
}

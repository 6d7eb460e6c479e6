import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { userWritten } from './user-written';

export function revokeUserSession({ userId, sid }: { userId: number; sid: string }) {
  return apiRequest<null>(`/admin/users/${userId}/sessions/${encodeURIComponent(sid)}`, {
    method: 'DELETE',
  });
}

export function useRevokeUserSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeUserSession,
    onSettled: () => void userWritten(queryClient),
  });
}

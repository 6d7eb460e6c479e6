import type { UnreadCount } from '@folio/schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { useAuth } from '../../../lib/auth-context';
import { notificationsKey } from './notifications-key';

export function fetchUnreadCount(signal?: AbortSignal) {
  return apiRequest<UnreadCount>('/me/notifications/unread-count', { signal });
}

export function unreadCountQueryOptions() {
  return queryOptions({
    queryKey: [...notificationsKey(), 'unread'],
    queryFn: ({ signal }) => fetchUnreadCount(signal),
  });
}

export function useUnreadCount() {
  const { status } = useAuth();
  return useQuery({ ...unreadCountQueryOptions(), enabled: status === 'authenticated' });
}

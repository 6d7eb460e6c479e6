import type { UnreadCount } from '@folio/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { unreadCountQueryOptions } from './get-unread-count';
import { notificationsKey } from './notifications-key';

export function markNotificationRead(id: number) {
  return apiRequest<UnreadCount>(`/me/notifications/${id}/read`, { method: 'POST' });
}

export function markAllNotificationsRead() {
  return apiRequest<UnreadCount>('/me/notifications/read-all', { method: 'POST' });
}

export function deleteNotification(id: number) {
  return apiRequest<UnreadCount>(`/me/notifications/${id}`, { method: 'DELETE' });
}

/** Each change answers the unread count: the bell takes it at once, the list reads afresh. */
function useNotificationChange<V>(change: (value: V) => Promise<UnreadCount>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (count) => queryClient.setQueryData(unreadCountQueryOptions().queryKey, count),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...notificationsKey(), 'list'] }),
  });
}

export const useMarkNotificationRead = () => useNotificationChange(markNotificationRead);
export const useMarkAllNotificationsRead = () =>
  useNotificationChange((_: void) => markAllNotificationsRead());
export const useDeleteNotification = () => useNotificationChange(deleteNotification);

import type { NotificationListParams, NotificationPage } from '@folio/schema';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { notificationsKey } from './notifications-key';

export function fetchNotifications(params: NotificationListParams, signal?: AbortSignal) {
  return apiRequest<NotificationPage>('/me/notifications', { query: params, signal });
}

export function notificationsQueryOptions(params: NotificationListParams) {
  return queryOptions({
    queryKey: [...notificationsKey(), 'list', params],
    queryFn: ({ signal }) => fetchNotifications(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useNotifications(params: NotificationListParams) {
  return useQuery(notificationsQueryOptions(params));
}

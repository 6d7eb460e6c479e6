import type { SiteSettings, SiteSettingsDefaults } from '@folio/schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { adminKey } from './admin-key';

export function fetchSettings(signal?: AbortSignal) {
  return apiRequest<SiteSettings>('/admin/settings', { signal });
}

export function settingsQueryOptions() {
  return queryOptions({
    queryKey: [...adminKey(), 'settings'],
    queryFn: ({ signal }) => fetchSettings(signal),
    // Without the permission any more, the page shows the no-access state instead.
    meta: { showsForbidden: true },
  });
}

export function useSettings() {
  return useQuery(settingsQueryOptions());
}

/** The server environment's values, and which settings staff set instead. */
export function settingsDefaultsQueryOptions() {
  return queryOptions({
    queryKey: [...adminKey(), 'settings', 'defaults'],
    queryFn: ({ signal }) =>
      apiRequest<SiteSettingsDefaults>('/admin/settings/defaults', { signal }),
    meta: { showsForbidden: true },
  });
}

export function useSettingsDefaults() {
  return useQuery(settingsDefaultsQueryOptions());
}

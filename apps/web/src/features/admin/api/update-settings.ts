import type { SiteSettings, UpdateSiteSettings } from '@folio/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { siteQueryOptions } from '../../../lib/api/get-site';
import { settingsDefaultsQueryOptions, settingsQueryOptions } from './get-settings';

export function updateSettings(body: UpdateSiteSettings) {
  return apiRequest<SiteSettings>('/admin/settings', { method: 'PATCH', body });
}

/** Saves a change; the form shows the settings as the API answers, the public site reads afresh. */
export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSettings,
    onSuccess: (settings) => {
      queryClient.setQueryData(settingsQueryOptions().queryKey, settings);
      // A setting saved is stored from now on, even at the server's value.
      void queryClient.invalidateQueries(settingsDefaultsQueryOptions());
      void queryClient.invalidateQueries(siteQueryOptions());
    },
  });
}

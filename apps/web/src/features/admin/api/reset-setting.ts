import type { SettingName, SiteSettings } from '@folio/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { siteQueryOptions } from '../../../lib/api/get-site';
import { settingsDefaultsQueryOptions, settingsQueryOptions } from './get-settings';

export function resetSetting(name: SettingName) {
  return apiRequest<SiteSettings>(`/admin/settings/${encodeURIComponent(name)}`, {
    method: 'DELETE',
  });
}

/** Back to the server's value: the form shows the settings as the API answers them. */
export function useResetSetting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetSetting,
    onSuccess: (settings) => {
      queryClient.setQueryData(settingsQueryOptions().queryKey, settings);
      void queryClient.invalidateQueries(settingsDefaultsQueryOptions());
      void queryClient.invalidateQueries(siteQueryOptions());
    },
  });
}

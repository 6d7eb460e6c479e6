import type { Captcha } from '@folio/schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../api-client';

export function fetchCaptcha(signal?: AbortSignal) {
  return apiRequest<Captcha>('/captcha', { signal });
}

/**
 * A captcha answers one check only, so each form gets its own (`scope`), it never refetches by
 * itself, and it is dropped when the form goes away: the next visit draws a new one.
 */
export function captchaQueryOptions(scope: string) {
  return queryOptions({
    queryKey: ['captcha', scope],
    queryFn: ({ signal }) => fetchCaptcha(signal),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function useCaptcha(scope: string, enabled = true) {
  return useQuery({ ...captchaQueryOptions(scope), enabled });
}

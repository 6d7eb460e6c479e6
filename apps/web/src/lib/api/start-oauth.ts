import type { OAuthStart } from '@folio/schema';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../api-client';

export interface StartOAuth {
  provider: string;
  intent: 'login' | 'bind';
  /** Where to come back to: a local path. */
  next?: string;
}

export function startOAuth({ provider, intent, next }: StartOAuth) {
  return apiRequest<OAuthStart>(`/auth/oauth/${encodeURIComponent(provider)}/start`, {
    query: { intent, next },
  });
}

/** Asks the API for the provider's authorization address, then leaves for it. */
export function useStartOAuth() {
  return useMutation({
    mutationFn: startOAuth,
    onSuccess: ({ url }) => window.location.assign(url),
  });
}

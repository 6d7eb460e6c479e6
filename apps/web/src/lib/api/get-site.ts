import type { SiteInfo } from '@folio/schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../api-client';

export function fetchSite(signal?: AbortSignal) {
  return apiRequest<SiteInfo>('/site', { signal });
}

/** What the public site needs of the settings staff change: its name, registration, comments. */
export function siteQueryOptions() {
  return queryOptions({
    queryKey: ['site'],
    queryFn: ({ signal }) => fetchSite(signal),
    staleTime: 60_000,
    // Every page asks for the site's name; without an answer it is Folio, and comments and
    // registration go by what their own requests answer.
    meta: { quiet: true },
  });
}

export function useSite() {
  return useQuery(siteQueryOptions());
}

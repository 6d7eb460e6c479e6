import type { AuthorListParams, AuthorPage } from '@folio/schema';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { CONTENT_KEYS } from '../../../lib/api/content-keys';

export function fetchAuthors(params: AuthorListParams, signal?: AbortSignal) {
  return apiRequest<AuthorPage>('/authors', { query: params, signal });
}

export function authorsQueryOptions(params: AuthorListParams) {
  return queryOptions({
    queryKey: [...CONTENT_KEYS.authors, 'list', params],
    queryFn: ({ signal }) => fetchAuthors(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAuthors(params: AuthorListParams) {
  return useQuery(authorsQueryOptions(params));
}

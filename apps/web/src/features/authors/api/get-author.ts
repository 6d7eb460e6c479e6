import type { Author } from '@folio/schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { CONTENT_KEYS } from '../../../lib/api/content-keys';

export function fetchAuthor(id: number, signal?: AbortSignal) {
  return apiRequest<Author>(`/authors/${id}`, { signal });
}

export function authorQueryOptions(id: number) {
  return queryOptions({
    queryKey: [...CONTENT_KEYS.authors, 'detail', id],
    queryFn: ({ signal }) => fetchAuthor(id, signal),
    meta: { showsNotFound: true },
  });
}

export function useAuthor(id: number) {
  return useQuery(authorQueryOptions(id));
}

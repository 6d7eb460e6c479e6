import type { AdminAuthor, CreateAuthor, UpdateAuthor } from '@folio/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { CONTENT_KEYS } from '../../../lib/api/content-keys';
import { adminAuthorsKey } from './get-admin-authors';

export function createAuthor(body: CreateAuthor) {
  return apiRequest<AdminAuthor>('/admin/authors', { method: 'POST', body });
}

export function updateAuthor({ id, body }: { id: number; body: UpdateAuthor }) {
  return apiRequest<AdminAuthor>(`/admin/authors/${id}`, { method: 'PATCH', body });
}

/** An author's name shows on the public site too: its author pages and blogs read afresh. */
function authorWritten(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: adminAuthorsKey() });
  void queryClient.invalidateQueries({ queryKey: CONTENT_KEYS.authors });
  void queryClient.invalidateQueries({ queryKey: CONTENT_KEYS.blogs });
}

export function useCreateAuthor() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createAuthor, onSettled: () => authorWritten(queryClient) });
}

export function useUpdateAuthor() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateAuthor, onSettled: () => authorWritten(queryClient) });
}

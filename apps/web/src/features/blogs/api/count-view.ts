import type { BlogView } from '@folio/schema';
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiRequest } from '../../../lib/api-client';

export function countView(id: number) {
  return apiRequest<BlogView>(`/blogs/${id}/views`, { method: 'POST' });
}

/**
 * Reports a view of the blog once it is shown. A POST of its own, so the blog's GET stays a
 * cached answer; the API counts each visitor once an hour, so a second report (a remount) is
 * harmless. A failure is not the reader's concern: nothing is shown.
 */
export function useCountView(id: number, shown: boolean) {
  const { mutate } = useMutation({ mutationFn: countView });
  useEffect(() => {
    if (shown) mutate(id);
  }, [id, shown, mutate]);
}

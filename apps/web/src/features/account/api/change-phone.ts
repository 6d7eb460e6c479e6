import type { z } from 'zod';
import type { ChangePhoneBody, Me } from '@folio/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { meQueryOptions } from '../../../lib/api/get-me';

export function changePhone(body: z.infer<typeof ChangePhoneBody>) {
  return apiRequest<Me>('/me/phone', { method: 'POST', body });
}

export function useChangePhone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePhone,
    onSuccess: (me) => queryClient.setQueryData(meQueryOptions().queryKey, me),
  });
}

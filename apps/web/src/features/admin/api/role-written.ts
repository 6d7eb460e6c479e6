import type { QueryClient } from '@tanstack/react-query';
import { meQueryOptions } from '../../../lib/api/get-me';
import { rolesQueryOptions } from './get-roles';

/**
 * After a role changed: the list reads afresh (names, holders), and so do the person's own
 * permissions, which the role may have granted them.
 */
export function roleWritten(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries(rolesQueryOptions()),
    queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey, exact: true }),
  ]);
}

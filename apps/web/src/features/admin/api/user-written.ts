import type { QueryClient } from '@tanstack/react-query';
import { adminKey } from './admin-key';
import { usersKey } from './users-key';

/**
 * After staff changed users: the table and the users' pages read afresh, and so does the audit
 * log they read, which has a new entry.
 */
export function userWritten(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: usersKey() }),
    queryClient.invalidateQueries({ queryKey: [...adminKey(), 'audit'] }),
  ]);
}

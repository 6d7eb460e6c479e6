import { adminKey } from './admin-key';

/** Where every query about users lives: the table's pages and each user's page. */
export function usersKey() {
  return [...adminKey(), 'users'] as const;
}

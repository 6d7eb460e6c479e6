import { meQueryOptions } from '../../../lib/api/get-me';

/** Every notifications query starts with this key, under the account's: logout forgets them. */
export const notificationsKey = () => [...meQueryOptions().queryKey, 'notifications'] as const;

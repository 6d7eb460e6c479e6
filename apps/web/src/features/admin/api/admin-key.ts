import { meQueryOptions } from '../../../lib/api/get-me';

/**
 * Where every admin query lives. It sits under `me`: what staff were shown goes with their
 * session when they log out, and the next person on this browser reads it afresh.
 */
export function adminKey() {
  return [...meQueryOptions().queryKey, 'admin'] as const;
}

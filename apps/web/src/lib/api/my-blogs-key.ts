import { meQueryOptions } from './get-me';

/**
 * Where every query about the person's own blogs lives (their lists, one blog to edit, its
 * revisions): a write invalidates this one key and every view of their blogs reads afresh. It
 * sits under `me`, so logging out forgets them with the account.
 */
export function myBlogsKey() {
  return [...meQueryOptions().queryKey, 'blogs'] as const;
}

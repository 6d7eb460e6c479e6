import type { QueryClient } from '@tanstack/react-query';
import { CONTENT_KEYS } from './content-keys';
import { myBlogsKey } from './my-blogs-key';

/** Every blog as its editor holds it. */
export function editedBlogsKey() {
  return ['writing', 'blog'] as const;
}

/** The blog as its editor holds it (read once, then kept by the editor's own saves). */
export function editedBlogKey(id: number) {
  return [...editedBlogsKey(), id] as const;
}

/**
 * The one place that says what a write to a blog (a save, a trash, a restore, a revision's
 * restore) makes stale: the person's own lists and revisions, and every public read (unless
 * the blog was a draft before and after: nobody else saw it). The open ones read afresh, the
 * others at their next use. The editor's copy of the blog is dropped unless the write came from
 * the editor, which keeps it itself (refetching it there would replace the fields under the
 * writer's hands).
 */
export function blogWritten(
  queryClient: QueryClient,
  id: number,
  { fromEditor = false, public: seen = true }: { fromEditor?: boolean; public?: boolean } = {},
): void {
  if (!fromEditor) queryClient.removeQueries({ queryKey: editedBlogKey(id) });
  const stale = seen ? [myBlogsKey(), ...Object.values(CONTENT_KEYS)] : [myBlogsKey()];
  for (const queryKey of stale) void queryClient.invalidateQueries({ queryKey });
}

/**
 * After a write to blogs not named one by one (a moderator's bulk action on every blog a filter
 * matches): every edited copy, the person's own lists and every public read.
 */
export function blogsWritten(queryClient: QueryClient): void {
  queryClient.removeQueries({ queryKey: editedBlogsKey() });
  for (const queryKey of [myBlogsKey(), ...Object.values(CONTENT_KEYS)]) {
    void queryClient.invalidateQueries({ queryKey });
  }
}

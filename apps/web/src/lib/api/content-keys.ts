/**
 * Roots of the public reads a write to a blog can change: blog pages and lists, tags (their
 * counts and pages) and authors (their counts). Every feature's public query key starts with one;
 * `blogWritten` (lib/api/blog-writes) makes them stale.
 */
export const CONTENT_KEYS = {
  blogs: ['blogs'],
  tags: ['tags'],
  authors: ['authors'],
} as const;

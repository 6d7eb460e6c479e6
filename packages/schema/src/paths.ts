// No zod here: the SPA's first load imports this module and nothing else of the package's schemas.

/** A `next` redirect target that stays on this site: a path, never a scheme or another host. */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return fallback;
  }
  if (next.includes('\\') || [...next].some((c) => c.charCodeAt(0) < 0x20)) return fallback;
  return next;
}

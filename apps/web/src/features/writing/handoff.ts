import type { BlogDraft } from './blog-draft';
import type { VersionedBlog } from './api/get-my-blog';

/**
 * What the new-blog page hands the edit page when its first save gives the blog an address: the
 * fields as they are (with what was typed while saving), so the switch loses nothing.
 */
export interface EditorHandoff extends VersionedBlog {
  saved: BlogDraft;
  current: BlogDraft;
  selection?: { anchor: number; head: number };
  savedAt: Date;
}

/**
 * The switch is one navigation, made right after the handoff is left. A handoff older than this
 * was never taken (the person went elsewhere first) and describes fields that may have changed
 * since: the edit page loads the blog instead.
 */
export const HANDOFF_FRESH_MS = 5000;

let slot: { handoff: EditorHandoff; at: number } | null = null;

export function handOff(handoff: EditorHandoff, now = Date.now()): void {
  slot = { handoff, at: now };
}

/** The handoff for blog `id`, if the page that created it has just left one. */
export function peekHandoff(id: number, now = Date.now()): EditorHandoff | null {
  if (!slot) return null;
  if (now - slot.at > HANDOFF_FRESH_MS) {
    slot = null;
    return null;
  }
  return slot.handoff.blog.id === id ? slot.handoff : null;
}

/** Taken, or not to be: the page that left it did not switch. */
export function clearHandoff(id?: number): void {
  if (id === undefined || slot?.handoff.blog.id === id) slot = null;
}

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

let slot: EditorHandoff | null = null;

export function handOff(handoff: EditorHandoff): void {
  slot = handoff;
}

/** The handoff for blog `id`, if the page that created it just left one. */
export function peekHandoff(id: number): EditorHandoff | null {
  return slot?.blog.id === id ? slot : null;
}

export function clearHandoff(id: number): void {
  if (slot?.blog.id === id) slot = null;
}

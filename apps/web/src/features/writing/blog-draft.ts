import type { MyBlog, Upload, UpdateBlog } from '@folio/schema';
import { fromLocalInput, toLocalInput } from './schedule';

/** What the writing page edits, as its fields hold it. */
export interface BlogDraft {
  title: string;
  /** Markdown. */
  content: string;
  excerpt: string;
  tags: string[];
  cover: Upload | null;
  /** The publication time as the `datetime-local` input holds it; empty for "now". */
  pubAt: string;
}

export const EMPTY_DRAFT: BlogDraft = {
  title: '',
  content: '',
  excerpt: '',
  tags: [],
  cover: null,
  pubAt: '',
};

/**
 * A saved blog as the fields show it. A draft's time is when it was saved, not a chosen one: it
 * stays empty, so publishing it publishes it then.
 */
export function draftOf(blog: MyBlog): BlogDraft {
  return {
    title: blog.title,
    content: blog.content,
    excerpt: blog.excerpt,
    tags: blog.tags.map((tag) => tag.name),
    cover: blog.cover,
    pubAt: blog.status === 'draft' ? '' : toLocalInput(blog.pubDate),
  };
}

const sameTags = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((tag, i) => tag === b[i]);

/** The fields of `current` that differ from `saved`, as a PATCH body (the time aside). */
export function changedFields(saved: BlogDraft, current: BlogDraft): UpdateBlog {
  const body: UpdateBlog = {};
  if (saved.title !== current.title) body.title = current.title;
  if (saved.content !== current.content) body.content = current.content;
  if (saved.excerpt !== current.excerpt) body.excerpt = current.excerpt;
  if (!sameTags(saved.tags, current.tags)) body.tags = current.tags;
  if ((saved.cover?.id ?? null) !== (current.cover?.id ?? null)) {
    body.coverId = current.cover?.id ?? null;
  }
  return body;
}

export function hasChanges(saved: BlogDraft, current: BlogDraft): boolean {
  return Object.keys(changedFields(saved, current)).length > 0 || saved.pubAt !== current.pubAt;
}

/** Every field, for a new blog or to overwrite a version saved elsewhere. */
export function allFields(
  current: BlogDraft,
): Required<Omit<UpdateBlog, 'status' | 'pubDate' | 'commentsOpen'>> {
  return {
    title: current.title,
    content: current.content,
    excerpt: current.excerpt,
    tags: current.tags,
    coverId: current.cover?.id ?? null,
  };
}

/** The time to send: the chosen one (when it is a time), else none and the API takes "now". */
export function pubDateOf(current: BlogDraft): string | undefined {
  return fromLocalInput(current.pubAt) ?? undefined;
}

/**
 * What goes to the API when saving `current`: a draft keeps no time; publishing sends the chosen
 * time, or none for now; a published blog sends its time only when it was changed.
 */
export function saveBody(
  saved: BlogDraft,
  current: BlogDraft,
  intent: 'draft' | 'publish' | 'update',
  full = false,
): UpdateBlog {
  const body: UpdateBlog = full ? allFields(current) : changedFields(saved, current);
  if (intent === 'draft') return { ...body, status: 'draft' };
  if (intent === 'publish') {
    const pubDate = pubDateOf(current);
    return { ...body, status: 'published', ...(pubDate && { pubDate }) };
  }
  if (saved.pubAt !== current.pubAt || full) {
    const pubDate = pubDateOf(current);
    if (pubDate) body.pubDate = pubDate;
  }
  return body;
}

import { LIMITS, MY_BLOG_STATUSES, PageQuery } from '@folio/schema';
import type { MyBlogListParams, MyBlogStatus, MyBlogSummary } from '@folio/schema';
import { z } from 'zod';

/** The tabs in their order; a visit without `?status=` (or with an unknown one) opens the first. */
export const MY_BLOG_TABS = MY_BLOG_STATUSES;
export const DEFAULT_TAB: MyBlogStatus = 'draft';

/** The page's URL: its tab, page and size; anything the API would refuse falls back to a default. */
export const MyBlogsSearch = PageQuery.extend({
  status: z.enum(MY_BLOG_STATUSES).default(DEFAULT_TAB),
});
export type MyBlogsSearchParams = z.output<typeof MyBlogsSearch>;

/** What to ask the API for: scheduled blogs soonest first (the next to go out on top), others newest. */
export function listParams({ status, page, perPage }: MyBlogsSearchParams): MyBlogListParams {
  return { status, page, perPage, sort: status === 'scheduled' ? 'pubDate' : '-pubDate' };
}

/** The `?…` of a tab's link: the list's size stays, its page starts again, the first tab is implicit. */
export function tabSearch(current: string, status: MyBlogStatus): string {
  const next = new URLSearchParams(current);
  next.delete('page');
  if (status === DEFAULT_TAB) next.delete('status');
  else next.set('status', status);
  const text = next.toString();
  return text ? `?${text}` : '';
}

/**
 * Where a blog's title leads: a published one to its page, a draft or scheduled one to its
 * editor; one in the trash nowhere (the API refuses to change it until it is restored).
 */
export function titleLink(blog: Pick<MyBlogSummary, 'id' | 'status'>): string | undefined {
  if (blog.status === 'published') return `/blogs/${blog.id}`;
  if (blog.status === 'trashed') return undefined;
  return `/blogs/${blog.id}/edit`;
}

const DAY_MS = 86_400_000;

/** When a blog trashed at `deletedAt` is purged for good. */
export function purgeTime(deletedAt: string): number {
  return Date.parse(deletedAt) + LIMITS.trashDays * DAY_MS;
}

/** The time the list shows for a blog in a tab: last save, publication (ahead or past), or deletion. */
export function shownTime(blog: MyBlogSummary): string {
  if (blog.status === 'trashed') return blog.deletedAt ?? blog.updatedAt;
  if (blog.status === 'draft') return blog.updatedAt;
  return blog.pubDate;
}

import { setTimeout } from 'node:timers/promises';
import { and, eq, inArray, isNotNull, lt, lte, sql } from 'drizzle-orm';
import type { Queue } from 'bullmq';
import type { Db } from '../../db/connection';
import { blogs } from '../../db/schema';
import type { CountCache } from '../../lib/count-cache';
import type { SearchIndex } from '../search/search-index';
import { listingOf, relistTags, tagIdsOf } from './repository';
import { reindexBlogs } from './search-docs';
import { blogListsChanged, TRASH_DAYS } from './service';

/** The delayed job that publishes a scheduled blog at its time (one per blog: see `publishJobId`). */
export const PUBLISH_BLOG = 'publish-blog';
/** The backstop for a delayed job lost with Redis' data: due blogs are published within minutes. */
export const PUBLISH_DUE_BLOGS = 'publish-due-blogs';
export const PUBLISH_DUE_EVERY_MS = 300_000;
export const PURGE_TRASH = 'purge-trashed-blogs';
export const PURGE_TRASH_EVERY_MS = 86_400_000;

export const publishJobId = (blogId: number) => `${PUBLISH_BLOG}-${blogId}`;

/**
 * Publishes every scheduled blog whose time has come (never one whose time has not), then writes
 * them into the search index and drops the cached lists. Returns how many it published.
 */
export async function publishDueBlogs(
  db: Db,
  counts: CountCache,
  index: SearchIndex,
  now = new Date(),
): Promise<number> {
  let ids: number[] = [];
  // The application's clock, as the save that scheduled it used.
  const published = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: blogs.id, deletedAt: blogs.deletedAt, pubDate: blogs.pubDate })
      .from(blogs)
      .where(and(eq(blogs.status, 'scheduled'), lte(blogs.pubDate, now)))
      .for('update');
    if (!due.length) return 0;
    ids = due.map((row) => row.id);
    const [result] = await tx
      .update(blogs)
      .set({ status: 'published', version: sql`${blogs.version} + 1` })
      .where(inArray(blogs.id, ids));
    const tagIds = await tagIdsOf(tx, ids);
    await relistTags(
      tx,
      due.map((row) => ({
        blogId: row.id,
        tagIds: tagIds.get(row.id) ?? [],
        listing: listingOf({ ...row, status: 'published' }),
      })),
    );
    return result.affectedRows;
  });
  if (published > 0) {
    try {
      await reindexBlogs(db, index, ids);
    } finally {
      await blogListsChanged(counts);
    }
  }
  return published;
}

/** A job may run a little before its time (clocks differ); it waits this much at most. */
const EARLY_MS = 60_000;

/** The delayed job of one blog: publishes it (and any other due blog) once its time has come. */
export async function runPublishJob(
  db: Db,
  counts: CountCache,
  index: SearchIndex,
  blogId: number,
): Promise<number> {
  const [row] = await db
    .select({ status: blogs.status, pubDate: blogs.pubDate })
    .from(blogs)
    .where(eq(blogs.id, blogId));
  const early = row?.status === 'scheduled' ? row.pubDate.getTime() - Date.now() : 0;
  if (early > 0 && early <= EARLY_MS) await setTimeout(early);
  return publishDueBlogs(db, counts, index);
}

const PURGE_BATCH = 500;

/**
 * Deletes for good the blogs trashed more than TRASH_DAYS ago (their tags and revisions go with
 * them, and whatever the search index still holds of them), in small batches. Daily, so its scan
 * of the table costs little.
 */
export async function purgeTrashedBlogs(
  db: Db,
  counts: CountCache,
  index: SearchIndex,
  {
    now = new Date(),
    olderThanDays = TRASH_DAYS,
    onPurged = async () => undefined,
  }: {
    now?: Date;
    olderThanDays?: number;
    /** Told the ids of each batch deleted, e.g. to drop the uploads they referred to. */
    onPurged?: (blogIds: number[]) => Promise<void>;
  } = {},
): Promise<number> {
  const cutoff = new Date(now.getTime() - olderThanDays * 86_400_000);
  const due = and(isNotNull(blogs.deletedAt), lt(blogs.deletedAt, cutoff));
  let purged = 0;
  try {
    for (;;) {
      const rows = await db.select({ id: blogs.id }).from(blogs).where(due).limit(PURGE_BATCH);
      if (rows.length === 0) return purged;
      const ids = rows.map((row) => row.id);
      // Still due: one restored meanwhile stays.
      const [result] = await db.delete(blogs).where(and(inArray(blogs.id, ids), due));
      purged += result.affectedRows;
      await index.remove(ids);
      await onPurged(ids);
      if (rows.length < PURGE_BATCH) return purged;
    }
  } finally {
    if (purged > 0) await blogListsChanged(counts);
  }
}

/** Puts a blog's publication on the maintenance queue, or takes it off. */
export interface BlogScheduler {
  publishAt(blogId: number, at: Date): Promise<void>;
  cancel(blogId: number): Promise<void>;
}

/**
 * One delayed job per blog, with an id made from the blog's: a new time replaces the old job. A
 * job that is running as it is replaced finds nothing due and does nothing; the new one follows.
 */
export function createBlogScheduler(queue: Queue): BlogScheduler {
  return {
    async publishAt(blogId, at) {
      const jobId = publishJobId(blogId);
      await queue.remove(jobId);
      await queue.add(
        PUBLISH_BLOG,
        { blogId },
        {
          jobId,
          delay: Math.max(0, at.getTime() - Date.now()),
          removeOnComplete: true,
          removeOnFail: true,
          attempts: 3,
          backoff: { type: 'fixed', delay: 1_000 },
        },
      );
    },
    async cancel(blogId) {
      await queue.remove(publishJobId(blogId));
    },
  };
}

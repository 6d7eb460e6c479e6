import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { blogs, blogTags, tags } from '../../db/schema';
import type { SearchDoc, SearchIndex } from '../search/search-index';
import { textOf } from './render';
import { visibleBlog } from './repository';

/** What the search index holds of a published, visible blog. */
export function searchDocOf(blog: {
  id: number;
  version: number;
  authorId: number;
  pubDate: Date;
  title: string;
  excerpt: string;
  contentHtml: string;
  tags: { name: string; slug: string }[];
}): SearchDoc {
  const { contentHtml, ...fields } = blog;
  return { ...fields, body: textOf(contentHtml) };
}

/**
 * Makes the index hold these blogs as they are now: the visible ones written again, the others
 * (drafts, scheduled, trashed, purged) taken out. For writes that change blogs outside the blogs
 * service (the scheduled publication) and for the backfill.
 */
export async function reindexBlogs(db: Db, index: SearchIndex, ids: number[]): Promise<void> {
  if (!ids.length) return;
  const rows = await db
    .select({
      id: blogs.id,
      version: blogs.version,
      authorId: blogs.authorId,
      pubDate: blogs.pubDate,
      title: blogs.title,
      excerpt: blogs.excerpt,
      contentHtml: blogs.contentHtml,
    })
    .from(blogs)
    .where(and(inArray(blogs.id, ids), visibleBlog));
  const tagRows = rows.length
    ? await db
        .select({ blogId: blogTags.blogId, name: tags.name, slug: tags.slug })
        .from(blogTags)
        .innerJoin(tags, eq(tags.id, blogTags.tagId))
        .where(
          inArray(
            blogTags.blogId,
            rows.map((row) => row.id),
          ),
        )
        .orderBy(asc(blogTags.blogId), asc(blogTags.position))
    : [];
  const tagsOf = new Map<number, { name: string; slug: string }[]>();
  for (const { blogId, ...tag } of tagRows)
    tagsOf.set(blogId, [...(tagsOf.get(blogId) ?? []), tag]);
  await index.upsert(rows.map((row) => searchDocOf({ ...row, tags: tagsOf.get(row.id) ?? [] })));
  const visible = new Set(rows.map((row) => row.id));
  await index.remove(ids.filter((id) => !visible.has(id)));
}

const BATCH = 500;

/**
 * Brings the index up to date with the blogs: indexes every visible blog it lacks or holds at an
 * older version, and takes out what is no longer visible. Idempotent (a second run finds nothing
 * to do) and in batches, so it can run at every start-up in the background.
 */
export async function backfillSearchIndex(
  db: Db,
  index: SearchIndex,
): Promise<{ indexed: number; removed: number }> {
  let indexed = 0;
  let removed = 0;
  for (let after = 0; ;) {
    const rows = await db
      .select({ id: blogs.id, version: blogs.version })
      .from(blogs)
      .where(and(visibleBlog, gt(blogs.id, after)))
      .orderBy(asc(blogs.id))
      .limit(BATCH);
    if (!rows.length) break;
    const held = await index.versions(rows.map((row) => row.id));
    const stale = rows.filter((row) => held.get(row.id) !== row.version).map((row) => row.id);
    await reindexBlogs(db, index, stale);
    indexed += stale.length;
    after = rows[rows.length - 1]!.id;
  }
  for (let after = 0; ;) {
    const ids = await index.idsAfter(after, BATCH);
    if (!ids.length) break;
    const visible = await db
      .select({ id: blogs.id })
      .from(blogs)
      .where(and(visibleBlog, inArray(blogs.id, ids)));
    const shown = new Set(visible.map((row) => row.id));
    const gone = ids.filter((id) => !shown.has(id));
    await index.remove(gone);
    removed += gone.length;
    after = ids[ids.length - 1]!;
  }
  return { indexed, removed };
}

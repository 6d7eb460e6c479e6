/**
 * The comments scenario's blog: the oldest visible blog of the bench database, given exactly
 * COMMENTED_BLOG_COMMENTS comments by the bench users (made once, kept for later runs).
 */
import { and, asc, count, eq, isNull, like } from 'drizzle-orm';
import { createDb, createPool } from '../src/db/connection';
import { blogs, comments, userIdentities } from '../src/db/schema';
import { CountCache } from '../src/lib/count-cache';
import { createRedis } from '../src/lib/redis';
import { blogListsChanged } from '../src/modules/blogs/service';
import { EMAIL_PATTERN } from './login';

export const COMMENTED_BLOG_COMMENTS = 1_000;
/** Each thread: a top-level comment and a chain of replies below it, 5 comments in all. */
const THREAD_LENGTH = 5;

const LINES = [
  'I read this twice, and the second time the ending made more sense.',
  'The part about the river reminded me of a summer at my grandmother’s, see https://example.com.',
  'Not sure I agree, but it is well argued.',
  '这一段写得真好，我想起了小时候读的书。',
  'Which edition did you read? The translation matters a lot here.',
];

/** The blog's id; its comments are made when it does not have COMMENTED_BLOG_COMMENTS yet. */
export async function ensureCommentedBlog(databaseUrl: string, redisUrl: string): Promise<number> {
  const pool = createPool({ url: databaseUrl, size: 1 });
  const redis = createRedis(redisUrl);
  redis.on('error', () => undefined);
  try {
    const db = createDb(pool);
    const [blog] = await db
      .select({ id: blogs.id })
      .from(blogs)
      .where(and(eq(blogs.status, 'published'), isNull(blogs.deletedAt)))
      .orderBy(asc(blogs.id))
      .limit(1);
    if (!blog) throw new Error('the bench database has no visible blog');
    const [{ n }] = (await db
      .select({ n: count() })
      .from(comments)
      .where(eq(comments.blogId, blog.id))) as [{ n: number }];
    if (n === COMMENTED_BLOG_COMMENTS) return blog.id;

    const writers = (
      await db
        .select({ id: userIdentities.userId })
        .from(userIdentities)
        .where(
          and(eq(userIdentities.provider, 'email'), like(userIdentities.subject, EMAIL_PATTERN)),
        )
        .orderBy(asc(userIdentities.userId))
    ).map((row) => row.id);
    if (!writers.length) throw new Error('no bench users (ensureLoginUsers makes them)');
    await db.transaction(async (tx) => {
      await tx.delete(comments).where(eq(comments.blogId, blog.id));
      for (let made = 0; made < COMMENTED_BLOG_COMMENTS;) {
        let rootId: number | null = null;
        let parentId: number | null = null;
        for (let depth = 0; depth < THREAD_LENGTH && made < COMMENTED_BLOG_COMMENTS; depth++) {
          const row: typeof comments.$inferInsert = {
            blogId: blog.id,
            userId: writers[made % writers.length]!,
            body: `${LINES[made % LINES.length]} (#${made + 1})`,
            parentId,
            rootId,
            depth,
          };
          const [result] = await tx.insert(comments).values(row);
          const id: number = result.insertId;
          parentId = id;
          rootId ??= id;
          made += 1;
        }
      }
      await tx
        .update(blogs)
        .set({ commentCount: COMMENTED_BLOG_COMMENTS })
        .where(eq(blogs.id, blog.id));
    });
    await redis.connect();
    await blogListsChanged(new CountCache(redis, databaseUrl));
    return blog.id;
  } finally {
    redis.disconnect();
    await pool.end();
  }
}

import { randomBytes } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import { fakerEN, fakerZH_CN, type Faker } from '@faker-js/faker';
import { LIMITS } from '@folio/schema';
import { and, asc, count, gt, inArray, like, notExists, sql } from 'drizzle-orm';
import type { CountCache } from '../lib/count-cache';
import { linkTags, listingOf, tagIdsFor, visibleBlog } from '../modules/blogs/repository';
import { loadRenderer, type Renderer } from '../modules/blogs/render';
import { blogListsChanged } from '../modules/blogs/service';
import type { Db } from './connection';
import { authors, blogs, blogTags } from './schema';

type NewAuthor = typeof authors.$inferInsert;
type NewBlog = typeof blogs.$inferInsert;

/** Rows per INSERT: ~2 MB of SQL at most, well under MariaDB's default 16 MB packet. */
const DEMO_BATCH_SIZE = 2_000;
/** Blogs whose tags one round of `tagDemoBlogs` writes (at most 4 rows each). */
const TAG_BATCH_SIZE = 5_000;
const BLOGS_PER_AUTHOR = 20;
/** Upper bound for one run, so a typo cannot fill the disk. */
export const DEMO_MAX_BLOGS = 10_000_000;

const SPREAD_MS = 10 * 365.25 * 24 * 3600 * 1000;

export interface DemoProgress {
  done: number;
  total: number;
  elapsedMs: number;
}

export interface DemoOptions {
  blogs: number;
  batchSize?: number;
  onProgress?: (progress: DemoProgress) => void;
}

export interface DemoResult {
  authors: number;
  blogs: number;
  elapsedMs: number;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const clip = (s: string, max: number) => (s.length > max ? s.slice(0, max).trimEnd() : s);

/** A language's way to make the pieces of a post; half the posts are written in each. */
interface Writer {
  faker: Faker;
  title(): string;
  heading(): string;
  sentence(): string;
  joiner: string;
}

const en: Writer = {
  faker: fakerEN,
  joiner: ' ',
  title() {
    const f = fakerEN;
    return f.helpers.arrayElement([
      () => f.book.title(),
      () => `Notes on ${f.word.adjective()} ${f.word.noun()}s`,
      () => `Why I re-read ${f.book.title()}`,
      () => capitalize(f.company.catchPhrase()),
      () => `${capitalize(f.word.adjective())} ${f.word.noun()} in ${f.location.city()}`,
    ])();
  },
  heading() {
    return capitalize(fakerEN.word.words({ count: { min: 2, max: 4 } }));
  },
  sentence() {
    const f = fakerEN;
    return f.helpers.arrayElement([
      () => `${capitalize(f.word.words({ count: { min: 6, max: 14 } }))}.`,
      () => f.hacker.phrase(),
      () => `${f.person.firstName()} thinks the ${f.word.noun()} is ${f.word.adjective()}.`,
      () => f.food.description(),
    ])();
  },
};

const zh: Writer = {
  faker: fakerZH_CN,
  joiner: '',
  title() {
    const f = fakerZH_CN;
    return f.helpers.arrayElement([
      () => `读《${f.book.title()}》`,
      () => `${f.location.city()}的${f.word.adjective()}${f.word.noun()}`,
      () => `${f.food.dish()}的做法`,
      () => `${f.book.author()}与${f.book.title()}`,
      () => `关于${f.word.noun()}的${f.number.int({ min: 3, max: 12 })}个想法`,
    ])();
  },
  heading() {
    return `${fakerZH_CN.word.adjective()}的${fakerZH_CN.word.noun()}`;
  },
  sentence() {
    const f = fakerZH_CN;
    return f.helpers.arrayElement([
      () =>
        `${f.person.fullName()}${f.word.adverb()}${f.word.verb()}了${f.word.adjective()}的${f.word.noun()}。`,
      () => `${f.location.city()}的${f.word.noun()}${f.word.adverb()}很${f.word.adjective()}。`,
      () => f.hacker.phrase(),
      () => f.food.description(),
    ])();
  },
};

function paragraph(w: Writer): string {
  const n = w.faker.number.int({ min: 2, max: 4 });
  return Array.from({ length: n }, () => w.sentence()).join(w.joiner);
}

/** A short post: paragraphs, a heading, a list, now and then a quote or some bold. */
function markdown(w: Writer): string {
  const f = w.faker;
  const ordered = f.datatype.boolean();
  const list = Array.from(
    { length: f.number.int({ min: 2, max: 4 }) },
    (_, i) => `${ordered ? `${i + 1}.` : '-'} ${w.sentence()}`,
  );
  const parts = [paragraph(w), `## ${w.heading()}`, paragraph(w), list.join('\n')];
  if (f.datatype.boolean({ probability: 0.3 })) parts.push(`> ${w.sentence()}`);
  parts.push(
    f.datatype.boolean({ probability: 0.3 }) ? `**${w.sentence()}** ${paragraph(w)}` : paragraph(w),
  );
  return parts.join('\n\n');
}

function writerFor(i: number): Writer {
  return i % 2 === 0 ? en : zh;
}

/** Views are skewed: most posts are read a little, a few a lot. */
function viewCount(f: Faker): number {
  return Math.floor(Math.expm1(f.number.float({ min: 0, max: 10 })));
}

function demoAuthor(runId: string, i: number): NewAuthor {
  const w = writerFor(i);
  return {
    name: clip(w.faker.person.fullName(), LIMITS.authorName),
    // The run id keeps repeated runs apart; example.com never receives mail.
    email: `demo.${runId}.${i}@example.com`,
    bio: clip(w.sentence(), LIMITS.authorBio),
  };
}

function demoBlog(
  derive: Renderer['derive'],
  authorIds: readonly number[],
  now: number,
  i: number,
): NewBlog {
  const w = writerFor(i);
  const f = w.faker;
  const pubDate = new Date(now - f.number.int({ min: 0, max: SPREAD_MS }));
  const content = markdown(w);
  return {
    authorId: f.helpers.arrayElement(authorIds),
    title: clip(w.title(), LIMITS.blogTitle),
    content,
    ...derive(content, ''),
    status: 'published',
    pubDate,
    viewCount: viewCount(f),
    createdAt: pubDate,
    updatedAt: pubDate,
  };
}

/**
 * The demo blogs' tags, most used first: the n-th is drawn with weight 1/n (Zipf), so the first
 * is on about a third of the blogs, the sixth on about 7 % and the last on about 1 %.
 */
export const DEMO_TAGS = [
  'books',
  'travel',
  'food',
  'programming',
  'photography',
  'history',
  'music',
  '读书',
  'science',
  'film',
  'poetry',
  '旅行',
  'cooking',
  'philosophy',
  'design',
  'gardening',
  'javascript',
  'running',
  '美食',
  'art',
  'economics',
  'parenting',
  'health',
  'cycling',
  '随笔',
  'rust',
  'databases',
  'chess',
  'architecture',
  'coffee',
  'hiking',
  '电影',
  'languages',
  'astronomy',
  'birdwatching',
  'typography',
  'tea',
  'linux',
  '摄影',
  'mathematics',
  'open source',
  'classical music',
  'city life',
  '历史',
  'comics',
  'board games',
  'knitting',
  'jazz',
  '音乐',
  'sailing',
] as const;

const TAG_WEIGHTS_SUM = DEMO_TAGS.reduce((sum, _, i) => sum + 1 / (i + 1), 0);
/** How many tags a demo blog has: none for a tenth of them, up to four. */
const TAG_COUNTS = [0.1, 0.3, 0.3, 0.2, 0.1];

/** A small seeded generator (mulberry32): a blog's tags depend on its id alone. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function draw(random: () => number, weights: (i: number) => number, n: number): number {
  let u = random();
  for (let i = 0; i < n - 1; i++) {
    u -= weights(i);
    if (u < 0) return i;
  }
  return n - 1;
}

/**
 * The tags of the demo blog with this id, as indexes into DEMO_TAGS in the order its author gave
 * them. A function of the id, so tagging the same blogs again gives them the same tags.
 */
export function demoTagsOf(blogId: number): number[] {
  const random = seeded(blogId);
  const want = draw(random, (i) => TAG_COUNTS[i]!, TAG_COUNTS.length);
  const picked: number[] = [];
  while (picked.length < want) {
    const i = draw(random, (r) => 1 / (r + 1) / TAG_WEIGHTS_SUM, DEMO_TAGS.length);
    if (!picked.includes(i)) picked.push(i);
  }
  return picked;
}

/**
 * Gives demo blogs that have no tags theirs (`demoTagsOf`): those of one run, or, without
 * `runId`, of every run (databases filled before demo blogs had tags). Blogs are walked by id, a
 * batch at a time; the tags are made as the blogs repository makes them. Returns how many blogs
 * were looked at and how many got tags; drops the cached lists if it wrote any.
 */
export async function tagDemoBlogs(
  db: Db,
  counts: CountCache,
  { runId }: { runId?: string } = {},
): Promise<{ blogs: number; tagged: number }> {
  const demoAuthors = db
    .select({ id: authors.id })
    .from(authors)
    .where(like(authors.email, `demo.${runId ?? '%'}.%@example.com`));
  let tagIds: number[] | undefined;
  let seen = 0;
  let tagged = 0;
  let after = 0;
  try {
    for (;;) {
      const rows = await db
        .select({
          id: blogs.id,
          status: blogs.status,
          deletedAt: blogs.deletedAt,
          pubDate: blogs.pubDate,
        })
        .from(blogs)
        .where(
          and(
            gt(blogs.id, after),
            inArray(blogs.authorId, demoAuthors),
            notExists(
              db
                .select({ one: sql`1` })
                .from(blogTags)
                .where(sql`${blogTags.blogId} = ${blogs.id}`),
            ),
          ),
        )
        .orderBy(asc(blogs.id))
        .limit(TAG_BATCH_SIZE);
      if (!rows.length) break;
      seen += rows.length;
      after = rows.at(-1)!.id;
      tagIds ??= (await tagIdsFor(db, [...DEMO_TAGS])).map((tag) => tag.id);
      const ids = tagIds;
      const links = rows.map((row) => ({
        blogId: row.id,
        tagIds: demoTagsOf(row.id).map((tag) => ids[tag]!),
        listing: listingOf(row),
      }));
      await linkTags(db, links);
      tagged += links.filter((l) => l.tagIds.length).length;
      if (rows.length < TAG_BATCH_SIZE) break;
    }
  } finally {
    if (tagged) await blogListsChanged(counts);
  }
  return { blogs: seen, tagged };
}

/** Rows made one batch at a time, so memory stays flat however many are asked for. */
function* batches<T>(total: number, size: number, make: (i: number) => T): Generator<T[]> {
  for (let start = 0; start < total; start += size) {
    const n = Math.min(size, total - start);
    yield Array.from({ length: n }, (_, k) => make(start + k));
  }
}

function authorsFor(blogCount: number): number {
  return Math.max(1, Math.ceil(blogCount / BLOGS_PER_AUTHOR));
}

/**
 * Adds `blogs` generated published blogs, in English and Chinese, and their generated authors,
 * with multi-row INSERTs, then their tags (`tagDemoBlogs`); then drops the cached list totals. The next batch is generated while
 * the database writes the previous one, so the two cores both work.
 */
export async function insertDemoData(
  db: Db,
  counts: CountCache,
  { blogs: total, batchSize = DEMO_BATCH_SIZE, onProgress }: DemoOptions,
): Promise<DemoResult> {
  if (!Number.isInteger(total) || total < 0 || total > DEMO_MAX_BLOGS)
    throw new RangeError(`blogs must be a whole number from 0 to ${DEMO_MAX_BLOGS}`);
  const started = Date.now();
  if (total === 0) return { authors: 0, blogs: 0, elapsedMs: 0 };

  const runId = `${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
  const authorCount = authorsFor(total);
  let done = 0;
  try {
    for (const batch of batches(authorCount, batchSize, (i) => demoAuthor(runId, i))) {
      await db.insert(authors).values(batch);
    }
    const authorIds = (
      await db
        .select({ id: authors.id })
        .from(authors)
        .where(like(authors.email, `demo.${runId}.%`))
    ).map((r) => r.id);

    const now = Date.now();
    const { derive } = await loadRenderer();
    let pending: Promise<unknown> | undefined;
    let pendingSize = 0;
    for (const batch of batches(total, batchSize, (i) => demoBlog(derive, authorIds, now, i))) {
      if (pending) {
        await pending;
        done += pendingSize;
        onProgress?.({ done, total, elapsedMs: Date.now() - started });
      }
      pending = db.insert(blogs).values(batch).execute();
      // Awaited on the next round; this only keeps Node from calling it unhandled meanwhile.
      pending.catch(() => undefined);
      pendingSize = batch.length;
      // Let the driver put the INSERT on the wire before the next batch keeps this thread busy.
      await setImmediate();
    }
    await pending;
    done += pendingSize;
    onProgress?.({ done, total, elapsedMs: Date.now() - started });
    await tagDemoBlogs(db, counts, { runId });
  } finally {
    // Even after a failure: the batches already written change the totals.
    await blogListsChanged(counts);
  }
  return { authors: authorCount, blogs: done, elapsedMs: Date.now() - started };
}

/** Published blogs that are not deleted: what the public list counts. */
export async function countVisibleBlogs(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(blogs).where(visibleBlog);
  return row?.n ?? 0;
}

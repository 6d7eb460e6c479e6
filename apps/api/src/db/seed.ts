import { and, eq, gt, lte, max, min, ne, sql } from 'drizzle-orm';
import type { Db } from './connection';
import { loadRenderer } from '../modules/blogs/render';
import { authors, blogs } from './schema';

/**
 * The original project's sample authors and blogs; all times are UTC. Each author joined before
 * their first blog, so a fresh site does not show ten-year-old blogs by people who "joined just now".
 */
export const SAMPLE_AUTHORS = [
  {
    name: 'Mark',
    email: 'mark@gmail.com',
    bio: 'Reads the classics on long train rides.',
    joinedAt: '2015-11-02T09:14:00Z',
  },
  {
    name: 'Jacob',
    email: 'jacob@gmail.com',
    bio: 'Writes about books that made him cry.',
    joinedAt: '2015-11-20T18:40:00Z',
  },
  {
    name: 'Larry',
    email: 'larry@gmail.com',
    bio: 'Collects first editions and strong opinions.',
    joinedAt: '2015-12-05T07:55:00Z',
  },
  {
    name: 'Tom',
    email: 'tom@gmail.com',
    bio: 'A quiet admirer of Jane Austen.',
    joinedAt: '2015-12-18T21:03:00Z',
  },
  {
    name: 'Lily',
    email: 'lily@gmail.com',
    bio: 'Fantasy, maps and dragons.',
    joinedAt: '2016-01-04T12:30:00Z',
  },
] as const;

type SampleAuthor = (typeof SAMPLE_AUTHORS)[number]['name'];

export const SAMPLE_BLOGS: {
  author: SampleAuthor;
  title: string;
  pubDate: string;
  content: string;
}[] = [
  {
    author: 'Mark',
    title: 'The old man and the sea',
    pubDate: '2016-01-11T11:01:05Z',
    content:
      'Santiago goes out **alone**, past the other boats, and hooks the fish of his life.\n\n> A man can be destroyed but not defeated.\n\nHemingway at his plainest and best.',
  },
  {
    author: 'Jacob',
    title: 'The fault in our stars',
    pubDate: '2016-01-11T20:23:27Z',
    content:
      'Hazel and Augustus meet at a support group and fall in love, *okay?*\n\n- funny\n- honest\n- impossible to read without tissues',
  },
  {
    author: 'Larry',
    title: 'The Great Gatsby',
    pubDate: '2016-01-11T23:15:18Z',
    content:
      "The green light at the end of Daisy's dock, and a man who **believed in it**.\n\nFitzgerald's Long Island summer, told by Nick Carraway.",
  },
  {
    author: 'Tom',
    title: 'Sense and Sensibility',
    pubDate: '2016-01-12T12:25:34Z',
    content:
      'Elinor has the sense, Marianne the sensibility; both learn a little of the other.\n\n1. Norland\n2. Barton Cottage\n3. London',
  },
  {
    author: 'Tom',
    title: 'Pride and Prejudice',
    pubDate: '2016-01-12T13:17:25Z',
    content:
      '> It is a truth universally acknowledged...\n\nElizabeth Bennet and Mr Darcy, each wrong about the other, and **both** the better for finding out.',
  },
  {
    author: 'Lily',
    title: 'Game of Thrones',
    pubDate: '2016-01-12T14:53:01Z',
    content:
      'Winter is coming to Westeros, and every great house wants the Iron Throne.\n\n*When you play the game of thrones, you win or you die.*',
  },
  {
    author: 'Mark',
    title: 'Charlie and the Chocolate Factory',
    pubDate: '2016-01-12T15:13:17Z',
    content:
      'Five golden tickets, one **Willy Wonka**, and a river of chocolate.\n\nDahl at his most delicious.',
  },
  {
    author: 'Larry',
    title: "Harry Potter and the Sorcerer's Stone",
    pubDate: '2016-01-12T19:32:15Z',
    content:
      'A boy who lives under the stairs learns he is a **wizard**.\n\n- Platform 9¾\n- Hogwarts\n- a three-headed dog named Fluffy',
  },
  {
    author: 'Larry',
    title: 'The house on mango street',
    pubDate: '2016-01-12T01:43:42Z',
    content:
      'Esperanza Cordero grows up in Chicago and finds her voice in short, bright vignettes.\n\n*A house of my own.*',
  },
  {
    author: 'Jacob',
    title: 'And then there were none',
    pubDate: '2016-01-13T16:17:32Z',
    content:
      "Ten strangers on an island, a nursery rhyme, and **no one** else to blame.\n\nChristie's most famous puzzle.",
  },
];

/** Adds the sample data when there are no authors yet; returns whether it did. */
export async function seedIfEmpty(db: Db): Promise<boolean> {
  const { derive } = await loadRenderer();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ n: sql<number>`count(*)` })
      .from(authors)
      .for('update');
    if (Number(row?.n ?? 0) > 0) return false;
    await tx.insert(authors).values(
      SAMPLE_AUTHORS.map(({ joinedAt, ...author }) => ({
        ...author,
        createdAt: new Date(joinedAt),
        updatedAt: new Date(joinedAt),
      })),
    );
    const rows = await tx.select({ id: authors.id, name: authors.name }).from(authors);
    const idOf = new Map(rows.map((r) => [r.name, r.id]));
    await tx.insert(blogs).values(
      SAMPLE_BLOGS.map((b) => ({
        authorId: idOf.get(b.author)!,
        title: b.title,
        content: b.content,
        ...derive(b.content, ''),
        status: 'published' as const,
        pubDate: new Date(b.pubDate),
      })),
    );
    return true;
  });
}

/**
 * Renders blogs stored before rendering existed (their `content_html` is empty): the blogs of a
 * database made by an older version. Walks the table once by id in ranges of 2 000 ids, so that
 * no statement scans a large table whole (most of it, once rendered, matches nothing), and a
 * blog whose content renders to nothing is not taken again.
 */
export async function renderStoredBlogs(db: Db): Promise<number> {
  const [range] = await db.select({ first: min(blogs.id), last: max(blogs.id) }).from(blogs);
  if (!range?.first || !range.last) return 0;
  let rendered = 0;
  for (let after = range.first - 1; after < range.last; after += 2_000) {
    const rows = await db
      .select({ id: blogs.id, content: blogs.content, excerpt: blogs.excerpt })
      .from(blogs)
      .where(
        and(
          gt(blogs.id, after),
          lte(blogs.id, after + 2_000),
          eq(blogs.contentHtml, ''),
          ne(blogs.content, ''),
        ),
      );
    if (rows.length) {
      const { derive } = await loadRenderer();
      for (const row of rows) {
        await db.update(blogs).set(derive(row.content, row.excerpt)).where(eq(blogs.id, row.id));
      }
    }
    rendered += rows.length;
  }
  return rendered;
}

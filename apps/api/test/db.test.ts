import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { authors, blogs } from '../src/db/schema';
import { createDb, createPool, LONG_TEXT } from '../src/db/connection';
import { renderStoredBlogs, SAMPLE_BLOGS, seedIfEmpty } from '../src/db/seed';
import { backfillSearchIndex } from '../src/modules/blogs/search-docs';
import { dependencyOf } from '../src/lib/dependency-errors';
import { createAuthorRepository } from '../src/modules/authors/repository';
import { createBlogRepository } from '../src/modules/blogs/repository';
import { TEST_DATABASE_URL } from './env';
import { buildTestApp, makeAuthor, makeBlog, resetData } from './helpers';

let app: App;
beforeAll(async () => {
  ({ app } = await buildTestApp());
});
afterAll(() => app.close());

describe('blogs stored before rendering existed', () => {
  it('get their HTML, excerpt and reading time in one walk, even one that renders to nothing', async () => {
    await resetData(app);
    const author = await makeAuthor(app);
    // As the writing migration left them: markdown, and an empty content_html.
    const plain = await makeBlog(app, author.id, { content: '# Hello\n\nSome *words*.' });
    const hostile = await makeBlog(app, author.id, { content: '<script>alert(1)</script>' });
    const empty = await makeBlog(app, author.id, { content: '' });
    // Several id ranges away from the others.
    const far = await makeBlog(app, author.id, { id: plain.id + 7_000, content: 'Far *off*.' });

    expect(await renderStoredBlogs(app.db)).toBe(3);
    const rows = await app.db
      .select({ id: blogs.id, html: blogs.contentHtml, excerpt: blogs.excerpt })
      .from(blogs)
      .orderBy(asc(blogs.id));
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(plain.id)?.html).toContain('<em>words</em>');
    expect(byId.get(plain.id)?.excerpt).toBe('Hello Some words.');
    expect(byId.get(hostile.id)?.html).toBe('');
    expect(byId.get(empty.id)?.html).toBe('');
    expect(byId.get(far.id)?.html).toContain('<em>off</em>');
    // The next walk finds the hostile one again (it still renders to nothing) and nothing else.
    expect(await renderStoredBlogs(app.db)).toBe(1);
  });
});

describe('seed', () => {
  it('adds exactly the original sample authors and blogs, once', async () => {
    await resetData(app);
    expect(await seedIfEmpty(app.db)).toBe(true);
    expect(await seedIfEmpty(app.db)).toBe(false);
    const people = await app.db.select().from(authors).orderBy(asc(authors.id));
    expect(people.map((a) => [a.name, a.email])).toEqual([
      ['Mark', 'mark@gmail.com'],
      ['Jacob', 'jacob@gmail.com'],
      ['Larry', 'larry@gmail.com'],
      ['Tom', 'tom@gmail.com'],
      ['Lily', 'lily@gmail.com'],
    ]);
    const rows = await app.db
      .select({
        author: authors.name,
        title: blogs.title,
        pubDate: blogs.pubDate,
        status: blogs.status,
        content: blogs.content,
      })
      .from(blogs)
      .innerJoin(authors, eq(authors.id, blogs.authorId))
      .orderBy(asc(blogs.id));
    expect(rows.map((r) => [r.author, r.title, r.pubDate.toISOString()])).toEqual([
      ['Mark', 'The old man and the sea', '2016-01-11T11:01:05.000Z'],
      ['Jacob', 'The fault in our stars', '2016-01-11T20:23:27.000Z'],
      ['Larry', 'The Great Gatsby', '2016-01-11T23:15:18.000Z'],
      ['Tom', 'Sense and Sensibility', '2016-01-12T12:25:34.000Z'],
      ['Tom', 'Pride and Prejudice', '2016-01-12T13:17:25.000Z'],
      ['Lily', 'Game of Thrones', '2016-01-12T14:53:01.000Z'],
      ['Mark', 'Charlie and the Chocolate Factory', '2016-01-12T15:13:17.000Z'],
      ['Larry', "Harry Potter and the Sorcerer's Stone", '2016-01-12T19:32:15.000Z'],
      ['Larry', 'The house on mango street', '2016-01-12T01:43:42.000Z'],
      ['Jacob', 'And then there were none', '2016-01-13T16:17:32.000Z'],
    ]);
    expect(rows.every((r) => r.status === 'published' && r.content.length > 40)).toBe(true);
    expect(SAMPLE_BLOGS).toHaveLength(10);
    // Nobody "joined 4 minutes ago" with blogs from 2016: each joined before their first blog.
    const firstBlog = new Map<string, number>();
    for (const r of rows) {
      const at = r.pubDate.getTime();
      firstBlog.set(r.author, Math.min(at, firstBlog.get(r.author) ?? at));
    }
    expect(people).toHaveLength(firstBlog.size);
    for (const person of people) {
      expect(person.createdAt.getTime()).toBeLessThan(firstBlog.get(person.name)!);
      expect(person.updatedAt.getTime()).toBe(person.createdAt.getTime());
    }
    // The seed writes by SQL; its callers (prepareDatabase) index what it wrote.
    await backfillSearchIndex(app.db, app.searchIndex);
    const res = await app.inject({ method: 'GET', url: '/api/v1/blogs?q=Harry' });
    expect(res.json().data.items.map((b: { title: string }) => b.title)).toEqual([
      "Harry Potter and the Sorcerer's Stone",
    ]);
  });
});

describe('the connection pool', () => {
  it('talks utf8mb4 in UTC', async () => {
    const [rows] = await app.pool.query(
      'SELECT @@session.time_zone AS tz, @@character_set_connection AS cs',
    );
    expect(rows).toEqual([{ tz: '+00:00', cs: 'utf8mb4' }]);
  });

  it('replaces a connection the server dropped after wait_timeout instead of failing a request', async () => {
    await resetData(app);
    const author = await makeAuthor(app);
    await makeBlog(app, author.id);
    // Every idle connection in the pool gets a one-second wait_timeout, so the server closes it.
    const held = await Promise.all([app.pool.getConnection(), app.pool.getConnection()]);
    const before = [];
    for (const conn of held) {
      await conn.query('SET SESSION wait_timeout = 1');
      before.push(conn.threadId);
    }
    held.forEach((conn) => conn.release());
    await new Promise((r) => setTimeout(r, 2500));
    const [alive] = await app.pool.query(
      `SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE ID IN (${before.join(',')})`,
    );
    expect(alive).toEqual([{ n: 0 }]);
    for (let i = 0; i < 3; i++) {
      const res = await app.inject({ method: 'GET', url: '/api/v1/blogs' });
      expect(res.statusCode).toBe(200);
      expect(res.json().data.total).toBe(1);
    }
  });
});

describe('statements that carry long text', () => {
  it('run as prepared statements, the text and the times they return exact', async () => {
    // One connection, so its session counters count every statement here.
    const pool = createPool({ url: TEST_DATABASE_URL, size: 1 });
    const db = createDb(pool);
    const executed = async () => {
      const [rows] = await pool.query("SHOW SESSION STATUS LIKE 'Com_stmt_execute'");
      return Number((rows as { Value: string }[])[0]!.Value);
    };
    try {
      const text = `'"\\ \n\r\t\0 %_ ? 盖茨比 😀 `.repeat(Math.ceil(LONG_TEXT / 20));
      const at = '2026-03-04 05:06:07.089';
      const before = await executed();
      const [long] = (await db.execute(
        sql`SELECT ${text} AS text, CAST(${at} AS DATETIME(3)) AS at, ${7} AS n`,
      )) as unknown as [{ text: string; at: string; n: number }[]];
      const afterLong = await executed();
      await db.execute(sql`SELECT ${'short'} AS text`);
      expect(long).toEqual([{ text, at, n: 7 }]);
      expect(afterLong - before).toBe(1);
      // A short one keeps the text protocol.
      expect((await executed()) - afterLong).toBe(0);
      await db.transaction(async (tx) => {
        const [rows] = (await tx.execute(sql`SELECT LENGTH(${text}) AS n`)) as unknown as [
          { n: number }[],
        ];
        expect(rows[0]!.n).toBe(Buffer.byteLength(text));
      });
      expect((await executed()) - afterLong).toBe(1);
    } finally {
      await pool.end();
    }
  });
});

describe('waiting for a pooled connection', () => {
  it('is bounded in time and in numbers, both answered as MariaDB being unavailable', async () => {
    const pool = createPool({
      url: TEST_DATABASE_URL,
      size: 1,
      acquireTimeoutMs: 300,
      queueLimit: 2,
    });
    try {
      const held = await pool.getConnection();
      const waiting = [pool.query('SELECT 1'), pool.query('SELECT 2')].map((q) =>
        q.then(
          () => 'answered',
          (err: unknown) => err,
        ),
      );
      const refused = await pool.query('SELECT 3').catch((err: unknown) => err);
      expect(refused).toMatchObject({ message: 'Queue limit reached.' });
      expect(dependencyOf(refused)).toBe('MariaDB');
      for (const err of await Promise.all(waiting)) {
        expect(err).toMatchObject({ code: 'POOL_ACQUIRE_TIMEOUT' });
        expect(dependencyOf(err)).toBe('MariaDB');
      }
      // The callers that gave up left the queue: two more may wait, and get the connection.
      const next = [pool.query('SELECT 4 AS n'), pool.query('SELECT 5 AS n')];
      held.release();
      const answers = await Promise.all(next);
      expect(answers.map(([rows]) => rows)).toEqual([[{ n: 4 }], [{ n: 5 }]]);
    } finally {
      await pool.end();
    }
  });
});

describe('list queries use an index', () => {
  type Plan = { select_type: string; table: string; key: string | null; Extra: string }[];
  async function explain(query: { toSQL: () => { sql: string; params: unknown[] } }) {
    const { sql: text, params } = query.toSQL();
    const [rows] = await app.pool.query(`EXPLAIN ${text}`, params);
    return rows as Plan;
  }
  /** The step that picks the rows: the derived page of ids, or the query itself. */
  const picking = (plan: Plan) =>
    plan.find((row) => row.select_type === 'DERIVED') ?? plan.find((row) => row.table === 'blogs');

  it('picks blog pages and totals from the visible-blogs indexes, without a filesort', async () => {
    const blogsRepo = createBlogRepository(app.db);
    const cases: [Parameters<typeof blogsRepo.listPage>[0], string][] = [
      [{}, 'blogs_visible_pub_idx'],
      [{ authorId: 1 }, 'blogs_author_visible_pub_idx'],
    ];
    for (const [filter, index] of cases) {
      for (const sort of ['-pubDate', 'pubDate'] as const) {
        const step = picking(await explain(blogsRepo.listPage(filter, sort, 20, 39_980)));
        expect(step?.key).toMatch(index);
        expect(step!.Extra).not.toContain('filesort');
      }
      expect(picking(await explain(blogsRepo.countQuery(filter)))?.key).toMatch(index);
    }
  });

  it("counts each listed author's blogs through the per-author index", async () => {
    const plan = await explain(createAuthorRepository(app.db).listPage({}, 20, 0));
    expect(plan.find((row) => row.select_type === 'DEPENDENT SUBQUERY')).toMatchObject({
      table: 'blogs',
      key: 'blogs_author_visible_pub_idx',
    });
  });
});

import type { BlogPage, MyBlog, SearchPage } from '@folio/schema';
import { eq, sql } from 'drizzle-orm';
import { MySqlDialect } from 'drizzle-orm/mysql-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { blogs } from '../src/db/schema';
import { publishDueBlogs, purgeTrashedBlogs } from '../src/modules/blogs/publish';
import { backfillSearchIndex } from '../src/modules/blogs/search-docs';
import { countSql, searchSql, titlesSql } from '../src/modules/search/mroonga';
import { SEARCH_ROUTE_LIMIT } from '../src/plugins/external/rate-limit';
import { expectFailure } from './auth-helpers';
import { buildTestApp, makeAuthor, makeBlog, makeUser, resetData, sessionFor } from './helpers';

let app: App;
beforeAll(async () => {
  ({ app } = await buildTestApp({ RUN_WORKER: 'false' }));
});
afterAll(() => app.close());
beforeEach(() => resetData(app));

type Headers = Record<string, string>;
const HOUR = 3_600_000;

/** Every search from its own address: the per-IP search limit never counts a test's requests. */
let address = 0;
const nextAddress = () => {
  address += 1;
  return `127.77.${Math.floor(address / 250)}.${(address % 250) + 1}`;
};

async function searchRes(query: string, headers: Headers = {}) {
  return app.inject({
    method: 'GET',
    url: `/api/v1/search?${query}`,
    headers,
    remoteAddress: nextAddress(),
  });
}

async function search(query: string): Promise<SearchPage> {
  const res = await searchRes(query);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data;
}

const q = (text: string, rest = '') => `q=${encodeURIComponent(text)}${rest}`;
const ids = (page: { items: { id: number }[] }) => page.items.map((item) => item.id);

async function writer() {
  const user = await makeUser(app);
  const { headers } = await sessionFor(app, user.id);
  return headers;
}

async function write(
  headers: Headers,
  method: 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: Record<string, unknown>,
): Promise<MyBlog> {
  const res = await app.inject({ method, url: `/api/v1${url}`, headers, payload });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json().data;
}

const publish = (headers: Headers, fields: Record<string, unknown>) =>
  write(headers, 'POST', '/blogs', { status: 'published', ...fields });

describe('GET /api/v1/search', () => {
  it('finds English words in any form (stemmed), across title, excerpt, text and tags, highlighted', async () => {
    const headers = await writer();
    const inText = await publish(headers, {
      title: 'A walk',
      content: 'We walked along the **rivers** of the north, then home.',
    });
    const inTitle = await publish(headers, { title: 'Rivers of home', content: 'Nothing here.' });
    await publish(headers, { title: 'The driver', content: 'A taxi.' });
    const inTag = await publish(headers, {
      title: 'Tagged',
      content: 'Plain.',
      tags: ['River Life'],
    });
    const inExcerpt = await publish(headers, {
      title: 'Excerpted',
      content: 'Plain text.',
      excerpt: 'On a river boat',
    });
    await publish(headers, { title: 'Unrelated', content: 'Mountains only.' });

    const page = await search(q('river'));
    expect(page.total).toBe(4);
    expect(ids(page).sort()).toEqual([inText.id, inTitle.id, inTag.id, inExcerpt.id].sort());
    const text = page.items.find((item) => item.id === inText.id)!;
    // Plain text, never the markdown or HTML: no `**`, no `<strong>`.
    expect(text.snippetHtml).toBe(
      'We walked along the <mark>rivers</mark> of the north, then home.',
    );
    expect(text.titleHtml).toBe('A walk');
    expect(page.items.find((item) => item.id === inTitle.id)!.titleHtml).toBe(
      '<mark>Rivers</mark> of home',
    );
    expect(page.items.find((item) => item.id === inExcerpt.id)!.snippetHtml).toBe(
      'On a <mark>river</mark> boat',
    );
    // The usual list item beside the highlights.
    expect(text).toMatchObject({
      title: 'A walk',
      tags: [],
      author: { id: inText.author.id },
      readingMinutes: 1,
      cover: null,
    });
    // Every word must be there; case does not matter.
    expect(ids(await search(q('RIVERS north')))).toEqual([inText.id]);
    expect((await search(q('river mountains'))).total).toBe(0);
  });

  it('finds Chinese terms without spaces between words', async () => {
    const headers = await writer();
    const gatsby = await publish(headers, {
      title: '读书笔记',
      content: '我最近读了《了不起的盖茨比》，很喜欢这本小说。',
    });
    await publish(headers, { title: '另一篇', content: '今天天气很好。' });
    const page = await search(q('盖茨比'));
    expect(ids(page)).toEqual([gatsby.id]);
    expect(page.items[0]!.snippetHtml).toBe(
      '我最近读了《了不起的<mark>盖茨比</mark>》，很喜欢这本小说。',
    );
    expect(ids(await search(q('小说')))).toEqual([gatsby.id]);
    expect(ids(await search(q('盖茨比 小说')))).toEqual([gatsby.id]);
    expect((await search(q('红楼梦'))).total).toBe(0);
    // Mixed with English in one blog.
    const mixed = await publish(headers, { title: 'Gatsby 盖茨比', content: 'The Great Gatsby.' });
    expect(ids(await search(q('gatsby 盖茨比')))).toEqual([mixed.id]);
  });

  it('ranks title matches above text matches, however often the text repeats the word', async () => {
    const headers = await writer();
    const body = await publish(headers, {
      title: 'Notes',
      content: Array.from({ length: 30 }, () => 'harbour').join(' '),
    });
    const title = await publish(headers, { title: 'The harbour', content: 'Quiet.' });
    const tag = await publish(headers, { title: 'Tagged', content: 'Quiet.', tags: ['harbour'] });
    // The oldest first, so publication order would put it last.
    expect(ids(await search(q('harbour')))).toEqual([title.id, tag.id, body.id]);
  });

  it('escapes everything but the marks: hostile text stays text', async () => {
    const headers = await writer();
    const hostile = await publish(headers, {
      title: '<script>alert("river")</script> & <b>bold</b>',
      content: 'Before `<img src=x onerror=alert(1)>` the river & "quotes" \'here\' <i>x</i>',
    });
    const [item] = (await search(q('river'))).items;
    expect(item!.id).toBe(hostile.id);
    expect(item!.titleHtml).toBe(
      '&lt;script&gt;alert(&quot;<mark>river</mark>&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;',
    );
    expect(item!.snippetHtml).toContain(
      'the <mark>river</mark> &amp; &quot;quotes&quot; &#39;here&#39;',
    );
    for (const html of [item!.titleHtml, item!.snippetHtml]) {
      // No tag survives but <mark>.
      expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    }
    // A search for markup finds it as text, and highlights it escaped.
    const [script] = (await search(q('<script>'))).items;
    expect(script!.titleHtml.startsWith('<mark>&lt;script&gt;</mark>')).toBe(true);
  });

  it('reads operators and quotes as text, never as query syntax', async () => {
    const headers = await writer();
    const plus = await publish(headers, { title: 'C++ and node.js', content: 'Code.' });
    expect(ids(await search(q('c++')))).toEqual([plus.id]);
    expect(ids(await search(q('node.js')))).toEqual([plus.id]);
    for (const text of [
      '"',
      '\\',
      '*',
      '-code',
      '(code',
      'code OR x',
      '+',
      '*D1',
      "' OR 1=1 --",
      '~',
    ]) {
      const res = await searchRes(q(text));
      expect(res.statusCode, `${text}: ${res.body}`).toBe(200);
    }
    expect((await search(q('code OR nothing'))).total).toBe(0);
  });

  it('filters by tag and by author', async () => {
    const a = await writer();
    const b = await writer();
    const aPoem = await publish(a, { title: 'Sea poem', content: 'The sea.', tags: ['Poetry'] });
    const aNote = await publish(a, { title: 'Sea note', content: 'The sea.', tags: ['Notes'] });
    const bPoem = await publish(b, { title: 'Sea song', content: 'The sea.', tags: ['Poetry'] });
    expect(ids(await search(q('sea', '&tag=poetry'))).sort()).toEqual([aPoem.id, bPoem.id].sort());
    expect(ids(await search(q('sea', `&authorId=${aNote.author.id}`))).sort()).toEqual(
      [aPoem.id, aNote.id].sort(),
    );
    expect(ids(await search(q('sea', `&tag=poetry&authorId=${aNote.author.id}`)))).toEqual([
      aPoem.id,
    ]);
    expect((await search(q('sea', '&tag=nothing'))).total).toBe(0);
  });

  it('pages like the other lists, without overlap', async () => {
    const author = await makeAuthor(app);
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await makeBlog(app, author.id, { title: `Lake ${i}` }));
    const seen: number[] = [];
    for (let page = 1; page <= 3; page++) {
      const data = await search(q('lake', `&perPage=2&page=${page}`));
      expect(data).toMatchObject({ page, perPage: 2, total: 5, pages: 3 });
      seen.push(...ids(data));
    }
    // Equal scores: newest first.
    expect(seen).toEqual(made.map((blog) => blog.id).reverse());
    expect(await search(q('lake', '&perPage=2&page=9'))).toMatchObject({
      items: [],
      total: 5,
      pages: 3,
    });
  });

  it('follows every write at once: publish, edit, unpublish, trash, restore, purge, scheduled publication', async () => {
    const headers = await writer();
    const draft = await write(headers, 'POST', '/blogs', { title: 'Willow draft', content: 'x' });
    expect((await search(q('willow'))).total).toBe(0);

    await write(headers, 'PATCH', `/blogs/${draft.id}`, { status: 'published' });
    expect(ids(await search(q('willow')))).toEqual([draft.id]);

    await write(headers, 'PATCH', `/blogs/${draft.id}`, {
      title: 'Birch story',
      content: 'About 桦树.',
      tags: ['Trees'],
    });
    expect((await search(q('willow'))).total).toBe(0);
    expect(ids(await search(q('birch')))).toEqual([draft.id]);
    expect(ids(await search(q('桦树')))).toEqual([draft.id]);
    expect(ids(await search(q('birch', '&tag=trees')))).toEqual([draft.id]);

    await write(headers, 'PATCH', `/blogs/${draft.id}`, { status: 'draft' });
    expect((await search(q('birch'))).total).toBe(0);

    await write(headers, 'PATCH', `/blogs/${draft.id}`, { status: 'published' });
    expect((await search(q('birch'))).total).toBe(1);
    await write(headers, 'DELETE', `/blogs/${draft.id}`);
    expect((await search(q('birch'))).total).toBe(0);
    await write(headers, 'POST', `/blogs/${draft.id}/restore`);
    expect(ids(await search(q('birch')))).toEqual([draft.id]);

    // A scheduled blog is found once its publication fires, not before.
    const later = new Date(Date.now() + HOUR).toISOString();
    const scheduled = await publish(headers, { title: 'Cedar soon', pubDate: later });
    expect(scheduled.status).toBe('scheduled');
    expect((await search(q('cedar'))).total).toBe(0);
    expect(
      await publishDueBlogs(app.db, app.counts, app.searchIndex, new Date(Date.now() + 2 * HOUR)),
    ).toBe(1);
    expect(ids(await search(q('cedar')))).toEqual([scheduled.id]);

    // Trashed long ago, then purged: nothing of it stays in the index.
    await write(headers, 'DELETE', `/blogs/${scheduled.id}`);
    await app.db.execute(sql`INSERT INTO blog_search (blog_id, version, author_id, pub_date,
      title, excerpt, body, tags, tag_slugs) VALUES (${scheduled.id}, 1, 1, NOW(), 'Cedar stray', '', '', '', '')`);
    await purgeTrashedBlogs(app.db, app.counts, app.searchIndex, {
      now: new Date(Date.now() + 31 * 24 * HOUR),
    });
    expect(await app.searchIndex.versions([scheduled.id])).toEqual(new Map());
  });

  it('answers 422 with a field message for a missing, blank or too long q, in the reader language', async () => {
    for (const query of ['', 'q=', 'q=%20%20', `q=${'x'.repeat(101)}`]) {
      const res = await searchRes(query);
      expectFailure(res, 422, 'VALIDATION_FAILED');
      expect(Object.keys(res.json().errors)).toEqual(['q']);
    }
    const zh = await searchRes('q=', { 'accept-language': 'zh-CN' });
    expect(zh.json().errors).toEqual({ q: '必填。' });
    const en = await searchRes('q=');
    expect(en.json().errors).toEqual({ q: 'Required.' });
    for (const [query, field] of [
      ['q=a&perPage=0', 'perPage'],
      ['q=a&page=0', 'page'],
      ['q=a&authorId=x', 'authorId'],
    ]) {
      const res = await searchRes(query!);
      expectFailure(res, 422, 'VALIDATION_FAILED');
      expect(Object.keys(res.json().errors)).toEqual([field]);
    }
  });

  it('limits searches per address like the list’s title search', async () => {
    const ip = '127.78.0.1';
    for (let i = 0; i < SEARCH_ROUTE_LIMIT.max; i++) {
      const res = await app.inject({ method: 'GET', url: '/api/v1/search?q=a', remoteAddress: ip });
      expect(res.statusCode).toBe(200);
    }
    const limited = await app.inject({
      method: 'GET',
      url: '/api/v1/search?q=a',
      remoteAddress: ip,
    });
    expectFailure(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('GET /api/v1/blogs?q= (titles, through the index)', () => {
  it('matches titles only, in list order, with the other filters', async () => {
    const a = await makeAuthor(app);
    const b = await makeAuthor(app);
    const first = await makeBlog(app, a.id, { title: 'Ocean one' });
    const second = await makeBlog(app, b.id, { title: 'The oceans' });
    await makeBlog(app, a.id, { title: 'Lake', content: 'ocean ocean ocean' });
    const list = async (query: string) => {
      const res = await app.inject({
        method: 'GET',
        url: `/api/v1/blogs?${query}`,
        remoteAddress: nextAddress(),
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().data as BlogPage;
    };
    expect(await list('q=ocean')).toMatchObject({ total: 2, pages: 1 });
    expect(ids(await list('q=ocean'))).toEqual([second.id, first.id]);
    expect(ids(await list('q=ocean&sort=pubDate'))).toEqual([first.id, second.id]);
    expect(ids(await list(`q=ocean&authorId=${a.id}`))).toEqual([first.id]);
    expect(ids(await list('q=ocean&perPage=1&page=2'))).toEqual([first.id]);
  });
});

describe('the backfill', () => {
  it('indexes what the index lacks or holds at an older version, drops what is hidden, and is idempotent', async () => {
    const author = await makeAuthor(app);
    const shown = await makeBlog(app, author.id, { title: 'Maple' });
    const hidden = await makeBlog(app, author.id, { title: 'Maple hidden' });
    // Written behind the index's back: as on a database from before search.
    await app.db.execute(sql`TRUNCATE TABLE blog_search`);
    const [inserted] = await app.db.insert(blogs).values({
      authorId: author.id,
      title: 'Maple stray',
      content: 'x',
      contentHtml: '<p>枫叶 &amp; maple</p>',
      status: 'published',
      pubDate: new Date(),
    });
    expect(await backfillSearchIndex(app.db, app.searchIndex)).toEqual({ indexed: 3, removed: 0 });
    expect((await search(q('maple'))).total).toBe(3);
    expect(ids(await search(q('枫叶')))).toEqual([inserted.insertId]);
    expect(await backfillSearchIndex(app.db, app.searchIndex)).toEqual({ indexed: 0, removed: 0 });

    await app.db.update(blogs).set({ status: 'draft' }).where(eq(blogs.id, hidden.id));
    await app.db
      .update(blogs)
      .set({ title: 'Oak', version: sql`${blogs.version} + 1` })
      .where(eq(blogs.id, shown.id));
    expect(await backfillSearchIndex(app.db, app.searchIndex)).toEqual({ indexed: 1, removed: 1 });
    await app.counts.invalidate('blogs');
    expect(ids(await search(q('oak')))).toEqual([shown.id]);
    expect(ids(await search(q('maple')))).toEqual([inserted.insertId]);
  });
});

describe('search queries use the full-text indexes', () => {
  type Plan = { table: string; type: string; key: string | null; Extra: string }[];
  const dialect = new MySqlDialect();
  const toQuery = (query: ReturnType<typeof searchSql>) => dialect.sqlToQuery(query);
  async function explain(query: ReturnType<typeof searchSql>) {
    const { sql: text, params } = toQuery(query);
    const [rows] = await app.pool.query(`EXPLAIN ${text}`, params);
    return rows as Plan;
  }
  async function fastOrderLimits(): Promise<number> {
    const [rows] = await app.pool.query("SHOW GLOBAL STATUS LIKE 'Mroonga_fast_order_limit'");
    return Number((rows as { Value: string }[])[0]!.Value);
  }

  it('reads matches from the FULLTEXT index and sorts them inside Mroonga (fast order limit)', async () => {
    const author = await makeAuthor(app);
    for (let i = 0; i < 3; i++) await makeBlog(app, author.id, { title: `Pine ${i}` });
    const filters = [{}, { tag: 'trees' }, { authorId: author.id }];
    for (const filter of filters) {
      const params = { q: 'pine 松', ...filter, limit: 20, offset: 40 };
      for (const [query, key] of [
        [searchSql(params), 'blog_search_text_ft'],
        [countSql(params), 'blog_search_text_ft'],
        [titlesSql({ ...params, sort: '-pubDate' }), 'blog_search_title_ft'],
        [titlesSql({ ...params, sort: 'pubDate' }), 'blog_search_title_ft'],
      ] as const) {
        const plan = await explain(query);
        const label = JSON.stringify({ filter, plan });
        const step = plan.find((s) => s.table === 'blog_search');
        // A tag filter is a second full-text index; either one leads.
        if ('tag' in filter) expect(step?.key, label).toMatch(/^blog_search_(text|title|tag)_ft$/);
        else expect(step?.key, label).toBe(key);
        expect(step?.type, label).toBe('fulltext');
      }
    }
    // A page of matches is picked and sorted by the index, not by sorting every match.
    for (const query of [
      searchSql({ q: 'pine', limit: 2, offset: 0 }),
      titlesSql({ q: 'pine', sort: '-pubDate', limit: 2, offset: 0 }),
      titlesSql({ q: 'pine', authorId: author.id, sort: 'pubDate', limit: 2, offset: 0 }),
    ]) {
      const before = await fastOrderLimits();
      const { sql: text, params } = toQuery(query);
      const [rows] = await app.pool.query(text, params);
      expect(rows).toHaveLength(2);
      expect(await fastOrderLimits()).toBeGreaterThan(before);
    }
  });
});

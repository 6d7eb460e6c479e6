import type { BlogPage } from '@folio/schema';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { blogs } from '../src/db/schema';
import { buildTestApp, makeAuthor, makeBlog, resetData } from './helpers';

let app: App;
beforeAll(async () => {
  ({ app } = await buildTestApp());
});
afterAll(() => app.close());
beforeEach(() => resetData(app));

async function list(query: string) {
  const res = await app.inject({ method: 'GET', url: `/api/v1/blogs${query}` });
  return { res, body: res.json() as { result: boolean; data: BlogPage } };
}

describe('GET /api/v1/blogs', () => {
  it('lists published blogs newest first with their author, in the list envelope', async () => {
    const author = await makeAuthor(app, { name: 'Ann' });
    const older = await makeBlog(app, author.id, { pubDate: new Date('2016-01-11T11:01:05Z') });
    const newer = await makeBlog(app, author.id, { pubDate: new Date('2016-01-12T11:01:05Z') });
    const { res, body } = await list('');
    expect(res.statusCode).toBe(200);
    expect(body).toEqual({
      result: true,
      data: {
        items: [
          {
            id: newer.id,
            title: newer.title,
            excerpt: '',
            tags: [],
            readingMinutes: 1,
            pubDate: '2016-01-12T11:01:05.000Z',
            viewCount: 0,
            commentCount: 0,
            author: { id: author.id, name: 'Ann' },
            cover: null,
            featured: false,
          },
          expect.objectContaining({ id: older.id, pubDate: '2016-01-11T11:01:05.000Z' }),
        ],
        page: 1,
        perPage: 20,
        total: 2,
        pages: 1,
      },
    });
  });

  it('leaves out drafts and deleted blogs, and never leaks undeclared columns', async () => {
    const author = await makeAuthor(app);
    const shown = await makeBlog(app, author.id);
    await makeBlog(app, author.id, { status: 'draft' });
    await makeBlog(app, author.id, { deletedAt: new Date() });
    const { body } = await list('');
    expect(body.data.items.map((b) => b.id)).toEqual([shown.id]);
    expect(body.data.total).toBe(1);
    expect(Object.keys(body.data.items[0]!).sort()).toEqual(
      [
        'author',
        'commentCount',
        'cover',
        'excerpt',
        'featured',
        'id',
        'pubDate',
        'readingMinutes',
        'tags',
        'title',
        'viewCount',
      ].sort(),
    );
  });

  it('pages never overlap, even when publication times tie, and sort both ways', async () => {
    const author = await makeAuthor(app);
    const same = new Date('2020-05-05T05:05:05Z');
    const made = [];
    for (let i = 0; i < 7; i++) made.push(await makeBlog(app, author.id, { pubDate: same }));
    const seen: number[] = [];
    for (let page = 1; page <= 3; page++) {
      const { body } = await list(`?perPage=3&page=${page}`);
      expect(body.data).toMatchObject({ page, perPage: 3, total: 7, pages: 3 });
      seen.push(...body.data.items.map((b) => b.id));
    }
    expect(seen).toEqual(made.map((b) => b.id).reverse());
    const { body: ascending } = await list('?sort=pubDate&perPage=100');
    expect(ascending.data.items.map((b) => b.id)).toEqual(made.map((b) => b.id));
  });

  it('answers a page past the end with an empty list', async () => {
    const author = await makeAuthor(app);
    await makeBlog(app, author.id);
    const { res, body } = await list('?page=5');
    expect(res.statusCode).toBe(200);
    expect(body.data).toEqual({ items: [], page: 5, perPage: 20, total: 1, pages: 1 });
  });

  it('filters by author', async () => {
    const a = await makeAuthor(app);
    const b = await makeAuthor(app);
    const mine = await makeBlog(app, a.id);
    await makeBlog(app, b.id);
    const { body } = await list(`?authorId=${a.id}`);
    expect(body.data.items.map((x) => x.id)).toEqual([mine.id]);
    expect(body.data.total).toBe(1);
  });

  it('searches titles with the text as data: % and _ match themselves', async () => {
    const author = await makeAuthor(app);
    const percent = await makeBlog(app, author.id, { title: '100% Harry' });
    const underscore = await makeBlog(app, author.id, { title: 'snake_case Harry' });
    await makeBlog(app, author.id, { title: '1000 Harry' });
    await makeBlog(app, author.id, { title: 'snakeXcase Harry' });
    const harry = await list('?q=harry');
    expect(harry.body.data.total).toBe(4);
    expect((await list('?q=' + encodeURIComponent('0%'))).body.data.items.map((b) => b.id)).toEqual(
      [percent.id],
    );
    expect((await list('?q=e_c')).body.data.items.map((b) => b.id)).toEqual([underscore.id]);
    expect((await list('?q=' + encodeURIComponent("' OR 1=1 --"))).body.data.total).toBe(0);
    expect((await list('?q=' + encodeURIComponent('\\'))).body.data.total).toBe(0);
  });

  it('keeps Chinese and emoji titles intact (utf8mb4)', async () => {
    const author = await makeAuthor(app, { name: '李白' });
    const blog = await makeBlog(app, author.id, { title: '静夜思 🌙' });
    const { body } = await list('?q=' + encodeURIComponent('夜思'));
    expect(body.data.items).toEqual([
      expect.objectContaining({
        id: blog.id,
        title: '静夜思 🌙',
        author: { id: author.id, name: '李白' },
      }),
    ]);
  });

  it('recounts the total after a write instead of serving a stale one', async () => {
    const author = await makeAuthor(app);
    await makeBlog(app, author.id);
    expect((await list('')).body.data.total).toBe(1);
    await makeBlog(app, author.id);
    expect((await list('')).body.data.total).toBe(2);
  });

  it('serves deep pages (sought from cached anchors) exactly as a plain offset would', async () => {
    const author = await makeAuthor(app);
    // 2 130 blogs in 5 bulk inserts, with runs of equal publication times to test the tie-break.
    const values = Array.from({ length: 2_130 }, (_, i) => ({
      authorId: author.id,
      title: `Deep ${i}`,
      content: 'x',
      status: 'published' as const,
      pubDate: new Date(Date.UTC(2019, 0, 1) + Math.floor(i / 3) * 60_000),
    }));
    for (let i = 0; i < values.length; i += 500) {
      await app.db.insert(blogs).values(values.slice(i, i + 500));
    }
    await makeBlog(app, author.id, { pubDate: new Date('2018-06-01T00:00:00Z') });
    const all = (await app.db.select({ id: blogs.id, pubDate: blogs.pubDate }).from(blogs)).sort(
      (a, b) => b.pubDate.getTime() - a.pubDate.getTime() || b.id - a.id,
    );
    for (const [page, perPage] of [
      [51, 20],
      [52, 20],
      [101, 20],
      [106, 20],
      [107, 20],
      [11, 100],
    ] as const) {
      const { body } = await list(`?page=${page}&perPage=${perPage}`);
      const expected = all.slice((page - 1) * perPage, page * perPage).map((b) => b.id);
      expect(
        body.data.items.map((b) => b.id),
        `page ${page} of ${perPage}`,
      ).toEqual(expected);
    }
    const oldest = await list('?sort=pubDate&page=1&perPage=1');
    expect(oldest.body.data.items[0]!.pubDate).toBe('2018-06-01T00:00:00.000Z');
    const ascending = [...all].reverse();
    const deepAsc = await list('?sort=pubDate&page=60&perPage=20');
    expect(deepAsc.body.data.items.map((b) => b.id)).toEqual(
      ascending.slice(1180, 1200).map((b) => b.id),
    );
    // A write moves every later row: the anchors must be dropped with the totals.
    const newest = await makeBlog(app, author.id, { pubDate: new Date('2030-01-01T00:00:00Z') });
    const shifted = [newest.id, ...all.map((b) => b.id)];
    const after = await list('?page=52&perPage=20');
    expect(after.body.data.items.map((b) => b.id)).toEqual(shifted.slice(1020, 1040));
    expect(after.body.data.total).toBe(2_132);
  });

  it.each([
    ['?perPage=0', 'perPage'],
    ['?perPage=101', 'perPage'],
    ['?perPage=abc', 'perPage'],
    ['?page=0', 'page'],
    ['?page=-1', 'page'],
    ['?page=1.5', 'page'],
    ['?page=x', 'page'],
    ['?sort=title', 'sort'],
    ['?authorId=0', 'authorId'],
    ['?q=' + 'x'.repeat(101), 'q'],
  ])('rejects %s with a 422 naming %s', async (query, field) => {
    const { res } = await list(query);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body).toMatchObject({ result: false, code: 'VALIDATION_FAILED' });
    expect(Object.keys(body.errors)).toEqual([field]);
    expect(body.requestId).toBe(res.headers['x-request-id']);
  });
});

describe('GET /api/v1/blogs/:id', () => {
  it('returns the blog with its content, author and times', async () => {
    const author = await makeAuthor(app, { name: 'Mark' });
    const blog = await makeBlog(app, author.id, {
      title: 'The old man and the sea',
      content: '# Hi\n\nText',
      pubDate: new Date('2016-01-11T11:01:05Z'),
    });
    const res = await app.inject({ method: 'GET', url: `/api/v1/blogs/${blog.id}` });
    expect(res.statusCode).toBe(200);
    const { data } = res.json();
    expect(data).toMatchObject({
      id: blog.id,
      title: 'The old man and the sea',
      content: '# Hi\n\nText',
      pubDate: '2016-01-11T11:01:05.000Z',
      viewCount: 0,
      author: { id: author.id, name: 'Mark' },
    });
    expect(data.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Object.keys(data)).not.toContain('status');
    expect(Object.keys(data)).not.toContain('deletedAt');
  });

  it('is a 404 for drafts, deleted and missing blogs, in the reader language', async () => {
    const author = await makeAuthor(app);
    const draft = await makeBlog(app, author.id, { status: 'draft' });
    const deleted = await makeBlog(app, author.id, { deletedAt: new Date() });
    for (const id of [draft.id, deleted.id, 999999]) {
      const res = await app.inject({ method: 'GET', url: `/api/v1/blogs/${id}` });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ result: false, code: 'NOT_FOUND', msg: 'No such blog.' });
    }
    const zh = await app.inject({
      method: 'GET',
      url: '/api/v1/blogs/999999',
      headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' },
    });
    expect(zh.json().msg).toBe('没有这篇博客。');
  });

  it.each(['abc', '0', '-1', '1.5', '1e3', '0x10', '99999999999'])(
    'answers a 4xx envelope for the id %s',
    async (id) => {
      const res = await app.inject({ method: 'GET', url: `/api/v1/blogs/${id}` });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        result: false,
        code: 'VALIDATION_FAILED',
        errors: { id: 'Must be a positive integer.' },
      });
    },
  );
});

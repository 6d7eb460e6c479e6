import type { BlogPage, MyBlog, TagPage } from '@folio/schema';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { authors, blogs, tags } from '../src/db/schema';
import { createBlogRepository, linkTags, listingOf } from '../src/modules/blogs/repository';
import { buildTestApp, makeUser, resetData, sessionFor } from './helpers';

let app: App;
beforeAll(async () => {
  ({ app } = await buildTestApp({ RUN_WORKER: 'false' }));
});
afterAll(() => app.close());
beforeEach(() => resetData(app));

type Headers = Record<string, string>;

async function writer() {
  const user = await makeUser(app);
  return { user, headers: (await sessionFor(app, user.id)).headers };
}

async function create(headers: Headers, payload: Record<string, unknown>): Promise<MyBlog> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/blogs', headers, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data;
}

async function get<T>(url: string): Promise<T> {
  const res = await app.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as T;
}

const ids = (page: BlogPage) => page.items.map((b) => b.id);

describe('GET /api/v1/tags', () => {
  it('lists tags by their published blogs, most used first, and counts nothing else', async () => {
    const { headers } = await writer();
    const published = { status: 'published' };
    await create(headers, { ...published, title: 'a', tags: ['Rust', 'Web'] });
    await create(headers, { ...published, title: 'b', tags: ['rust', '编程'] });
    await create(headers, { ...published, title: 'c', tags: ['RUST', 'Web'] });
    await create(headers, { ...published, title: 'd', tags: ['Alpha'] });
    // Neither drafts, scheduled nor trashed blogs count.
    await create(headers, { title: 'draft', tags: ['Draft only', 'Alpha'] });
    await create(headers, {
      ...published,
      title: 'later',
      tags: ['Alpha'],
      pubDate: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const trashed = await create(headers, { ...published, title: 'gone', tags: ['Alpha'] });
    await app.inject({ method: 'DELETE', url: `/api/v1/blogs/${trashed.id}`, headers });

    const page = await get<TagPage>('/api/v1/tags');
    expect(page).toEqual({
      items: [
        { name: 'Rust', slug: 'rust', blogCount: 3 },
        { name: 'Web', slug: 'web', blogCount: 2 },
        { name: 'Alpha', slug: 'alpha', blogCount: 1 },
        { name: '编程', slug: '编程', blogCount: 1 },
      ],
      page: 1,
      perPage: 20,
      total: 4,
      pages: 1,
    });
    const second = await get<TagPage>('/api/v1/tags?perPage=3&page=2');
    expect(second.items.map((t) => t.slug)).toEqual(['编程']);
    expect(second.total).toBe(4);
    // A write changes the counts at once.
    await create(headers, { ...published, title: 'e', tags: ['编程', 'Alpha'] });
    const after = await get<TagPage>('/api/v1/tags');
    expect(after.items.map((t) => [t.name, t.blogCount])).toEqual([
      ['Rust', 3],
      ['Alpha', 2],
      ['Web', 2],
      ['编程', 2],
    ]);
  });
});

describe('GET /api/v1/blogs?tag=', () => {
  it('filters by the tag’s slug, alone and with author, title search and sort', async () => {
    const one = await writer();
    const two = await writer();
    const published = { status: 'published' };
    const a = await create(one.headers, { ...published, title: 'Harry a', tags: ['Rust'] });
    const b = await create(one.headers, { ...published, title: 'Other b', tags: ['rust', 'Go'] });
    const c = await create(two.headers, { ...published, title: 'Harry c', tags: ['RUST'] });
    const d = await create(two.headers, { ...published, title: 'Harry d', tags: ['编程'] });
    await create(one.headers, { title: 'draft', tags: ['Rust'] });

    const rust = await get<BlogPage>('/api/v1/blogs?tag=rust');
    expect(ids(rust)).toEqual([c.id, b.id, a.id]);
    expect(rust.total).toBe(3);
    expect(ids(await get<BlogPage>('/api/v1/blogs?tag=rust&sort=pubDate'))).toEqual([
      a.id,
      b.id,
      c.id,
    ]);
    const byAuthor = await get<BlogPage>(`/api/v1/blogs?tag=rust&authorId=${a.author.id}`);
    expect({ ids: ids(byAuthor), total: byAuthor.total }).toEqual({ ids: [b.id, a.id], total: 2 });
    const searched = await get<BlogPage>(`/api/v1/blogs?tag=rust&q=harry&authorId=${c.author.id}`);
    expect({ ids: ids(searched), total: searched.total }).toEqual({ ids: [c.id], total: 1 });
    expect(ids(await get<BlogPage>('/api/v1/blogs?tag=rust&q=harry'))).toEqual([c.id, a.id]);
    expect(ids(await get<BlogPage>(`/api/v1/blogs?tag=${encodeURIComponent('编程')}`))).toEqual([
      d.id,
    ]);
    expect(ids(await get<BlogPage>('/api/v1/blogs?tag=go&perPage=1&page=1'))).toEqual([b.id]);
    const unknown = await get<BlogPage>('/api/v1/blogs?tag=nothing-here');
    expect(unknown).toEqual({ items: [], page: 1, perPage: 20, total: 0, pages: 0 });
  });

  it('gives names that make the same slug slugs of their own', async () => {
    const { headers } = await writer();
    const plus = await create(headers, { status: 'published', title: 'p', tags: ['C++'] });
    const sharp = await create(headers, { status: 'published', title: 's', tags: ['C#'] });
    expect(plus.tags).toEqual([{ name: 'C++', slug: 'c' }]);
    expect(sharp.tags[0]!.name).toBe('C#');
    expect(sharp.tags[0]!.slug).toMatch(/^c-[0-9a-f]{8}$/);
    expect(ids(await get<BlogPage>('/api/v1/blogs?tag=c'))).toEqual([plus.id]);
    expect(ids(await get<BlogPage>(`/api/v1/blogs?tag=${sharp.tags[0]!.slug}`))).toEqual([
      sharp.id,
    ]);
    const punctuation = await create(headers, { title: 'x', tags: ['!!!'] });
    expect(punctuation.tags[0]!.slug).toMatch(/^tag-[0-9a-f]{8}$/);
  });

  it('makes a new tag (and the writer’s author profile) once when several saves bring it at the same time', async () => {
    const { headers } = await writer();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/blogs',
          headers,
          payload: { title: `race ${i}`, status: 'published', tags: [i % 2 ? 'Fresh' : 'fresh'] },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(await app.db.select().from(tags)).toHaveLength(1);
    // Their first blogs all at once: still one author profile for the writer.
    expect(await app.db.select().from(authors)).toHaveLength(1);
    const page = await get<TagPage>('/api/v1/tags');
    expect(page.items).toEqual([
      { name: expect.stringMatching(/^fresh$/i), slug: 'fresh', blogCount: 6 },
    ]);
  });

  it.each([['?tag='], ['?tag=' + 'x'.repeat(65)]])('refuses %s with a 422', async (query) => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/blogs${query}` });
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json().errors)).toEqual(['tag']);
  });
});

/** Enough rows in every state for the planner to choose as it would on a real site. */
async function plannerData() {
  const authorRows = Array.from({ length: 30 }, (_, i) => ({ name: `Planner ${i}`, email: null }));
  await app.db.insert(authors).values(authorRows);
  const authorIds = (await app.db.select({ id: authors.id }).from(authors)).map((a) => a.id);
  await app.db
    .insert(tags)
    .values(Array.from({ length: 40 }, (_, i) => ({ name: `tag ${i}`, slug: `tag-${i}` })));
  const tagRows = await app.db.select({ id: tags.id, slug: tags.slug }).from(tags);
  const tagIds = tagRows.map((t) => t.id);
  const states = ['published', 'published', 'published', 'draft', 'scheduled'] as const;
  const rows = Array.from({ length: 4_000 }, (_, i) => ({
    authorId: authorIds[i % authorIds.length]!,
    title: `Planned ${i}`,
    content: 'x',
    status: states[i % states.length]!,
    pubDate: new Date(Date.UTC(2018, 0, 1) + i * 3_600_000),
    deletedAt: i % 17 === 0 ? new Date() : null,
  }));
  for (let i = 0; i < rows.length; i += 1_000) {
    await app.db.insert(blogs).values(rows.slice(i, i + 1_000));
  }
  const blogRows = await app.db
    .select({
      id: blogs.id,
      status: blogs.status,
      deletedAt: blogs.deletedAt,
      pubDate: blogs.pubDate,
    })
    .from(blogs);
  const tagged = blogRows.map((row, i) => ({
    blogId: row.id,
    tagIds: [...new Set([tagIds[i % tagIds.length]!, tagIds[(i * 7 + 3) % tagIds.length]!])],
    listing: listingOf(row),
  }));
  for (let i = 0; i < tagged.length; i += 1_000) {
    await linkTags(app.db, tagged.slice(i, i + 1_000));
  }
  for (const table of ['blogs', 'blog_tags', 'tags', 'authors']) {
    await app.pool.query(`ANALYZE TABLE ${table}`);
  }
  return { authorId: authorIds[3]!, tag: tagRows[5]!.slug };
}

describe('the new list shapes use an index', () => {
  type Plan = {
    select_type: string;
    table: string;
    type: string;
    key: string | null;
    Extra: string;
  }[];
  async function explain(query: { toSQL: () => { sql: string; params: unknown[] } }) {
    const { sql: text, params } = query.toSQL();
    const [rows] = await app.pool.query(`EXPLAIN ${text}`, params);
    return rows as Plan;
  }

  it('reads a tag’s blogs as a range of blog_tags_listing_idx, with any other filter and either sort', async () => {
    const { authorId, tag } = await plannerData();
    const repo = createBlogRepository(app.db);
    for (const filter of [{ tag }, { tag, authorId }]) {
      for (const sort of ['-pubDate', 'pubDate'] as const) {
        for (const [offset, afterId] of [
          [0, undefined],
          [40, undefined],
          [40, 5],
        ] as const) {
          const plan = await explain(repo.listPage(filter, sort, 20, offset, afterId));
          const label = JSON.stringify({ filter, sort, offset, afterId, plan });
          // The tag is a constant (its slug's unique index), its blogs a range of the listing
          // index in list order: nothing sorted but the page's own rows once picked.
          expect(plan.find((s) => s.table === 'tags')?.type, label).toBe('const');
          const links = plan.find((s) => s.table === 'blog_tags');
          expect(links?.key, label).toBe('blog_tags_listing_idx');
          expect(['ref', 'range'], label).toContain(links!.type);
          for (const step of plan.filter((s) => s.table !== '<derived2>')) {
            expect(step.key, label).not.toBeNull();
            expect(step.Extra, label).not.toContain('filesort');
          }
        }
        const count = await explain(repo.countQuery(filter));
        const label = JSON.stringify({ filter, count });
        expect(count.find((s) => s.table === 'blog_tags')?.key, label).toBe(
          'blog_tags_listing_idx',
        );
        for (const step of count) expect(step.key, label).not.toBeNull();
        // A tag alone is counted in the index: no blog is read.
        if (!filter.authorId)
          expect(
            count.map((s) => s.table),
            label,
          ).not.toContain('blogs');
      }
    }
  });

  it('reads an author’s own list of each state from the per-author indexes, without a filesort', async () => {
    const { authorId } = await plannerData();
    const repo = createBlogRepository(app.db);
    // Either per-author index serves a state: (author, state, deleted, date) or (author, deleted, date).
    const index = /^blogs_author_(visible|deleted)_pub_idx$/;
    for (const status of [undefined, 'draft', 'scheduled', 'published'] as const) {
      for (const sort of ['-pubDate', 'pubDate'] as const) {
        const plan = await explain(repo.ownPageQuery({ authorId, status }, sort, 20, 40));
        const step = plan.find((s) => s.table === 'blogs');
        expect(step?.key, JSON.stringify({ status, plan })).toMatch(index);
        expect(step!.Extra).not.toContain('filesort');
      }
    }
    // The trash of an author is read from their index too (its order is sorted in memory:
    // a trash holds 30 days of deletions).
    const trash = await explain(
      repo.ownPageQuery({ authorId, status: 'trashed' }, '-pubDate', 20, 0),
    );
    expect(trash.find((s) => s.table === 'blogs')?.key).toMatch(/^blogs_author_/);
  });

  it('counts tags’ published blogs in the listing index, without reading a blog', async () => {
    await plannerData();
    const repo = createBlogRepository(app.db);
    const plan = await explain(repo.tagPageQuery(20, 0));
    const label = JSON.stringify(plan);
    for (const step of plan) expect(step.key, label).not.toBeNull();
    expect(plan.find((s) => s.table === 'blog_tags')?.key, label).toBe('blog_tags_listing_idx');
    expect(
      plan.map((s) => s.table),
      label,
    ).not.toContain('blogs');
  });
});

describe('GET /api/v1/tags/:slug', () => {
  it('gives a tag with its published blogs’ count, by its slug in any script', async () => {
    const { headers } = await writer();
    const published = { status: 'published' };
    await create(headers, { ...published, title: 'a', tags: ['Rust', '编程'] });
    await create(headers, { ...published, title: 'b', tags: ['rust'] });
    await create(headers, { title: 'draft', tags: ['Rust'] });

    expect(await get('/api/v1/tags/rust')).toEqual({ name: 'Rust', slug: 'rust', blogCount: 2 });
    expect(await get(`/api/v1/tags/${encodeURIComponent('编程')}`)).toEqual({
      name: '编程',
      slug: '编程',
      blogCount: 1,
    });
  });

  it('answers 404 for an unknown tag and for one only drafts and trashed blogs carry', async () => {
    const { headers } = await writer();
    await create(headers, { title: 'draft', tags: ['Draft only'] });
    const trashed = await create(headers, { status: 'published', title: 'x', tags: ['Gone'] });
    await app.inject({ method: 'DELETE', url: `/api/v1/blogs/${trashed.id}`, headers });

    for (const slug of ['nothing-here', 'draft-only', 'gone']) {
      const res = await app.inject({
        method: 'GET',
        url: `/api/v1/tags/${slug}`,
        headers: { 'accept-language': 'zh-CN' },
      });
      expect(res.statusCode, slug).toBe(404);
      expect(res.json()).toMatchObject({ result: false, code: 'NOT_FOUND', msg: '没有这个标签。' });
    }
  });

  it('refuses a slug longer than any tag’s with a 422', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/tags/${'x'.repeat(65)}` });
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json().errors)).toEqual(['slug']);
  });

  it('reads the tag by its unique slug index', async () => {
    await plannerData();
    const repo = createBlogRepository(app.db);
    const [rows] = await app.pool.query(
      `EXPLAIN ${repo.tagBySlugQuery('tag-5').toSQL().sql}`,
      repo.tagBySlugQuery('tag-5').toSQL().params,
    );
    const plan = rows as { table: string; key: string | null }[];
    expect(plan.find((s) => s.table === 'tags')?.key, JSON.stringify(plan)).toBe('tags_slug_uq');
    for (const step of plan) expect(step.key, JSON.stringify(plan)).not.toBeNull();
  });
});

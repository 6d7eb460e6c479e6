import type { BlogPage, MyBlog, MyBlogPage } from '@folio/schema';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { authors, blogs } from '../src/db/schema';
import { insertDemoData } from '../src/db/demo';
import { SAMPLE_BLOGS, seedIfEmpty } from '../src/db/seed';
import {
  buildTestApp,
  grant,
  makeAuthor,
  makeBlog,
  makeUser,
  resetData,
  sessionFor,
} from './helpers';
import { XSS_PAYLOADS } from './xss-payloads';

let app: App;
beforeAll(async () => {
  ({ app } = await buildTestApp({ RUN_WORKER: 'false' }));
});
afterAll(() => app.close());
beforeEach(() => resetData(app));

type Headers = Record<string, string>;

async function writer(fields: { nickname?: string } = {}) {
  const user = await makeUser(app, fields);
  const { headers } = await sessionFor(app, user.id);
  return { user, headers };
}

function create(headers: Headers, payload: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: '/api/v1/blogs', headers, payload });
}

function patch(headers: Headers, id: number, payload: Record<string, unknown>) {
  return app.inject({ method: 'PATCH', url: `/api/v1/blogs/${id}`, headers, payload });
}

async function created(headers: Headers, payload: Record<string, unknown>): Promise<MyBlog> {
  const res = await create(headers, payload);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data;
}

const publicList = async (query = '') =>
  (await app.inject({ method: 'GET', url: `/api/v1/blogs${query}` })).json().data as BlogPage;
const myList = async (headers: Headers, query = '') =>
  (await app.inject({ method: 'GET', url: `/api/v1/me/blogs${query}`, headers })).json()
    .data as MyBlogPage;

describe('POST /api/v1/blogs', () => {
  it('saves a draft by default, and makes the writer an author named after their nickname', async () => {
    const { user, headers } = await writer({ nickname: 'Quill' });
    const res = await create(headers, { title: '  My first  ', content: 'Hello **world**' });
    expect(res.statusCode).toBe(201);
    const blog = res.json().data as MyBlog;
    expect(res.headers.location).toBe(`/api/v1/me/blogs/${blog.id}`);
    expect(res.headers.etag).toMatch(/^"b\d+\.v1"$/);
    expect(blog).toMatchObject({
      title: 'My first',
      content: 'Hello **world**',
      contentHtml: '<p>Hello <strong>world</strong></p>\n',
      excerpt: 'Hello world',
      tags: [],
      readingMinutes: 1,
      status: 'draft',
      deletedAt: null,
      viewCount: 0,
      author: { name: 'Quill' },
    });
    const [author] = await app.db.select().from(authors).where(eq(authors.userId, user.id));
    expect(author).toMatchObject({ id: blog.author.id, name: 'Quill', email: null });
    // A draft is nobody else's to see.
    expect((await publicList()).total).toBe(0);
    const second = await created(headers, { title: 'Second' });
    expect(second.author.id).toBe(blog.author.id);
    expect(await app.db.select().from(authors)).toHaveLength(1);
    // The new author is listed, without any address.
    const listed = await app.inject({ method: 'GET', url: `/api/v1/authors/${blog.author.id}` });
    expect(listed.json().data).toEqual({
      id: blog.author.id,
      name: 'Quill',
      bio: null,
      blogCount: 0,
      createdAt: expect.any(String),
    });
  });

  it('publishes now by default, with excerpt, tags and reading time in the lists and the detail', async () => {
    const { headers } = await writer();
    const before = Date.now();
    const blog = await created(headers, {
      title: 'Published',
      content: '# Intro\n\nSome words here.',
      status: 'published',
      tags: ['Rust', 'rust', '编程', ' Web Dev '],
    });
    expect(blog.status).toBe('published');
    expect(Date.parse(blog.pubDate)).toBeGreaterThanOrEqual(before - 1000);
    expect(blog.tags).toEqual([
      { name: 'Rust', slug: 'rust' },
      { name: '编程', slug: '编程' },
      { name: 'Web Dev', slug: 'web-dev' },
    ]);
    const list = await publicList();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      id: blog.id,
      excerpt: 'Intro Some words here.',
      tags: blog.tags,
      readingMinutes: 1,
    });
    const detail = await app.inject({ method: 'GET', url: `/api/v1/blogs/${blog.id}` });
    expect(detail.headers.etag).toBe(`"b${blog.id}.v1"`);
    expect(detail.json().data).toMatchObject({
      content: '# Intro\n\nSome words here.',
      contentHtml: expect.stringContaining(
        '<h2 id="h-intro"><a class="heading-anchor" href="#h-intro"',
      ),
    });
    expect(Object.keys(detail.json().data)).not.toContain('status');
    // Another blog with "RUST" finds the same tag.
    const other = await created(headers, { title: 'Other', tags: ['RUST'] });
    expect(other.tags).toEqual([{ name: 'Rust', slug: 'rust' }]);
  });

  it('keeps the given excerpt, and measures reading time in words and in Chinese characters', async () => {
    const { headers } = await writer();
    const latin = await created(headers, {
      title: 'Long',
      content: Array.from({ length: 401 }, (_, i) => `word${i}`).join(' '),
      excerpt: 'My own summary',
    });
    expect(latin).toMatchObject({ excerpt: 'My own summary', readingMinutes: 3 });
    const chinese = await created(headers, { title: '长文', content: '字'.repeat(800) });
    expect(chinese.readingMinutes).toBe(2);
    expect(chinese.excerpt).toHaveLength(300);
    expect(chinese.excerpt.endsWith('…')).toBe(true);
    const emoji = await created(headers, { title: 'emoji', content: '😀'.repeat(400) });
    expect(emoji.excerpt.length).toBeLessThanOrEqual(300);
    expect(emoji.excerpt).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('schedules a published blog whose time is ahead: not listed, not readable, until then', async () => {
    const { headers } = await writer();
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const blog = await created(headers, { title: 'Soon', status: 'published', pubDate: later });
    expect(blog).toMatchObject({ status: 'scheduled', pubDate: later });
    expect((await publicList()).total).toBe(0);
    const read = await app.inject({ method: 'GET', url: `/api/v1/blogs/${blog.id}` });
    expect(read.statusCode).toBe(404);
  });

  it('asks for a login', async () => {
    const res = await create({}, { title: 'x' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ result: false, code: 'UNAUTHENTICATED' });
  });

  it.each([
    [{ title: '' }, 'title', 'Use 1 to 200 characters.'],
    [{ title: '   ' }, 'title', 'Use 1 to 200 characters.'],
    [{ title: 'x'.repeat(201) }, 'title', 'Use 1 to 200 characters.'],
    [{ title: 'ok', content: 'x'.repeat(100_001) }, 'content', 'Use at most 100000 characters.'],
    [{ title: 'ok', excerpt: 'x'.repeat(301) }, 'excerpt', 'Use at most 300 characters.'],
    [
      { title: 'ok', tags: Array.from({ length: 11 }, (_, i) => `t${i}`) },
      'tags',
      'Use at most 10 tags.',
    ],
    [{ title: 'ok', tags: ['x'.repeat(31)] }, 'tags.0', 'A tag has 1 to 30 characters.'],
    [{ title: 'ok', tags: [''] }, 'tags.0', 'A tag has 1 to 30 characters.'],
    [{ title: 'ok', status: 'scheduled' }, 'status', undefined],
    [{ title: 'ok', pubDate: 'yesterday' }, 'pubDate', 'Use a time like 2016-01-11T11:01:05.000Z.'],
    [
      { title: 'ok', pubDate: '0001-01-01T00:00:00.000Z' },
      'pubDate',
      'Use a time like 2016-01-11T11:01:05.000Z.',
    ],
    [{ content: 'no title' }, 'title', undefined],
  ])('refuses bad body #%# with a 422 naming the field', async (payload, field, message) => {
    const { headers } = await writer();
    const res = await create(headers, payload);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body).toMatchObject({ result: false, code: 'VALIDATION_FAILED' });
    expect(Object.keys(body.errors)).toEqual([field]);
    if (message) expect(body.errors[field]).toBe(message);
  });

  it('says field problems in Chinese to a Chinese reader', async () => {
    const { headers } = await writer();
    const res = await create({ ...headers, 'accept-language': 'zh-CN' }, { title: '' });
    expect(res.json().errors).toEqual({ title: '标题长度为 1 到 200 个字符。' });
  });
});

describe('PATCH /api/v1/blogs/:id: validation', () => {
  it.each([
    [{ title: '' }, 'title'],
    [{ content: 'x'.repeat(100_001) }, 'content'],
    [{ excerpt: 'x'.repeat(301) }, 'excerpt'],
    [{ tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, 'tags'],
    [{ status: 'trashed' }, 'status'],
    [{ pubDate: '2020-13-01T00:00:00.000Z' }, 'pubDate'],
  ])(
    'refuses change #%# with a 422 naming the field, and changes nothing',
    async (payload, field) => {
      const { headers } = await writer();
      const blog = await created(headers, { title: 'Kept' });
      const res = await patch(headers, blog.id, payload);
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ result: false, code: 'VALIDATION_FAILED' });
      expect(Object.keys(res.json().errors)).toEqual([field]);
      const mine = await app.inject({ method: 'GET', url: `/api/v1/me/blogs/${blog.id}`, headers });
      expect(mine.headers.etag).toBe(`"b${blog.id}.v1"`);
    },
  );
});

describe('PATCH and DELETE /api/v1/blogs/:id: who may', () => {
  it('lets the owner change only the fields given, re-rendering the content', async () => {
    const { headers } = await writer();
    const blog = await created(headers, {
      title: 'Before',
      content: 'old',
      tags: ['a', 'b'],
      status: 'published',
    });
    const res = await patch(headers, blog.id, { content: '*new*', tags: ['b'] });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe(`"b${blog.id}.v2"`);
    expect(res.json().data).toMatchObject({
      title: 'Before',
      content: '*new*',
      contentHtml: '<p><em>new</em></p>\n',
      excerpt: 'new',
      tags: [{ name: 'b', slug: 'b' }],
      status: 'published',
      pubDate: blog.pubDate,
    });
  });

  it('publishes a draft at the moment it is published, not when it was first saved', async () => {
    const { headers } = await writer();
    const draft = await created(headers, { title: 'Draft', pubDate: '2020-01-01T00:00:00.000Z' });
    expect(draft.status).toBe('draft');
    const before = Date.now();
    const res = await patch(headers, draft.id, { status: 'published' });
    const data = res.json().data as MyBlog;
    expect(data.status).toBe('published');
    expect(Date.parse(data.pubDate)).toBeGreaterThanOrEqual(before - 1000);
    const back = await patch(headers, draft.id, { status: 'draft' });
    expect(back.json().data.status).toBe('draft');
    expect((await publicList()).total).toBe(0);
  });

  it('refuses others with 403, anonymous with 401, and a missing blog with 404', async () => {
    const owner = await writer();
    const other = await writer();
    const blog = await created(owner.headers, { title: 'Mine', status: 'published' });
    for (const res of [
      await patch(other.headers, blog.id, { title: 'Theirs' }),
      await app.inject({
        method: 'DELETE',
        url: `/api/v1/blogs/${blog.id}`,
        headers: other.headers,
      }),
      await app.inject({
        method: 'GET',
        url: `/api/v1/me/blogs/${blog.id}`,
        headers: other.headers,
      }),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({
        result: false,
        code: 'FORBIDDEN',
        msg: 'Only its author may change this blog.',
      });
    }
    for (const res of [
      await patch({}, blog.id, { title: 'Anyone' }),
      await app.inject({ method: 'DELETE', url: `/api/v1/blogs/${blog.id}` }),
      await app.inject({ method: 'GET', url: '/api/v1/me/blogs' }),
      await app.inject({ method: 'GET', url: `/api/v1/me/blogs/${blog.id}` }),
    ]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('UNAUTHENTICATED');
    }
    const missing = await patch(owner.headers, 999_999, { title: 'x' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND', msg: 'No such blog.' });
    const unchanged = await app.inject({ method: 'GET', url: `/api/v1/blogs/${blog.id}` });
    expect(unchanged.json().data.title).toBe('Mine');
  });

  it('lets a moderator (content.moderate) change and delete anyone’s blog; the author stays', async () => {
    const owner = await writer({ nickname: 'Owner' });
    const staff = await writer();
    const blog = await created(owner.headers, { title: 'Rude', status: 'published' });
    await grant(app, staff.user.id, 'content.moderate');
    const res = await patch(staff.headers, blog.id, { title: 'Polite' });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({ title: 'Polite', author: { name: 'Owner' } });
    const seen = await app.inject({
      method: 'GET',
      url: `/api/v1/me/blogs/${blog.id}`,
      headers: staff.headers,
    });
    expect(seen.statusCode).toBe(200);
    const gone = await app.inject({
      method: 'DELETE',
      url: `/api/v1/blogs/${blog.id}`,
      headers: staff.headers,
    });
    expect(gone.statusCode).toBe(200);
    expect(gone.json().data.status).toBe('trashed');
    // Another permission is not this one.
    const other = await writer();
    await grant(app, other.user.id, 'users.read');
    expect((await patch(other.headers, blog.id, { title: 'No' })).statusCode).toBe(403);
  });

  it('moves a deleted blog to the trash: gone from the public, kept for its owner', async () => {
    const { headers } = await writer();
    const blog = await created(headers, { title: 'Bye', status: 'published' });
    const res = await app.inject({ method: 'DELETE', url: `/api/v1/blogs/${blog.id}`, headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({ id: blog.id, status: 'trashed' });
    expect(res.json().data.deletedAt).toEqual(expect.any(String));
    expect((await app.inject({ method: 'GET', url: `/api/v1/blogs/${blog.id}` })).statusCode).toBe(
      404,
    );
    expect((await publicList()).total).toBe(0);
    expect((await myList(headers, '?status=trashed')).items.map((b) => b.id)).toEqual([blog.id]);
    const edit = await patch(headers, blog.id, { title: 'Back?' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json()).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('lost updates: ETag and If-Match', () => {
  it('refuses a change made from an older version with 412, and takes one from the current', async () => {
    const { headers } = await writer();
    const blog = await created(headers, { title: 'v1', status: 'published' });
    const read = await app.inject({ method: 'GET', url: `/api/v1/blogs/${blog.id}` });
    const etag = read.headers.etag as string;
    const mine = await app.inject({ method: 'GET', url: `/api/v1/me/blogs/${blog.id}`, headers });
    expect(mine.headers.etag).toBe(etag);

    const first = await patch({ ...headers, 'if-match': etag }, blog.id, { title: 'v2' });
    expect(first.statusCode).toBe(200);
    const newer = first.headers.etag as string;
    expect(newer).not.toBe(etag);

    const stale = await patch({ ...headers, 'if-match': etag }, blog.id, { title: 'lost' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({
      result: false,
      code: 'PRECONDITION_FAILED',
      msg: 'This was changed since you loaded it; reload it and make your change again.',
    });
    const zh = await patch({ ...headers, 'if-match': etag, 'accept-language': 'zh-CN' }, blog.id, {
      title: 'lost',
    });
    expect(zh.json().msg).toBe('内容在你打开之后已被修改，请刷新后重新修改。');
    for (const tag of [
      `W/${etag}`,
      '"garbage"',
      `"b${blog.id + 1}.v2"`,
      `W/"b${blog.id + 1}.v2"`,
    ]) {
      expect(
        (await patch({ ...headers, 'if-match': tag }, blog.id, { title: 'x' })).statusCode,
      ).toBe(412);
    }
    const deleteStale = await app.inject({
      method: 'DELETE',
      url: `/api/v1/blogs/${blog.id}`,
      headers: { ...headers, 'if-match': etag },
    });
    expect(deleteStale.statusCode).toBe(412);

    const listed = await patch({ ...headers, 'if-match': `"x", ${newer}` }, blog.id, {
      title: 'v3',
    });
    expect(listed.statusCode).toBe(200);
    expect(
      (await patch({ ...headers, 'if-match': '*' }, blog.id, { title: 'v4' })).statusCode,
    ).toBe(200);
    // Without If-Match the client takes the risk itself.
    // (Long enough that its answer is compressed below.)
    const content = 'A long text to read. '.repeat(100);
    expect((await patch(headers, blog.id, { title: 'v5', content })).statusCode).toBe(200);
    const final = await app.inject({ method: 'GET', url: `/api/v1/blogs/${blog.id}` });
    expect(final.json().data.title).toBe('v5');
    expect(final.headers.etag).toBe(`"b${blog.id}.v5"`);
    // Compressed (here, or by nginx in front), the answer's ETag is weak; it still names v5.
    const compressed = await app.inject({
      method: 'GET',
      url: `/api/v1/blogs/${blog.id}`,
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect(compressed.headers.etag).toBe(`W/"b${blog.id}.v5"`);
    const weak = compressed.headers.etag as string;
    expect(
      (await patch({ ...headers, 'if-match': weak }, blog.id, { title: 'v6' })).statusCode,
    ).toBe(200);
    expect(
      (await patch({ ...headers, 'if-match': weak }, blog.id, { title: 'lost' })).statusCode,
    ).toBe(412);
  });

  it('lets only one of two saves made from the same version through', async () => {
    const { headers } = await writer();
    const blog = await created(headers, { title: 'race' });
    const etag = `"b${blog.id}.v1"`;
    const results = await Promise.all(
      ['a', 'b', 'c'].map((title) => patch({ ...headers, 'if-match': etag }, blog.id, { title })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412, 412]);
  });
});

describe('GET /api/v1/me/blogs', () => {
  it('lists the writer’s own blogs in every state, filtered by status and paged', async () => {
    const { headers } = await writer();
    const other = await writer();
    await created(other.headers, { title: 'Not mine', status: 'published' });
    expect(await myList(headers)).toEqual({ items: [], page: 1, perPage: 20, total: 0, pages: 0 });

    const draft = await created(headers, { title: 'Draft', pubDate: '2021-01-01T00:00:00.000Z' });
    const published = await created(headers, {
      title: 'Published',
      status: 'published',
      pubDate: '2021-02-01T00:00:00.000Z',
      tags: ['x'],
    });
    const scheduled = await created(headers, {
      title: 'Scheduled',
      status: 'published',
      pubDate: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const trashed = await created(headers, { title: 'Trashed', status: 'published' });
    await app.inject({ method: 'DELETE', url: `/api/v1/blogs/${trashed.id}`, headers });

    const all = await myList(headers);
    expect(all.items.map((b) => [b.id, b.status])).toEqual([
      [scheduled.id, 'scheduled'],
      [published.id, 'published'],
      [draft.id, 'draft'],
    ]);
    expect(all.total).toBe(3);
    expect(Object.keys(all.items[1]!).sort()).toEqual(
      [
        'author',
        'commentCount',
        'cover',
        'deletedAt',
        'excerpt',
        'featured',
        'id',
        'pubDate',
        'readingMinutes',
        'status',
        'tags',
        'title',
        'updatedAt',
        'viewCount',
      ].sort(),
    );
    expect(all.items[1]!.tags).toEqual([{ name: 'x', slug: 'x' }]);
    for (const [status, id] of [
      ['draft', draft.id],
      ['published', published.id],
      ['scheduled', scheduled.id],
      ['trashed', trashed.id],
    ] as const) {
      const page = await myList(headers, `?status=${status}`);
      expect({ status, ids: page.items.map((b) => b.id), total: page.total }).toEqual({
        status,
        ids: [id],
        total: 1,
      });
    }
    const paged = await myList(headers, '?perPage=2&page=2&sort=pubDate');
    expect(paged).toMatchObject({ page: 2, perPage: 2, total: 3, pages: 2 });
    expect(paged.items.map((b) => b.id)).toEqual([scheduled.id]);
    const bad = await app.inject({ method: 'GET', url: '/api/v1/me/blogs?status=gone', headers });
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().errors)).toEqual(['status']);
  });
});

describe('rendering markdown to safe HTML', () => {
  /** Every attribute value in the HTML, entities decoded as a browser would. */
  function attributes(html: string): { name: string; value: string }[] {
    const decode = (v: string) =>
      v
        .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
        .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
        .replace(/&colon;/gi, ':')
        .replace(/&tab;/gi, '\t')
        .replace(/&newline;/gi, '\n')
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    return tags.flatMap((tag) =>
      [...tag.matchAll(/\s([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)].map((m) => ({
        name: m[1]!.toLowerCase(),
        value: decode(m[2] ?? m[3] ?? m[4] ?? ''),
      })),
    );
  }

  it(`stores and serves none of ${XSS_PAYLOADS.length} known XSS payloads as live markup`, async () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(25);
    const { headers } = await writer();
    for (const payload of XSS_PAYLOADS) {
      const blog = await created(headers, {
        title: 'XSS',
        content: `Before\n\n${payload}\n\nAfter`,
        status: 'published',
      });
      const res = await app.inject({ method: 'GET', url: `/api/v1/blogs/${blog.id}` });
      const { contentHtml, content, excerpt } = res.json().data as MyBlog;
      expect(content).toBe(`Before\n\n${payload}\n\nAfter`);
      const why = `payload ${payload} gave ${contentHtml}`;
      expect(contentHtml, why).not.toMatch(
        /<\/?(script|iframe|form|input|button|textarea|style|object|embed|svg|math|meta|base|link|body|details|div)\b/i,
      );
      for (const { name, value } of attributes(contentHtml)) {
        expect(name, why).not.toMatch(/^on/);
        expect(['style', 'srcdoc', 'target', 'formaction', 'action'], why).not.toContain(name);
        if (name === 'href' || name === 'src') {
          // Browsers drop control characters and spaces from a URL's scheme.
          const plain = [...value]
            .filter((c) => c.charCodeAt(0) > 0x20)
            .join('')
            .toLowerCase();
          expect(plain, why).not.toMatch(/^(javascript|vbscript|data):/);
        }
      }
      for (const anchor of contentHtml.match(/<a\b[^>]*>/g) ?? []) {
        expect(anchor, why).toContain('rel="nofollow noopener noreferrer"');
      }
      expect(contentHtml.startsWith('<p>Before</p>'), why).toBe(true);
      // Plain text (it is never HTML), starting with the text around the payload.
      expect(excerpt.startsWith('Before'), why).toBe(true);
    }
  });

  it('keeps ordinary markdown: links get rel, headings get an id and a link to it', async () => {
    const { headers } = await writer();
    const blog = await created(headers, {
      title: 'Fine',
      content:
        '## Hello, World!\n\n## Hello, World!\n\n## 静夜思\n\n' +
        'See [the site](https://example.com "home") and <https://example.org>.\n\n' +
        '![cat](https://img.example/cat.png)\n\n- [x] done\n\n```ts\nconst a = 1 < 2;\n```\n\n' +
        '| a | b |\n|---|---|\n| 1 | 2 |',
    });
    const html = blog.contentHtml;
    expect(html).toContain(
      '<h3 id="h-hello-world"><a class="heading-anchor" href="#h-hello-world" rel="nofollow noopener noreferrer">#</a> Hello, World!</h3>',
    );
    expect(html).toContain('<h3 id="h-hello-world-1">');
    expect(html).toContain('<h3 id="h-静夜思">');
    expect(html).toContain(
      '<a href="https://example.com" title="home" rel="nofollow noopener noreferrer">the site</a>',
    );
    expect(html).toContain(
      '<a href="https://example.org" rel="nofollow noopener noreferrer">https://example.org</a>',
    );
    expect(html).toContain('<img src="https://img.example/cat.png" alt="cat" />');
    expect(html).toContain('<code class="language-ts">const a = 1 &lt; 2;');
    expect(html).toContain('<td>1</td>');
    expect(blog.excerpt.startsWith('Hello, World! Hello, World! 静夜思 See the site')).toBe(true);
  });

  it('renders the generated demo blogs, and their totals are right at once', async () => {
    expect((await publicList()).total).toBe(0);
    await insertDemoData(app.db, app.counts, { blogs: 12 });
    const rows = await app.db
      .select({
        contentHtml: blogs.contentHtml,
        excerpt: blogs.excerpt,
        minutes: blogs.readingMinutes,
      })
      .from(blogs);
    expect(rows).toHaveLength(12);
    for (const row of rows) {
      expect(row.contentHtml).toMatch(/<h[2-6] id="h-/);
      expect(row.excerpt.length).toBeGreaterThan(0);
      expect(row.minutes).toBeGreaterThanOrEqual(1);
    }
    expect((await publicList()).total).toBe(12);
  });

  it('renders the sample blogs when seeding', async () => {
    await seedIfEmpty(app.db);
    const rows = await app.db
      .select({ contentHtml: blogs.contentHtml, excerpt: blogs.excerpt })
      .from(blogs);
    expect(rows).toHaveLength(SAMPLE_BLOGS.length);
    for (const row of rows) {
      expect(row.contentHtml).toMatch(/^<(p|blockquote)>/);
      expect(row.excerpt.length).toBeGreaterThan(10);
    }
  });
});

describe('cached totals and deep-page anchors after writes', () => {
  it('are exact at once after every kind of write, on page 1 and past the first anchor', async () => {
    const author = await makeAuthor(app);
    // 1 100 visible blogs in bulk, all older than anything the API writes.
    const values = Array.from({ length: 1_100 }, (_, i) => ({
      authorId: author.id,
      title: `Bulk ${i}`,
      content: 'x',
      status: 'published' as const,
      pubDate: new Date(Date.UTC(2015, 0, 1) + i * 60_000),
    }));
    for (let i = 0; i < values.length; i += 550) {
      await app.db.insert(blogs).values(values.slice(i, i + 550));
    }
    await makeBlog(app, author.id);

    async function expectExact(what: string) {
      const rows = await app.db
        .select({
          id: blogs.id,
          pubDate: blogs.pubDate,
          status: blogs.status,
          deletedAt: blogs.deletedAt,
        })
        .from(blogs);
      const visible = rows
        .filter((b) => b.status === 'published' && !b.deletedAt)
        .sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || b.id - a.id)
        .map((b) => b.id);
      const first = await publicList('?page=1&perPage=20');
      const deep = await publicList('?page=51&perPage=20');
      expect({ what, total: first.total, ids: first.items.map((b) => b.id) }).toEqual({
        what,
        total: visible.length,
        ids: visible.slice(0, 20),
      });
      expect({ what, total: deep.total, ids: deep.items.map((b) => b.id) }).toEqual({
        what,
        total: visible.length,
        ids: visible.slice(1000, 1020),
      });
      const authorsTotal = (await app.inject({ method: 'GET', url: '/api/v1/authors' })).json().data
        .total;
      expect({ what, authors: authorsTotal }).toEqual({
        what,
        authors: (await app.db.select().from(authors)).length,
      });
    }

    await expectExact('before any write');
    const { headers } = await writer();
    const blog = await created(headers, { title: 'New', status: 'published' });
    await expectExact('after a create (and a new author)');
    await patch(headers, blog.id, { pubDate: '2015-01-01T00:30:30.000Z' });
    await expectExact('after moving it back in time');
    await patch(headers, blog.id, { status: 'draft' });
    await expectExact('after unpublishing it');
    await patch(headers, blog.id, { status: 'published', pubDate: '2016-06-01T00:00:00.000Z' });
    await expectExact('after publishing it again');
    await app.inject({ method: 'DELETE', url: `/api/v1/blogs/${blog.id}`, headers });
    await expectExact('after trashing it');
  });
});

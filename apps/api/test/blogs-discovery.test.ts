import type { BlogSummary, HotBlog, MyBlog } from '@folio/schema';
import { Queue } from 'bullmq';
import { eq } from 'drizzle-orm';
import { MySqlDialect } from 'drizzle-orm/mysql-core';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { blogs } from '../src/db/schema';
import { deriveKey } from '../src/lib/keys';
import { createBlogRepository, RELATED_PER_TAG } from '../src/modules/blogs/repository';
import { blogListsChanged, HOT_COUNT } from '../src/modules/blogs/service';
import {
  createBlogViews,
  dayOf,
  FLUSH_VIEWS,
  FLUSH_VIEWS_EVERY_MS,
  HOT_DAYS,
} from '../src/modules/blogs/views';
import { MAINTENANCE_QUEUE } from '../src/modules/maintenance/jobs';
import { bullConnection } from '../src/modules/messaging/queue';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from './env';
import {
  buildTestApp,
  forgetRedisKeys,
  grant,
  makeUser,
  resetData,
  sessionFor,
  waitFor,
} from './helpers';

const DAY = 86_400_000;
const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const OTHER_BROWSER =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile Safari/604.1';
const GOOGLEBOT =
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html) Chrome/131.0 Safari/537.36';

type Headers = Record<string, string>;

let app: App;
let views: ReturnType<typeof createBlogViews>;
beforeAll(async () => {
  ({ app } = await buildTestApp({ RUN_WORKER: 'false' }));
  // The same keys as the app's own (same database, same secret).
  views = createBlogViews({
    redis: app.redis,
    databaseUrl: TEST_DATABASE_URL,
    visitorKey: deriveKey(app.config.JWT_SECRET, 'view-visitor'),
  });
});
afterAll(() => app.close());
beforeEach(async () => {
  await resetData(app);
  await forgetRedisKeys(app, 'views:*');
});

async function writer(permission?: 'content.moderate') {
  const user = await makeUser(app);
  if (permission) await grant(app, user.id, permission);
  return { user, headers: (await sessionFor(app, user.id)).headers };
}

async function send(
  method: 'POST' | 'PATCH' | 'DELETE' | 'PUT',
  url: string,
  headers: Headers,
  payload?: Record<string, unknown>,
): Promise<MyBlog> {
  const res = await app.inject({ method, url: `/api/v1${url}`, headers, payload });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json().data;
}

const publish = (headers: Headers, fields: Record<string, unknown> = {}) =>
  send('POST', '/blogs', headers, { title: 'A blog', status: 'published', ...fields });

async function get<T>(url: string): Promise<T> {
  const res = await app.inject({ method: 'GET', url: `/api/v1${url}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as T;
}

function view(id: number, headers: Headers = {}, ip = '203.0.113.7') {
  return app.inject({
    method: 'POST',
    url: `/api/v1/blogs/${id}/views`,
    headers: { 'user-agent': BROWSER, ...headers },
    remoteAddress: ip,
  });
}

async function counted(id: number, headers: Headers = {}, ip?: string): Promise<boolean> {
  const res = await view(id, headers, ip);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data.counted;
}

/** The hot list as a reader gets it once the cached answer and the cached union have expired. */
async function hot(): Promise<HotBlog[]> {
  await forgetRedisKeys(app, 'views:*:week:*');
  await blogListsChanged(app.counts);
  return get<HotBlog[]>('/blogs/hot');
}

const picture = () =>
  sharp({ create: { width: 2000, height: 700, channels: 3, background: '#336699' } })
    .jpeg()
    .toBuffer();

describe('views', () => {
  it('counts a view once per visitor per blog per hour, and never a bot’s', async () => {
    const { headers } = await writer();
    const blog = await publish(headers);
    const other = await publish(headers);

    expect(await counted(blog.id)).toBe(true);
    // The same browser again within the hour: not counted.
    expect(await counted(blog.id)).toBe(false);
    // Another blog, another browser on the same address, the same browser elsewhere: counted.
    expect(await counted(other.id)).toBe(true);
    expect(await counted(blog.id, { 'user-agent': OTHER_BROWSER })).toBe(true);
    expect(await counted(blog.id, {}, '198.51.100.2')).toBe(true);
    // Bots, and requests without a user agent, are never counted.
    expect(await counted(blog.id, { 'user-agent': GOOGLEBOT }, '66.249.66.1')).toBe(false);
    expect(await counted(blog.id, { 'user-agent': 'curl/8.5.0' }, '192.0.2.9')).toBe(false);
    expect(await counted(blog.id, { 'user-agent': '' }, '192.0.2.10')).toBe(false);

    // A logged-in reader is one visitor whatever browser or address they read from.
    const reader = await writer();
    expect(await counted(blog.id, reader.headers)).toBe(true);
    expect(
      await counted(blog.id, { ...reader.headers, 'user-agent': OTHER_BROWSER }, '192.0.2.77'),
    ).toBe(false);

    // An hour later (the visitor's mark has expired) the same browser counts again.
    const seen = await app.redis.keys(`views:*:seen:${blog.id}:*`);
    expect(seen.length).toBe(4);
    for (const key of seen) expect(await app.redis.ttl(key)).toBeGreaterThan(3_590);
    await app.redis.del(...seen);
    expect(await counted(blog.id)).toBe(true);

    // Visitors are kept as hashes: no address in Redis.
    expect((await app.redis.keys('views:*')).join(' ')).not.toContain('203.0.113.7');
    expect(await app.redis.hgetall(views.keys.pending)).toEqual({
      [blog.id]: '5',
      [other.id]: '1',
    });
  });

  it('refuses views of a blog that is not published, and of none', async () => {
    const { headers } = await writer();
    const draft = await send('POST', '/blogs', headers, { title: 'Draft' });
    for (const id of [draft.id, draft.id + 100]) {
      const res = await view(id);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ result: false, code: 'NOT_FOUND' });
    }
    expect(await app.redis.exists(views.keys.pending)).toBe(0);
  });

  it('keeps the cached blog answer: its ETag and body do not move with a view', async () => {
    const { headers } = await writer();
    const blog = await publish(headers);
    const first = await app.inject({ method: 'GET', url: `/api/v1/blogs/${blog.id}` });
    expect(await counted(blog.id)).toBe(true);
    const second = await app.inject({ method: 'GET', url: `/api/v1/blogs/${blog.id}` });
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.body).toBe(first.body);
  });
});

describe('writing views back', () => {
  it('adds the pending views to view_count in batches, leaving updated_at', async () => {
    const { headers } = await writer();
    const a = await publish(headers);
    const b = await publish(headers);
    const [before] = await app.db.select().from(blogs).where(eq(blogs.id, a.id));
    for (const ip of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) await counted(a.id, {}, ip);
    await counted(b.id);
    const repo = createBlogRepository(app.db);

    expect(await views.flush((batch) => repo.addViews(batch))).toBe(4);
    const rows = await app.db.select().from(blogs);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.viewCount]))).toEqual({
      [a.id]: 3,
      [b.id]: 1,
    });
    expect(rows.find((r) => r.id === a.id)!.updatedAt).toEqual(before!.updatedAt);
    // Written once: nothing is pending, a second flush writes nothing.
    expect(await app.redis.exists(views.keys.pending, views.keys.flushing)).toBe(0);
    expect(await views.flush((batch) => repo.addViews(batch))).toBe(0);

    // Counts a flush left behind (its process died mid-way) are written by the next one.
    await app.redis.hset(views.keys.flushing, String(b.id), '2');
    await counted(b.id, {}, '192.0.2.50');
    expect(await views.flush((batch) => repo.addViews(batch))).toBe(2);
    expect(await views.flush((batch) => repo.addViews(batch))).toBe(1);
    const [bAfter] = await app.db.select().from(blogs).where(eq(blogs.id, b.id));
    expect(bAfter!.viewCount).toBe(4);

    // The blog page then shows it (once its cached answer is dropped or expires).
    await blogListsChanged(app.counts);
    expect((await get<BlogSummary>(`/blogs/${a.id}`)).viewCount).toBe(3);
  });

  it('runs every minute through the worker', async () => {
    const { app: withWorker } = await buildTestApp();
    const queue = new Queue(MAINTENANCE_QUEUE, { connection: bullConnection(TEST_REDIS_URL) });
    try {
      const scheduler = (await queue.getJobSchedulers()).find((s) => s.key === FLUSH_VIEWS);
      expect(scheduler).toMatchObject({ name: FLUSH_VIEWS, every: FLUSH_VIEWS_EVERY_MS });
      expect(FLUSH_VIEWS_EVERY_MS).toBe(60_000);
      const { headers } = await writer();
      const blog = await publish(headers);
      await counted(blog.id);
      await queue.add(FLUSH_VIEWS, {});
      await waitFor(async () => {
        const [row] = await app.db.select().from(blogs).where(eq(blogs.id, blog.id));
        return row!.viewCount === 1;
      }, 'the views to be written back');
    } finally {
      await queue.close();
      await withWorker.close();
    }
  });
});

describe('the hot list', () => {
  it('lists the 10 most viewed visible blogs of the last 7 days, most viewed first', async () => {
    const { headers } = await writer();
    const made: MyBlog[] = [];
    for (let i = 0; i < HOT_COUNT + 2; i++) made.push(await publish(headers, { title: `B${i}` }));
    // Blog i is viewed i + 1 times, by different browsers.
    for (const [i, blog] of made.entries()) {
      for (let v = 0; v <= i; v++) await counted(blog.id, {}, `192.0.2.${v + 1}`);
    }
    const list = await hot();
    expect(list.map((b) => b.id)).toEqual(
      made
        .slice(2)
        .reverse()
        .map((b) => b.id),
    );
    expect(list[0]).toMatchObject({
      id: made.at(-1)!.id,
      title: `B${HOT_COUNT + 1}`,
      recentViews: HOT_COUNT + 2,
      featured: false,
      author: { id: made[0]!.author.id },
    });
  });

  it('counts today and the 6 days before it, not the 8th day back', async () => {
    const { headers } = await writer();
    const [old, recent, today] = [
      await publish(headers),
      await publish(headers),
      await publish(headers),
    ];
    const dayBack = (n: number) => views.keys.day(dayOf(new Date(Date.now() - n * DAY)));
    await app.redis.zincrby(dayBack(HOT_DAYS), 100, String(old.id));
    await app.redis.zincrby(dayBack(HOT_DAYS - 1), 5, String(recent.id));
    await app.redis.zincrby(dayBack(1), 2, String(recent.id));
    await counted(today.id);
    expect((await hot()).map((b) => [b.id, b.recentViews])).toEqual([
      [recent.id, 7],
      [today.id, 1],
    ]);
    // A day's counts expire a day after they leave the window.
    const ttl = await app.redis.ttl(views.keys.day(dayOf(new Date())));
    expect(ttl).toBeGreaterThan((HOT_DAYS + 1) * 86_400 - 10);
  });

  it('drops a blog at once when it is trashed or unpublished', async () => {
    const { headers } = await writer();
    const [a, b, c] = [await publish(headers), await publish(headers), await publish(headers)];
    for (const [blog, n] of [
      [a, 3],
      [b, 2],
      [c, 1],
    ] as const) {
      for (let v = 0; v < n; v++) await counted(blog.id, {}, `192.0.2.${v + 1}`);
    }
    expect((await get<HotBlog[]>('/blogs/hot')).map((x) => x.id)).toEqual([a.id, b.id, c.id]);
    // No waiting for the cache: the write drops the cached list (blogListsChanged).
    await send('DELETE', `/blogs/${a.id}`, headers);
    await send('PATCH', `/blogs/${b.id}`, headers, { status: 'draft' });
    expect((await get<HotBlog[]>('/blogs/hot')).map((x) => x.id)).toEqual([c.id]);
  });

  it('is a path of its own, not a blog id, and empty without views', async () => {
    expect(await get('/blogs/hot')).toEqual([]);
    expect(await get('/blogs/featured')).toEqual([]);
  });
});

describe('featured blogs', () => {
  async function withCover(headers: Headers, userId: number, fields: Record<string, unknown>) {
    const cover = await app.uploadService.create(userId, await picture());
    return publish(headers, { coverId: cover.id, ...fields });
  }

  it('lets only content.moderate feature a blog; the carousel lists visible ones with covers', async () => {
    const author = await writer();
    const staff = await writer('content.moderate');
    const older = await withCover(author.headers, author.user.id, {
      title: 'Older',
      pubDate: '2024-01-01T00:00:00.000Z',
    });
    const newer = await withCover(author.headers, author.user.id, {
      title: 'Newer',
      pubDate: '2024-02-01T00:00:00.000Z',
    });
    const bare = await publish(author.headers, { title: 'No cover' });
    const url = (id: number) => `/api/v1/blogs/${id}/featured`;

    const anonymous = await app.inject({
      method: 'PUT',
      url: url(older.id),
      payload: { featured: true },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    // Not even its own author.
    const forbidden = await app.inject({
      method: 'PUT',
      url: url(older.id),
      headers: author.headers,
      payload: { featured: true },
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ code: 'FORBIDDEN' });
    const invalid = await app.inject({
      method: 'PUT',
      url: url(older.id),
      headers: staff.headers,
      payload: { featured: 'yes' },
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: { featured: 'Must be true or false.' },
    });
    const missing = await app.inject({
      method: 'PUT',
      url: url(bare.id + 100),
      headers: staff.headers,
      payload: { featured: true },
    });
    expect(missing.statusCode).toBe(404);

    // The blog page, read (and cached) before: the write drops it.
    expect((await get<BlogSummary>(`/blogs/${older.id}`)).featured).toBe(false);
    for (const blog of [older, newer, bare]) {
      const res = await app.inject({
        method: 'PUT',
        url: url(blog.id),
        headers: staff.headers,
        payload: { featured: true },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().data).toMatchObject({ id: blog.id, featured: true });
      // The flag is not the author's text: the version (ETag) stays, an author's save goes on.
      expect(res.headers.etag).toBe(`"b${blog.id}.v1"`);
    }
    expect((await get<BlogSummary>(`/blogs/${older.id}`)).featured).toBe(true);
    const carousel = await get<BlogSummary[]>('/blogs/featured');
    expect(carousel.map((b) => b.id)).toEqual([newer.id, older.id]);
    expect(carousel[0]!.cover?.variants.map((v) => v.width)).toEqual([400, 800, 1600]);

    // Unfeatured, trashed: gone from the carousel at once.
    await send('PUT', `/blogs/${newer.id}/featured`, staff.headers, { featured: false });
    expect((await get<BlogSummary[]>('/blogs/featured')).map((b) => b.id)).toEqual([older.id]);
    await send('DELETE', `/blogs/${older.id}`, author.headers);
    expect(await get('/blogs/featured')).toEqual([]);
  });

  it('reads the carousel from blogs_featured_pub_idx', async () => {
    const [rows] = await app.pool.query(
      `EXPLAIN ${createBlogRepository(app.db).featuredQuery(10).toSQL().sql}`,
      createBlogRepository(app.db).featuredQuery(10).toSQL().params,
    );
    const step = (rows as { table: string; key: string | null; Extra: string }[]).find(
      (r) => r.table === 'blogs',
    );
    expect(step?.key).toBe('blogs_featured_pub_idx');
    expect(step?.Extra).not.toContain('filesort');
  });
});

describe('previous and next', () => {
  it('names the visible blogs just before and after, by publication time', async () => {
    const { headers } = await writer();
    const at = (day: number) => `2024-03-${String(day).padStart(2, '0')}T00:00:00.000Z`;
    const first = await publish(headers, { title: 'First', pubDate: at(1) });
    await send('POST', '/blogs', headers, { title: 'Draft', pubDate: at(2) });
    const trashed = await publish(headers, { title: 'Trashed', pubDate: at(3) });
    await send('DELETE', `/blogs/${trashed.id}`, headers);
    const middle = await publish(headers, { title: 'Middle', pubDate: at(4) });
    // Published at the same moment: the id breaks the tie, as in the list.
    const twin = await publish(headers, { title: 'Twin', pubDate: at(4) });
    const last = await publish(headers, { title: 'Last', pubDate: at(5) });

    const link = (b: MyBlog) => ({ id: b.id, title: b.title, pubDate: b.pubDate });
    expect(await get(`/blogs/${middle.id}/adjacent`)).toEqual({
      previous: link(first),
      next: link(twin),
    });
    expect(await get(`/blogs/${twin.id}/adjacent`)).toEqual({
      previous: link(middle),
      next: link(last),
    });
    expect(await get(`/blogs/${first.id}/adjacent`)).toEqual({
      previous: null,
      next: link(middle),
    });
    expect(await get(`/blogs/${last.id}/adjacent`)).toEqual({
      previous: link(twin),
      next: null,
    });
    // A cached answer follows writes: the last one unpublished, its neighbour has no next.
    await send('PATCH', `/blogs/${last.id}`, headers, { status: 'draft' });
    expect(await get(`/blogs/${twin.id}/adjacent`)).toMatchObject({ next: null });
    const res = await app.inject({ method: 'GET', url: `/api/v1/blogs/${trashed.id}/adjacent` });
    expect(res.statusCode).toBe(404);
  });

  it('takes one step along blogs_visible_pub_idx each way', async () => {
    const repo = createBlogRepository(app.db);
    for (const older of [true, false]) {
      const query = repo.neighbourQuery({ id: 5, pubDate: new Date('2024-01-01') }, older);
      const { sql, params } = query.toSQL();
      const [rows] = await app.pool.query(`EXPLAIN ${sql}`, params);
      const step = (rows as { key: string | null; type: string; Extra: string }[])[0]!;
      expect(step.key).toBe('blogs_visible_pub_idx');
      expect(step.type).toBe('range');
      expect(step.Extra).not.toContain('filesort');
    }
  });
});

describe('related blogs', () => {
  it('lists up to 4 visible blogs by shared tags, then the newest', async () => {
    const { headers } = await writer();
    const at = (day: number) => `2024-04-${String(day).padStart(2, '0')}T00:00:00.000Z`;
    const blog = await publish(headers, { tags: ['red', 'green', 'blue'], pubDate: at(1) });
    const three = await publish(headers, { tags: ['blue', 'green', 'red'], pubDate: at(2) });
    const twoOld = await publish(headers, { tags: ['red', 'green'], pubDate: at(3) });
    const twoNew = await publish(headers, { tags: ['green', 'blue', 'pink'], pubDate: at(6) });
    const oneOld = await publish(headers, { tags: ['red'], pubDate: at(4) });
    const oneNew = await publish(headers, { tags: ['blue'], pubDate: at(5) });
    await publish(headers, { tags: ['pink'], pubDate: at(7) });
    const draft = await send('POST', '/blogs', headers, {
      title: 'Draft',
      tags: ['red', 'green', 'blue'],
    });

    const ids = async (id: number) =>
      (await get<BlogSummary[]>(`/blogs/${id}/related`)).map((b) => b.id);
    expect(await ids(blog.id)).toEqual([three.id, twoNew.id, twoOld.id, oneNew.id]);
    expect(await ids(oneOld.id)).toEqual([twoOld.id, three.id, blog.id]);
    const items = await get<BlogSummary[]>(`/blogs/${blog.id}/related`);
    expect(items[0]).toMatchObject({
      id: three.id,
      tags: [{ name: 'blue' }, { name: 'green' }, { name: 'red' }],
    });
    // Trashed, it drops out of the others' lists at once.
    await send('DELETE', `/blogs/${three.id}`, headers);
    expect(await ids(blog.id)).toEqual([twoNew.id, twoOld.id, oneNew.id, oneOld.id]);
    // No tags, nothing related; not visible, not found.
    const untagged = await publish(headers);
    expect(await ids(untagged.id)).toEqual([]);
    for (const id of [draft.id, three.id]) {
      const res = await app.inject({ method: 'GET', url: `/api/v1/blogs/${id}/related` });
      expect(res.statusCode).toBe(404);
    }
  });

  it('reads each tag as a bounded range of blog_tags_listing_idx', async () => {
    const repo = createBlogRepository(app.db);
    const { sql, params } = new MySqlDialect().sqlToQuery(repo.relatedQuery(1, [1, 2, 3], 4));
    expect(sql).toContain(`limit ?`);
    expect(params).toContain(RELATED_PER_TAG);
    const [rows] = await app.pool.query(`EXPLAIN ${sql}`, params);
    const plan = rows as {
      select_type: string;
      table: string;
      key: string | null;
      type: string;
      Extra: string;
    }[];
    const perTag = plan.filter((s) => s.table === 'blog_tags');
    expect(perTag.length, JSON.stringify(plan)).toBe(3);
    for (const step of perTag) {
      expect(step.key, JSON.stringify(plan)).toBe('blog_tags_listing_idx');
      expect(['ref', 'range'], JSON.stringify(plan)).toContain(step.type);
      // Read in index order, newest first: no sort before the cut.
      expect(step.Extra, JSON.stringify(plan)).not.toContain('filesort');
    }
  });
});

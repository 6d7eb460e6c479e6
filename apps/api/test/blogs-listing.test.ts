import type { BlogPage, MyBlog } from '@folio/schema';
import { eq, ne, or, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { blogs, blogTags } from '../src/db/schema';
import { publishDueBlogs, purgeTrashedBlogs } from '../src/modules/blogs/publish';
import { visibleBlog } from '../src/modules/blogs/repository';
import { buildTestApp, grant, makeUser, resetData, sessionFor } from './helpers';

// blog_tags keeps copies of its blog's listing (visible, pub_date) for the tag lists; every way
// a blog changes must keep them equal to what the blog itself says.

let app: App;
beforeAll(async () => {
  ({ app } = await buildTestApp({ RUN_WORKER: 'false' }));
});
afterAll(() => app.close());
beforeEach(() => resetData(app));

type Headers = Record<string, string>;
const HOUR = 3_600_000;

async function writer() {
  const user = await makeUser(app);
  return { user, headers: (await sessionFor(app, user.id)).headers };
}

async function send(
  method: 'POST' | 'PATCH' | 'DELETE',
  url: string,
  headers: Headers,
  payload?: Record<string, unknown>,
): Promise<MyBlog> {
  const res = await app.inject({ method, url: `/api/v1${url}`, headers, payload });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json().data;
}

/** blog_tags rows whose copy differs from what their blog says (`visibleBlog`, its pub_date). */
async function drifted() {
  return app.db
    .select({ blogId: blogTags.blogId, tagId: blogTags.tagId })
    .from(blogTags)
    .innerJoin(blogs, eq(blogs.id, blogTags.blogId))
    .where(or(ne(blogTags.visible, sql`${visibleBlog}`), ne(blogTags.pubDate, blogs.pubDate)));
}

/** The tag's public list, page 1, and its total: read from the copies. */
async function tagList(slug: string) {
  const res = await app.inject({ method: 'GET', url: `/api/v1/blogs?tag=${slug}` });
  expect(res.statusCode, res.body).toBe(200);
  const page = res.json().data as BlogPage;
  return { ids: page.items.map((b) => b.id), total: page.total };
}

/** Every copy is right, and the tag's list is exactly these blogs. */
async function expectListed(slug: string, ids: number[]) {
  expect(await drifted()).toEqual([]);
  expect(await tagList(slug)).toEqual({ ids, total: ids.length });
}

describe('blog_tags’ copies of the listing', () => {
  it('follow create, publish, pub date edits, tag changes, trash and restore', async () => {
    const { headers } = await writer();
    const old = await send('POST', '/blogs', headers, {
      title: 'old',
      status: 'published',
      pubDate: '2020-01-01T00:00:00.000Z',
      tags: ['Rust'],
    });
    const draft = await send('POST', '/blogs', headers, { title: 'draft', tags: ['Rust', 'Go'] });
    const later = await send('POST', '/blogs', headers, {
      title: 'later',
      status: 'published',
      pubDate: new Date(Date.now() + HOUR).toISOString(),
      tags: ['rust'],
    });
    await expectListed('rust', [old.id]);

    // Publishing the draft lists it now, first.
    await send('PATCH', `/blogs/${draft.id}`, headers, { status: 'published' });
    await expectListed('rust', [draft.id, old.id]);
    await expectListed('go', [draft.id]);

    // Its pub date moved before the old one's: the order follows.
    await send('PATCH', `/blogs/${draft.id}`, headers, { pubDate: '2019-01-01T00:00:00.000Z' });
    await expectListed('rust', [old.id, draft.id]);
    // Moved ahead: scheduled, so out of the list until then.
    await send('PATCH', `/blogs/${old.id}`, headers, {
      pubDate: new Date(Date.now() + HOUR).toISOString(),
    });
    await expectListed('rust', [draft.id]);
    await send('PATCH', `/blogs/${old.id}`, headers, { pubDate: '2021-01-01T00:00:00.000Z' });
    await expectListed('rust', [old.id, draft.id]);

    // New tags carry the listing as the same save leaves it.
    await send('PATCH', `/blogs/${draft.id}`, headers, {
      tags: ['Go', 'Zig'],
      pubDate: '2022-01-01T00:00:00.000Z',
    });
    await expectListed('rust', [old.id]);
    await expectListed('zig', [draft.id]);

    // Back to a draft: out of every list.
    await send('PATCH', `/blogs/${draft.id}`, headers, { status: 'draft' });
    await expectListed('zig', []);
    await send('PATCH', `/blogs/${draft.id}`, headers, { status: 'published' });
    await expectListed('zig', [draft.id]);

    // The trash, and back.
    await send('DELETE', `/blogs/${old.id}`, headers);
    await expectListed('rust', []);
    await send('POST', `/blogs/${old.id}/restore`, headers);
    await expectListed('rust', [old.id]);
    expect(later.status).toBe('scheduled');
  });

  it('follow a scheduled publication when its time comes, a moderator’s edit and the purge', async () => {
    const owner = await writer();
    const staff = await writer();
    await grant(app, staff.user.id, 'content.moderate');
    const scheduled = await send('POST', '/blogs', owner.headers, {
      title: 'scheduled',
      status: 'published',
      pubDate: new Date(Date.now() + HOUR).toISOString(),
      tags: ['Later', 'Both'],
    });
    const now = await send('POST', '/blogs', owner.headers, {
      title: 'now',
      status: 'published',
      tags: ['Both'],
    });
    await expectListed('later', []);
    expect(
      await publishDueBlogs(app.db, app.counts, app.searchIndex, new Date(Date.now() + 2 * HOUR)),
    ).toBe(1);
    await expectListed('later', [scheduled.id]);
    await expectListed('both', [scheduled.id, now.id]);

    // A moderator moves it to a draft, then to the trash.
    await send('PATCH', `/blogs/${scheduled.id}`, staff.headers, { status: 'draft' });
    await expectListed('both', [now.id]);
    await send('PATCH', `/blogs/${scheduled.id}`, staff.headers, { status: 'published' });
    await send('DELETE', `/blogs/${now.id}`, staff.headers);
    await expectListed('both', [scheduled.id]);

    // The purge takes the trashed blog's rows with it.
    const purged = await purgeTrashedBlogs(app.db, app.counts, app.searchIndex, {
      now: new Date(Date.now() + 31 * 24 * HOUR),
    });
    expect(purged).toBe(1);
    expect(await app.db.select().from(blogTags).where(eq(blogTags.blogId, now.id))).toEqual([]);
    await expectListed('both', [scheduled.id]);
  });

  it('follow a restored revision’s tags', async () => {
    const { headers } = await writer();
    const blog = await send('POST', '/blogs', headers, {
      title: 'v1',
      status: 'published',
      tags: ['First'],
    });
    await send('PATCH', `/blogs/${blog.id}`, headers, { title: 'v2', tags: ['Second'] });
    await expectListed('first', []);
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/blogs/${blog.id}/revisions`,
      headers,
    });
    const [revision] = res.json().data as { id: number }[];
    await send('POST', `/blogs/${blog.id}/revisions/${revision!.id}/restore`, headers);
    await expectListed('first', [blog.id]);
    await expectListed('second', []);
  });
});

describe('rendered public answers', () => {
  /** A blog's public answer: its title and ETag, or 404. */
  async function detail(id: number) {
    const res = await app.inject({ method: 'GET', url: `/api/v1/blogs/${id}` });
    if (res.statusCode === 404) return 404;
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const { title, tags } = res.json().data as MyBlog;
    return { title, tags: tags.map((t) => t.slug), etag: res.headers.etag };
  }

  async function firstPage() {
    const res = await app.inject({ method: 'GET', url: '/api/v1/blogs' });
    const page = res.json().data as BlogPage;
    return { titles: page.items.map((b) => b.title), total: page.total };
  }

  it('are dropped by every write: a read right after it sees it', async () => {
    const owner = await writer();
    const staff = await writer();
    await grant(app, staff.user.id, 'content.moderate');
    const blog = await send('POST', '/blogs', owner.headers, {
      title: 'v1',
      status: 'published',
      tags: ['One'],
    });
    expect(await detail(blog.id)).toEqual({ title: 'v1', tags: ['one'], etag: `"b${blog.id}.v1"` });
    expect(await firstPage()).toEqual({ titles: ['v1'], total: 1 });

    await send('PATCH', `/blogs/${blog.id}`, owner.headers, { title: 'v2', tags: ['Two'] });
    expect(await detail(blog.id)).toEqual({ title: 'v2', tags: ['two'], etag: `"b${blog.id}.v2"` });
    expect(await firstPage()).toEqual({ titles: ['v2'], total: 1 });

    await send('PATCH', `/blogs/${blog.id}`, staff.headers, { title: 'moderated' });
    expect(await detail(blog.id)).toMatchObject({ title: 'moderated' });

    await send('DELETE', `/blogs/${blog.id}`, owner.headers);
    expect(await detail(blog.id)).toBe(404);
    expect(await firstPage()).toEqual({ titles: [], total: 0 });
    await send('POST', `/blogs/${blog.id}/restore`, owner.headers);
    expect(await detail(blog.id)).toMatchObject({ title: 'moderated' });

    // Scheduled: not shown until its time, then shown by the publication job.
    const later = await send('POST', '/blogs', owner.headers, {
      title: 'later',
      status: 'published',
      pubDate: new Date(Date.now() + HOUR).toISOString(),
    });
    expect(await detail(later.id)).toBe(404);
    expect(await firstPage()).toEqual({ titles: ['moderated'], total: 1 });
    await publishDueBlogs(app.db, app.counts, app.searchIndex, new Date(Date.now() + 2 * HOUR));
    expect(await detail(later.id)).toMatchObject({ title: 'later' });
    expect(await firstPage()).toEqual({ titles: ['later', 'moderated'], total: 2 });

    await send('DELETE', `/blogs/${later.id}`, owner.headers);
    await purgeTrashedBlogs(app.db, app.counts, app.searchIndex, {
      now: new Date(Date.now() + 31 * 24 * HOUR),
    });
    expect(await detail(later.id)).toBe(404);
    expect(await firstPage()).toEqual({ titles: ['moderated'], total: 1 });
  });
});

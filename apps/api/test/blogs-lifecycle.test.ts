import type { BlogPage, BlogRevision, MyBlog } from '@folio/schema';
import { Queue } from 'bullmq';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { blogRevisions, blogs, blogTags } from '../src/db/schema';
import {
  PUBLISH_DUE_BLOGS,
  PURGE_TRASH,
  publishDueBlogs,
  publishJobId,
  purgeTrashedBlogs,
} from '../src/modules/blogs/publish';
import { MAINTENANCE_QUEUE } from '../src/modules/maintenance/jobs';
import { bullConnection } from '../src/modules/messaging/queue';
import { TEST_REDIS_URL } from './env';
import { buildTestApp, grant, makeUser, resetData, sessionFor, waitFor } from './helpers';

let app: App;
let queue: Queue;
beforeAll(async () => {
  // With the worker: delayed publications and scheduled clean-ups run in this process.
  ({ app } = await buildTestApp());
  queue = new Queue(MAINTENANCE_QUEUE, { connection: bullConnection(TEST_REDIS_URL) });
});
afterAll(async () => {
  await queue.close();
  await app.close();
});
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

function patch(headers: Headers, id: number, payload: Record<string, unknown>) {
  return app.inject({ method: 'PATCH', url: `/api/v1/blogs/${id}`, headers, payload });
}

const publicList = async () =>
  (await app.inject({ method: 'GET', url: '/api/v1/blogs' })).json().data as BlogPage;

/** Watches the public list until the blog shows; every sighting is after `notBefore`. */
async function watchUntilVisible(id: number, notBefore: number) {
  return waitFor(
    async () => {
      const asked = Date.now();
      const list = await publicList();
      const shown = list.items.some((b) => b.id === id);
      if (shown) {
        expect(asked).toBeGreaterThanOrEqual(notBefore - 5);
        return list;
      }
      expect(list.total).toBe(0);
      return null;
    },
    `blog ${id} to be published`,
    15_000,
  );
}

describe('scheduled publication', () => {
  it('publishes at its time through a delayed job, not a moment before, with exact totals', async () => {
    const { headers } = await writer();
    const at = new Date(Date.now() + 2_000);
    const blog = await create(headers, {
      title: 'Soon',
      status: 'published',
      pubDate: at.toISOString(),
    });
    expect(blog.status).toBe('scheduled');
    const job = await queue.getJob(publishJobId(blog.id));
    expect(job?.name).toBe('publish-blog');
    expect(await job?.getState()).toBe('delayed');
    await watchUntilVisible(blog.id, at.getTime());
    // Read afresh (the sighting's own total may have been counted just before the job ran).
    const list = await publicList();
    expect(list.items.map((b) => b.id)).toEqual([blog.id]);
    expect(list.total).toBe(1);
    const mine = await app.inject({ method: 'GET', url: `/api/v1/me/blogs/${blog.id}`, headers });
    expect(mine.json().data.status).toBe('published');
    const read = await app.inject({ method: 'GET', url: `/api/v1/blogs/${blog.id}` });
    expect(read.statusCode).toBe(200);
  });

  it('reschedules when the time is edited: one job per blog, at the new time', async () => {
    const { headers } = await writer();
    const blog = await create(headers, {
      title: 'Moved',
      status: 'published',
      pubDate: new Date(Date.now() + 1_500).toISOString(),
    });
    const later = new Date(Date.now() + 3_500);
    const res = await patch(headers, blog.id, { pubDate: later.toISOString() });
    expect(res.json().data.status).toBe('scheduled');
    const jobs = (await queue.getDelayed()).filter((j) => j.id === publishJobId(blog.id));
    expect(jobs).toHaveLength(1);
    await watchUntilVisible(blog.id, later.getTime());
  });

  it('takes the job off when a scheduled blog goes back to draft or to the trash', async () => {
    const { headers } = await writer();
    const pubDate = new Date(Date.now() + 3_600_000).toISOString();
    const first = await create(headers, { title: 'A', status: 'published', pubDate });
    const second = await create(headers, { title: 'B', status: 'published', pubDate });
    await patch(headers, first.id, { status: 'draft' });
    await app.inject({ method: 'DELETE', url: `/api/v1/blogs/${second.id}`, headers });
    expect(await queue.getJob(publishJobId(first.id))).toBeUndefined();
    expect(await queue.getJob(publishJobId(second.id))).toBeUndefined();
  });

  it('has a periodic backstop that publishes what is due and leaves what is not', async () => {
    const { headers } = await writer();
    const due = await create(headers, {
      title: 'Due',
      status: 'published',
      pubDate: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const notYet = await create(headers, {
      title: 'Not yet',
      status: 'published',
      pubDate: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect((await publicList()).total).toBe(0);
    // Its job lost (say, with Redis' data) and its time passed.
    await queue.remove(publishJobId(due.id));
    await app.db
      .update(blogs)
      .set({ pubDate: new Date(Date.now() - 1_000) })
      .where(eq(blogs.id, due.id));
    // At most this one is due (the worker's own run may have published it a moment ago).
    expect(await publishDueBlogs(app.db, app.counts, app.searchIndex)).toBeLessThanOrEqual(1);
    const list = await publicList();
    expect(list.items.map((b) => b.id)).toEqual([due.id]);
    expect(list.total).toBe(1);
    const [waiting] = await app.db
      .select({ status: blogs.status })
      .from(blogs)
      .where(eq(blogs.id, notYet.id));
    expect(waiting?.status).toBe('scheduled');
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toEqual(expect.arrayContaining([PUBLISH_DUE_BLOGS]));
  });
});

describe('revisions', () => {
  it('keeps what each save of a published blog replaced, and restores one', async () => {
    const owner = await writer();
    const blog = await create(owner.headers, {
      title: 'v1',
      content: 'first',
      tags: ['one'],
      status: 'published',
    });
    await patch(owner.headers, blog.id, { title: 'v2', content: 'second', tags: ['two'] });
    await patch(owner.headers, blog.id, { content: 'third' });
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/blogs/${blog.id}/revisions`,
      headers: owner.headers,
    });
    expect(res.statusCode).toBe(200);
    const revisions = res.json().data as BlogRevision[];
    expect(revisions.map((r) => [r.title, r.content, r.tags])).toEqual([
      ['v2', 'second', ['two']],
      ['v1', 'first', ['one']],
    ]);
    expect(revisions[0]!.editor).toEqual({ id: owner.user.id, nickname: owner.user.nickname });

    const restored = await app.inject({
      method: 'POST',
      url: `/api/v1/blogs/${blog.id}/revisions/${revisions[1]!.id}/restore`,
      headers: owner.headers,
    });
    expect(restored.statusCode).toBe(200);
    expect(restored.json().data).toMatchObject({
      title: 'v1',
      content: 'first',
      contentHtml: '<p>first</p>\n',
      tags: [{ name: 'one', slug: 'one' }],
    });
    const after = await app.inject({
      method: 'GET',
      url: `/api/v1/blogs/${blog.id}/revisions`,
      headers: owner.headers,
    });
    expect((after.json().data as BlogRevision[]).map((r) => r.content)).toEqual([
      'third',
      'second',
      'first',
    ]);
    const stale = await app.inject({
      method: 'POST',
      url: `/api/v1/blogs/${blog.id}/revisions/${revisions[1]!.id}/restore`,
      headers: { ...owner.headers, 'if-match': `"b${blog.id}.v1"` },
    });
    expect(stale.statusCode).toBe(412);
  });

  it('keeps no revision of drafts, and only the latest 50', async () => {
    const { headers } = await writer();
    const draft = await create(headers, { title: 'draft' });
    await patch(headers, draft.id, { title: 'draft 2' });
    expect(await app.db.select().from(blogRevisions)).toHaveLength(0);

    const blog = await create(headers, { title: 'busy', status: 'published' });
    await app.db.insert(blogRevisions).values(
      Array.from({ length: 55 }, (_, i) => ({
        blogId: blog.id,
        title: `old ${i}`,
        excerpt: '',
        content: `old ${i}`,
        tags: [],
      })),
    );
    await patch(headers, blog.id, { title: 'busier' });
    const rows = await app.db
      .select({ title: blogRevisions.title })
      .from(blogRevisions)
      .where(eq(blogRevisions.blogId, blog.id));
    expect(rows).toHaveLength(50);
    expect(rows.map((r) => r.title)).toContain('busy');
    expect(rows.map((r) => r.title)).not.toContain('old 5');
    expect(rows.map((r) => r.title)).toContain('old 6');
  });

  it('shows and restores them to the owner and moderators only', async () => {
    const owner = await writer();
    const other = await writer();
    const staff = await writer();
    await grant(app, staff.user.id, 'content.moderate');
    const blog = await create(owner.headers, { title: 'x', status: 'published' });
    const mine = await create(other.headers, { title: 'y', status: 'published' });
    await patch(owner.headers, blog.id, { title: 'x2' });
    await patch(other.headers, mine.id, { title: 'y2' });
    const url = `/api/v1/blogs/${blog.id}/revisions`;
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const refused = await app.inject({ method: 'GET', url, headers: other.headers });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');
    expect((await app.inject({ method: 'GET', url, headers: staff.headers })).statusCode).toBe(200);
    const [theirs] = await app.db
      .select({ id: blogRevisions.id })
      .from(blogRevisions)
      .where(eq(blogRevisions.blogId, mine.id));
    // A revision of another blog is not one of this blog's.
    const wrong = await app.inject({
      method: 'POST',
      url: `/api/v1/blogs/${blog.id}/revisions/${theirs!.id}/restore`,
      headers: owner.headers,
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json()).toMatchObject({ code: 'NOT_FOUND', msg: 'No such revision.' });
    const byOther = await app.inject({
      method: 'POST',
      url: `/api/v1/blogs/${blog.id}/revisions/${theirs!.id}/restore`,
      headers: other.headers,
    });
    expect(byOther.statusCode).toBe(403);
  });
});

describe('trash', () => {
  it('lets the owner restore a deleted blog within 30 days, as it was', async () => {
    const owner = await writer();
    const other = await writer();
    const blog = await create(owner.headers, { title: 'Back', status: 'published', tags: ['t'] });
    await app.inject({ method: 'DELETE', url: `/api/v1/blogs/${blog.id}`, headers: owner.headers });
    expect((await publicList()).total).toBe(0);
    const url = `/api/v1/blogs/${blog.id}/restore`;
    expect((await app.inject({ method: 'POST', url })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url, headers: other.headers })).statusCode).toBe(
      403,
    );
    const res = await app.inject({ method: 'POST', url, headers: owner.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({
      status: 'published',
      deletedAt: null,
      tags: [{ name: 't' }],
    });
    const list = await publicList();
    expect(list.items.map((b) => b.id)).toEqual([blog.id]);
    expect(list.total).toBe(1);
  });

  it('refuses to restore after 30 days, and the daily purge deletes those for good', async () => {
    const { headers } = await writer();
    const old = await create(headers, { title: 'Old', status: 'published', tags: ['gone'] });
    const recent = await create(headers, { title: 'Recent', status: 'published' });
    for (const b of [old, recent]) {
      await app.inject({ method: 'DELETE', url: `/api/v1/blogs/${b.id}`, headers });
    }
    const day = 86_400_000;
    await app.db
      .update(blogs)
      .set({ deletedAt: new Date(Date.now() - 31 * day) })
      .where(eq(blogs.id, old.id));
    await app.db
      .update(blogs)
      .set({ deletedAt: new Date(Date.now() - 29 * day) })
      .where(eq(blogs.id, recent.id));
    const late = await app.inject({
      method: 'POST',
      url: `/api/v1/blogs/${old.id}/restore`,
      headers,
    });
    expect(late.statusCode).toBe(404);
    expect(await purgeTrashedBlogs(app.db, app.counts, app.searchIndex)).toBe(1);
    const left = await app.db.select({ id: blogs.id }).from(blogs);
    expect(left.map((b) => b.id)).toEqual([recent.id]);
    expect(await app.db.select().from(blogTags).where(eq(blogTags.blogId, old.id))).toEqual([]);
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.find((s) => s.key === PURGE_TRASH)).toMatchObject({ every: 86_400_000 });
  });
});

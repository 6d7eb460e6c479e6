import { PERMISSIONS } from '@folio/schema';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { auditLog, blogs, comments } from '../src/db/schema';
import { buildTestApp, grant, makeAuthor, makeBlog, makeUser, sessionFor } from './helpers';

/** A tag no other test's rows carry. */
const tagOf = () => `t${Math.random().toString(36).slice(2, 9)}`;

let app: App;
let admin: { id: number; headers: Record<string, string> };
let reader: { id: number; headers: Record<string, string> };
let writer: { id: number; headers: Record<string, string> };
beforeAll(async () => {
  ({ app } = await buildTestApp());
  const staff = await makeUser(app);
  await grant(app, staff.id, ...PERMISSIONS);
  admin = { id: staff.id, headers: (await sessionFor(app, staff.id)).headers };
  const someone = await makeUser(app);
  reader = { id: someone.id, headers: (await sessionFor(app, someone.id)).headers };
  const other = await makeUser(app);
  writer = { id: other.id, headers: (await sessionFor(app, other.id)).headers };
});
afterAll(() => app.close());

const call = (
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  headers = admin.headers,
  payload?: object,
) => app.inject({ method, url: `/api/v1${url}`, headers, payload });

const data = async <T = Record<string, unknown>>(
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: object,
): Promise<T> => {
  const res = await call(method, url, admin.headers, payload);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json().data as T;
};

type BlogPage = { items: { id: number; status: string; featured: boolean }[]; total: number };

/**
 * This file's staff member's entries of `action` on a target, newest first (ids of blogs, comments
 * and authors come again after other files empty their tables; the staff member is this file's).
 */
const audited = (action: string, targetId: number) =>
  app.db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, action as never),
        eq(auditLog.targetId, String(targetId)),
        eq(auditLog.actorId, admin.id),
      ),
    )
    .orderBy(desc(auditLog.id));

describe('the blogs table', () => {
  it('lists every blog with its state, filtered and sorted on the server', async () => {
    const tag = tagOf();
    const author = await makeAuthor(app);
    const old = await makeBlog(app, author.id, {
      title: `${tag} old`,
      pubDate: new Date('2020-03-01T10:00:00Z'),
    });
    const draft = await makeBlog(app, author.id, { title: `${tag} draft`, status: 'draft' });
    const trashed = await makeBlog(app, author.id, {
      title: `${tag} trashed`,
      deletedAt: new Date(),
    });
    const featured = await makeBlog(app, author.id, { title: `${tag} star`, featured: true });

    const all = await data<BlogPage>('GET', `/admin/blogs?q=${tag}&sort=id`);
    expect(all.total).toBe(4);
    expect(all.items.map((b) => [b.id, b.status])).toEqual([
      [old.id, 'published'],
      [draft.id, 'draft'],
      [trashed.id, 'trashed'],
      [featured.id, 'published'],
    ]);
    expect((await data<BlogPage>('GET', `/admin/blogs?q=${tag}&status=trashed`)).items).toEqual([
      expect.objectContaining({ id: trashed.id, deletedAt: expect.any(String) }),
    ]);
    expect(
      (await data<BlogPage>('GET', `/admin/blogs?q=${tag}&status=published`)).items.map(
        (b) => b.id,
      ),
    ).toEqual([featured.id, old.id]);
    expect(
      (await data<BlogPage>('GET', `/admin/blogs?authorId=${author.id}&featured=true`)).items,
    ).toEqual([
      expect.objectContaining({ id: featured.id, author: { id: author.id, name: author.name } }),
    ]);
    expect(
      (
        await data<BlogPage>('GET', `/admin/blogs?q=${tag}&from=2020-03-01&to=2020-03-01`)
      ).items.map((b) => b.id),
    ).toEqual([old.id]);

    const bad = await call('GET', '/admin/blogs?status=lost&featured=maybe&sort=title');
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().errors).sort()).toEqual(['featured', 'sort', 'status']);
  });

  it('unpublishes, trashes, restores and features in bulk; the public lists follow at once', async () => {
    const tag = tagOf();
    const author = await makeAuthor(app);
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await makeBlog(app, author.id, { title: `${tag} ${i}` }));
    const ids = made.map((b) => b.id);
    const publicTotal = async () =>
      (await app.inject({ method: 'GET', url: `/api/v1/blogs?authorId=${author.id}` })).json().data
        .total as number;
    const found = async () =>
      (await app.inject({ method: 'GET', url: `/api/v1/search?q=${tag}` })).json().data
        .total as number;
    expect(await publicTotal()).toBe(3);
    expect(await found()).toBe(3);

    // Two selected: unpublished; a draft already is skipped the second time.
    expect(
      await data('POST', '/admin/blogs/bulk', { action: 'unpublish', ids: ids.slice(0, 2) }),
    ).toEqual({
      affected: 2,
      skipped: 0,
    });
    expect(await publicTotal()).toBe(1);
    expect(await found()).toBe(1);
    expect(await data('POST', '/admin/blogs/bulk', { action: 'unpublish', ids: [ids[0]] })).toEqual(
      {
        affected: 0,
        skipped: 1,
      },
    );
    const [unpublished] = await app.db.select().from(blogs).where(eq(blogs.id, ids[0]!));
    expect(unpublished!.status).toBe('draft');
    expect(unpublished!.version).toBe(2);

    // All matching a filter: trashed, then restored.
    expect(await data('POST', '/admin/blogs/bulk', { action: 'delete', all: { q: tag } })).toEqual({
      affected: 3,
      skipped: 0,
    });
    expect(await publicTotal()).toBe(0);
    expect((await data<BlogPage>('GET', `/admin/blogs?q=${tag}&status=trashed`)).total).toBe(3);
    expect(
      await data('POST', '/admin/blogs/bulk', {
        action: 'restore',
        all: { q: tag, status: 'trashed' },
      }),
    ).toEqual({ affected: 3, skipped: 0 });
    expect(await publicTotal()).toBe(1);
    expect(await found()).toBe(1);

    await data('POST', '/admin/blogs/bulk', { action: 'feature', ids: [ids[2]] });
    expect(
      (await data<BlogPage>('GET', `/admin/blogs?q=${tag}&featured=true`)).items.map((b) => b.id),
    ).toEqual([ids[2]]);

    const entries = await audited('blog.deleted', ids[1]!);
    expect(entries).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        targetType: 'blog',
        after: { filter: { q: tag } },
      }),
    ]);
    expect(await audited('blog.featured', ids[2]!)).toHaveLength(1);
  });

  it('refuses neither or both of ids and a filter', async () => {
    const neither = await call('POST', '/admin/blogs/bulk', admin.headers, { action: 'delete' });
    expect(neither.statusCode).toBe(422);
    expect(neither.json().errors).toHaveProperty('ids');
    const unknown = await call('POST', '/admin/blogs/bulk', admin.headers, {
      action: 'burn',
      ids: [1],
    });
    expect(unknown.json().errors).toHaveProperty('action');
  });
});

describe('reports and the moderation queue', () => {
  it('lets readers report others’ comments, and staff work through the queue', async () => {
    const author = await makeAuthor(app);
    const blog = await makeBlog(app, author.id);
    const write = async (body: string, parentId?: number) => {
      const res = await call('POST', `/blogs/${blog.id}/comments`, writer.headers, {
        body,
        parentId,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().data.id as number;
    };
    const spam = await write('Buy cheap pills at example.test');
    const rude = await write('You are all wrong');
    const reply = await write('No they are not', rude);
    const fine = await write('Nice post');

    const report = (id: number, headers: Record<string, string>, payload: object) =>
      call('POST', `/comments/${id}/report`, headers, payload);
    expect((await report(spam, reader.headers, { reason: 'spam' })).statusCode).toBe(200);
    expect(
      (await report(spam, admin.headers, { reason: 'spam', note: 'Obvious' })).statusCode,
    ).toBe(200);
    expect(
      (await report(rude, reader.headers, { reason: 'abuse', note: 'Insulting' })).statusCode,
    ).toBe(200);
    // Again: the report is replaced, not doubled.
    expect((await report(rude, reader.headers, { reason: 'other', note: 'Rude' })).statusCode).toBe(
      200,
    );

    const own = await report(fine, writer.headers, { reason: 'spam' });
    expect(own.statusCode).toBe(409);
    expect(own.json().msg).toBe('You can’t report your own comment.');
    const bad = await report(fine, reader.headers, { reason: 'boring', note: 'x'.repeat(501) });
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().errors).sort()).toEqual(['note', 'reason']);
    expect((await report(999_999_999, reader.headers, { reason: 'spam' })).statusCode).toBe(404);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/v1/comments/${spam}/report`,
          payload: { reason: 'spam' },
        })
      ).statusCode,
    ).toBe(401);

    type Queue = {
      items: {
        comment: { id: number; openReports: number };
        reports: { reason: string; note: string }[];
      }[];
      total: number;
    };
    const queue = await data<Queue>('GET', '/admin/comments/reports?perPage=100');
    const mine = queue.items.filter((item) => [spam, rude].includes(item.comment.id));
    expect(mine.map((item) => [item.comment.id, item.comment.openReports])).toEqual([
      [spam, 2],
      [rude, 1],
    ]);
    expect(mine[1]!.reports).toEqual([
      expect.objectContaining({
        reason: 'other',
        note: 'Rude',
        reporter: expect.objectContaining({ id: reader.id }),
      }),
    ]);
    type Comments = { items: { id: number; status: string; openReports: number }[]; total: number };
    expect(
      (await data<Comments>('GET', `/admin/comments?blogId=${blog.id}&reported=true`)).items.map(
        (c) => c.id,
      ),
    ).toEqual([rude, spam]);

    expect(
      (await data<Comments>('GET', `/admin/comments?blogId=${blog.id}&q=cheap%20pills`)).items.map(
        (c) => c.id,
      ),
    ).toEqual([spam]);

    // The spam goes; the rude one has a reply, so it stays as a tombstone; both leave the queue.
    expect(
      await data('POST', '/admin/comments/bulk', { action: 'delete', ids: [spam, rude] }),
    ).toEqual({
      affected: 2,
      skipped: 0,
    });
    const left = await data<Comments>('GET', `/admin/comments?blogId=${blog.id}&sort=id`);
    expect(left.items.map((c) => [c.id, c.status])).toEqual([
      [rude, 'deleted'],
      [reply, 'visible'],
      [fine, 'visible'],
    ]);
    expect(left.items[0]!.openReports).toBe(0);
    const after = await data<Queue>('GET', '/admin/comments/reports?perPage=100');
    expect(after.items.map((item) => item.comment.id)).not.toEqual(expect.arrayContaining([spam]));
    expect(after.items.map((item) => item.comment.id)).not.toEqual(expect.arrayContaining([rude]));
    const [row] = await app.db.select().from(blogs).where(eq(blogs.id, blog.id));
    expect(row!.commentCount).toBe(2);

    // Dismissing keeps the comment and closes its reports.
    expect((await report(fine, reader.headers, { reason: 'offTopic' })).statusCode).toBe(200);
    expect(
      await data('POST', '/admin/comments/bulk', {
        action: 'dismissReports',
        all: { blogId: blog.id, reported: true },
      }),
    ).toEqual({
      affected: 1,
      skipped: 0,
    });
    expect(
      (await data<Comments>('GET', `/admin/comments?blogId=${blog.id}&reported=true`)).total,
    ).toBe(0);
    expect(await app.db.select().from(comments).where(eq(comments.id, fine))).toHaveLength(1);
    expect(await audited('comment.deleted', spam)).toHaveLength(1);
    expect(await audited('comment.reportsDismissed', fine)).toHaveLength(1);
  });
});

describe('the authors table', () => {
  it('makes and changes authors, refusing an address another author has', async () => {
    const tag = tagOf();
    const made = await call('POST', '/admin/authors', admin.headers, {
      name: `${tag} Ada`,
      email: `${tag}@example.test`,
      bio: 'Wrote the first program.',
    });
    expect(made.statusCode, made.body).toBe(201);
    const author = made.json().data as { id: number; blogs: number; userId: number | null };
    expect(author).toMatchObject({ name: `${tag} Ada`, blogs: 0, userId: null });
    await makeBlog(app, author.id, { status: 'draft' });

    const taken = await call(
      'POST',
      '/admin/authors',
      { ...admin.headers, 'accept-language': 'zh-CN' },
      {
        name: `${tag} Copy`,
        email: `${tag}@example.test`,
      },
    );
    expect(taken.statusCode).toBe(422);
    expect(taken.json().errors).toEqual({ email: '已有作者使用这个邮箱。' });
    const empty = await call('POST', '/admin/authors', admin.headers, { name: '  ' });
    expect(empty.json().errors).toEqual({ name: 'An author name is 1 to 64 characters.' });

    const changed = await data('PATCH', `/admin/authors/${author.id}`, { bio: 'Poet too.' });
    expect(changed).toMatchObject({ bio: 'Poet too.', blogs: 1 });
    expect(
      (await call('PATCH', '/admin/authors/999999999', admin.headers, { bio: 'x' })).statusCode,
    ).toBe(404);
    const [entry] = await audited('author.updated', author.id);
    expect(entry).toMatchObject({
      before: { bio: 'Wrote the first program.' },
      after: { bio: 'Poet too.' },
    });
    // The public page shows the change at once.
    const shown = await app.inject({ method: 'GET', url: `/api/v1/authors/${author.id}` });
    expect(shown.json().data.bio).toBe('Poet too.');

    const page = await data<{ items: { id: number }[]; total: number }>(
      'GET',
      `/admin/authors?q=${tag}`,
    );
    expect(page.items.map((a) => a.id)).toEqual([author.id]);
  });
});

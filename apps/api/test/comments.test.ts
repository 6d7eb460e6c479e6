import type { Blog, BlogPage, Comment, CommentNode, CommentPage, ReplyPage } from '@folio/schema';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { blogs, comments } from '../src/db/schema';
import { commentHtml } from '../src/modules/comments/body-html';
import {
  commentRecipients,
  excerptOf,
  mentionedNicknames,
} from '../src/modules/comments/recipients';
import { createCommentRepository } from '../src/modules/comments/repository';
import { createCommentService } from '../src/modules/comments/service';
import { expectFailure } from './auth-helpers';
import {
  buildTestApp,
  grant,
  makeAuthor,
  makeBlog,
  makeUser,
  resetData,
  sessionFor,
} from './helpers';

let app: App;
beforeAll(async () => {
  ({ app } = await buildTestApp({ RUN_WORKER: 'false' }));
});
afterAll(() => app.close());
beforeEach(() => resetData(app));

type Headers = Record<string, string>;

async function person(fields: { nickname?: string } = {}) {
  const user = await makeUser(app, fields);
  const { headers } = await sessionFor(app, user.id);
  return { user, headers };
}

/** A published blog whose author writes as a fresh account. */
async function ownedBlog(fields: Partial<typeof blogs.$inferInsert> = {}) {
  const owner = await person({ nickname: `owner${Date.now() % 100_000}` });
  const author = await makeAuthor(app, { userId: owner.user.id });
  const blog = await makeBlog(app, author.id, fields);
  return { blog, owner };
}

function post(headers: Headers, blogId: number, payload: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: `/api/v1/blogs/${blogId}/comments`, headers, payload });
}

async function posted(headers: Headers, blogId: number, payload: Record<string, unknown>) {
  const res = await post(headers, blogId, payload);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data as Comment;
}

/** A comment written through the service (no rate limit), for trees too big to post by hand. */
async function write(userId: number, blogId: number, body: string, parentId?: number) {
  return app.commentService.create({ userId }, blogId, { body, parentId });
}

async function list(blogId: number, query = '') {
  const res = await app.inject({ method: 'GET', url: `/api/v1/blogs/${blogId}/comments${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as CommentPage;
}

async function replies(id: number, query = '') {
  const res = await app.inject({ method: 'GET', url: `/api/v1/comments/${id}/replies${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as ReplyPage;
}

const blogCount = async (id: number) =>
  (await app.db.select({ n: blogs.commentCount }).from(blogs).where(eq(blogs.id, id)))[0]!.n;

const remove = (headers: Headers, id: number) =>
  app.inject({ method: 'DELETE', url: `/api/v1/comments/${id}`, headers });

describe('POST /api/v1/blogs/:id/comments', () => {
  it('writes a comment as its logged-in writer, with its text escaped and its links nofollow', async () => {
    const { blog } = await ownedBlog();
    const { user, headers } = await person({ nickname: 'Reader' });
    const body = 'See https://example.com/a?b=1&c=2 <script>alert(1)</script> or example.org';
    const comment = await posted(headers, blog.id, { body });
    expect(comment).toMatchObject({
      blogId: blog.id,
      parentId: null,
      depth: 0,
      author: { id: user.id, nickname: 'Reader', avatarUrl: null },
      body,
      editedAt: null,
      deleted: false,
      moreReplies: 0,
    });
    expect(comment.bodyHtml).toBe(
      'See <a href="https://example.com/a?b=1&amp;c=2" rel="nofollow noopener noreferrer ugc">https://example.com/a?b=1&amp;c=2</a> ' +
        '&lt;script&gt;alert(1)&lt;/script&gt; or ' +
        '<a href="http://example.org" rel="nofollow noopener noreferrer ugc">example.org</a>',
    );
    expect(Date.now() - Date.parse(comment.createdAt)).toBeLessThan(60_000);
  });

  it('refuses anonymous writers, bad bodies, unknown and invisible blogs, and parents of another blog', async () => {
    const { blog } = await ownedBlog();
    const other = await ownedBlog();
    const draft = await ownedBlog({ status: 'draft' });
    const trashed = await ownedBlog({ deletedAt: new Date() });
    const { headers } = await person();
    // Refusals count towards the rate limit too: the refused blogs get their own writer.
    const { headers: second } = await person();
    expectFailure(
      await app.inject({
        method: 'POST',
        url: `/api/v1/blogs/${blog.id}/comments`,
        payload: { body: 'hi' },
      }),
      401,
      'UNAUTHENTICATED',
    );
    for (const body of ['', '   \n ', 'x'.repeat(5001)]) {
      const failure = expectFailure(
        await post(headers, blog.id, { body }),
        422,
        'VALIDATION_FAILED',
      );
      expect(failure.errors).toEqual({ body: 'Write 1 to 5000 characters.' });
    }
    expect((await post(headers, blog.id, { body: 'x'.repeat(5000) })).statusCode).toBe(201);
    for (const id of [999_999, draft.blog.id, trashed.blog.id]) {
      expectFailure(await post(second, id, { body: 'hello' }), 404, 'NOT_FOUND');
    }
    const elsewhere = await write(other.owner.user.id, other.blog.id, 'on the other blog');
    const failure = expectFailure(
      await post(second, blog.id, { body: 'a reply', parentId: elsewhere.id }),
      422,
      'VALIDATION_FAILED',
    );
    expect(failure.errors).toEqual({ parentId: 'The comment you answer is not on this blog.' });
    expectFailure(
      await post(second, blog.id, { body: 'a reply', parentId: 999_999 }),
      422,
      'VALIDATION_FAILED',
    );
    expect(await blogCount(blog.id)).toBe(1);
  });

  it('refuses a pending account', async () => {
    const { blog } = await ownedBlog();
    const pending = await makeUser(app, { status: 'pending' });
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/blogs/${blog.id}/comments`,
      headers: { authorization: `Bearer ${app.jwt.sign({ sub: String(pending.id), sid: 'x' })}` },
      payload: { body: 'hello' },
    });
    expect([401, 403]).toContain(res.statusCode);
  });

  it('refuses the same text as the writer’s previous comment, on any blog, with COMMENT_DUPLICATE', async () => {
    const first = await ownedBlog();
    const second = await ownedBlog();
    const { headers } = await person();
    await posted(headers, first.blog.id, { body: 'Great read!' });
    const failure = expectFailure(
      await post(headers, second.blog.id, { body: 'Great read!' }),
      409,
      'COMMENT_DUPLICATE',
    );
    expect(failure.msg).toBe('You just wrote the same comment.');
    await posted(headers, second.blog.id, { body: 'Something else' });
    // Only the previous one counts: the first text may come again now.
    await posted(headers, second.blog.id, { body: 'Great read!' });
    // Another person may say the same.
    const { headers: others } = await person();
    await posted(others, second.blog.id, { body: 'Great read!' });
  });

  it('allows 5 comments a minute per user, then answers 429 with Retry-After', async () => {
    const { blog } = await ownedBlog();
    const { headers } = await person();
    for (let i = 0; i < 5; i++) await posted(headers, blog.id, { body: `comment ${i}` });
    const res = await post(headers, blog.id, { body: 'one more' });
    expectFailure(res, 429, 'RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    // Counted per account: someone else still may.
    const { headers: others } = await person();
    await posted(others, blog.id, { body: 'mine' });
  });

  it('is refused with COMMENTS_CLOSED once the owner closes comments through PATCH /blogs/:id, and allowed again when opened', async () => {
    const { blog, owner } = await ownedBlog();
    const { headers } = await person();
    const read = await app.inject({ method: 'GET', url: `/api/v1/blogs/${blog.id}` });
    expect((read.json().data as Blog).commentsOpen).toBe(true);
    const etag = read.headers.etag as string;
    const closed = await app.inject({
      method: 'PATCH',
      url: `/api/v1/blogs/${blog.id}`,
      headers: { ...owner.headers, 'if-match': etag },
      payload: { commentsOpen: false },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().data).toMatchObject({ commentsOpen: false });
    // If-Match still holds: the version moved on.
    const stale = await app.inject({
      method: 'PATCH',
      url: `/api/v1/blogs/${blog.id}`,
      headers: { ...owner.headers, 'if-match': etag },
      payload: { commentsOpen: true },
    });
    expectFailure(stale, 412, 'PRECONDITION_FAILED');
    // The public blog says so at once (its cached answer was dropped).
    const after = await app.inject({ method: 'GET', url: `/api/v1/blogs/${blog.id}` });
    expect((after.json().data as Blog).commentsOpen).toBe(false);
    const failure = expectFailure(
      await post(headers, blog.id, { body: 'hi' }),
      403,
      'COMMENTS_CLOSED',
    );
    expect(failure.msg).toBe('Comments on this blog are closed.');
    // Nobody but the owner (or a moderator) opens them.
    expectFailure(
      await app.inject({
        method: 'PATCH',
        url: `/api/v1/blogs/${blog.id}`,
        headers,
        payload: { commentsOpen: true },
      }),
      403,
      'FORBIDDEN',
    );
    const moderator = await person();
    await grant(app, moderator.user.id, 'content.moderate');
    const opened = await app.inject({
      method: 'PATCH',
      url: `/api/v1/blogs/${blog.id}`,
      headers: moderator.headers,
      payload: { commentsOpen: true },
    });
    expect(opened.json().data).toMatchObject({ commentsOpen: true });
    await posted(headers, blog.id, { body: 'hi' });
    // Opening and closing keeps no revision.
    const revisions = await app.inject({
      method: 'GET',
      url: `/api/v1/blogs/${blog.id}/revisions`,
      headers: owner.headers,
    });
    expect(revisions.json().data).toEqual([]);
  });
});

describe('GET /api/v1/blogs/:id/comments', () => {
  it('nests replies 5 levels deep, counts what lies below in moreReplies, and lists it flattened at /comments/:id/replies', async () => {
    const { blog, owner } = await ownedBlog();
    const a = await person({ nickname: 'alice' });
    const b = await person({ nickname: 'bob' });
    const top = await write(a.user.id, blog.id, 'level 0');
    const chain: Comment[] = [top];
    for (let depth = 1; depth <= 8; depth++) {
      const writer = depth % 2 ? b : a;
      chain.push(await write(writer.user.id, blog.id, `level ${depth}`, chain.at(-1)!.id));
    }
    const sibling = await write(owner.user.id, blog.id, 'level 1 again', top.id);
    const page = await list(blog.id);
    expect(page).toMatchObject({ page: 1, perPage: 20, total: 1, pages: 1 });
    let node: CommentNode = page.items[0]!;
    expect(node.replies.map((r) => r.id)).toEqual([chain[1]!.id, sibling.id]);
    for (let depth = 0; depth < 5; depth++) {
      expect(node).toMatchObject({ id: chain[depth]!.id, depth, moreReplies: 0 });
      node = node.replies[0]!;
    }
    // The last nested level: nothing below it in this answer, three replies below it in all.
    expect(node).toMatchObject({ id: chain[5]!.id, depth: 5, moreReplies: 3, replies: [] });
    const rest = await replies(chain[5]!.id);
    expect(rest.nextCursor).toBeNull();
    expect(rest.items.map((r) => [r.id, r.depth, r.parentId, r.replyTo?.nickname])).toEqual([
      [chain[6]!.id, 6, chain[5]!.id, 'bob'],
      [chain[7]!.id, 7, chain[6]!.id, 'alice'],
      [chain[8]!.id, 8, chain[7]!.id, 'bob'],
    ]);
    // Paged by cursor.
    const first = await replies(chain[5]!.id, '?limit=2');
    expect(first.items.map((r) => r.id)).toEqual([chain[6]!.id, chain[7]!.id]);
    const second = await replies(chain[5]!.id, `?limit=2&cursor=${first.nextCursor}`);
    expect(second).toMatchObject({ items: [{ id: chain[8]!.id }], nextCursor: null });
    // Above the last level, a comment's direct replies.
    const direct = await replies(top.id);
    expect(direct.items.map((r) => r.id)).toEqual([chain[1]!.id, sibling.id]);
    expect(direct.items[0]!.replyTo).toEqual({ id: a.user.id, nickname: 'alice' });
    // A new reply below the last level shows at once (the cached answer was dropped).
    await write(a.user.id, blog.id, 'level 6 again', chain[5]!.id);
    let deep: CommentNode = (await list(blog.id)).items[0]!;
    for (let depth = 0; depth < 5; depth++) deep = deep.replies[0]!;
    expect(deep.moreReplies).toBe(4);
    expectFailure(
      await app.inject({ method: 'GET', url: '/api/v1/comments/999999/replies' }),
      404,
      'NOT_FOUND',
    );
    expectFailure(
      await app.inject({ method: 'GET', url: `/api/v1/comments/${top.id}/replies?cursor=abc` }),
      422,
      'VALIDATION_FAILED',
    );
  });

  it('pages top-level comments oldest first by default or newest first, with their replies', async () => {
    const { blog } = await ownedBlog();
    const { user } = await person();
    const tops: Comment[] = [];
    for (let i = 0; i < 5; i++) tops.push(await write(user.id, blog.id, `top ${i}`));
    const reply = await write(user.id, blog.id, 'reply to 3', tops[3]!.id);
    const first = await list(blog.id, '?perPage=2');
    expect(first).toMatchObject({ total: 5, pages: 3, page: 1, perPage: 2 });
    expect(first.items.map((c) => c.body)).toEqual(['top 0', 'top 1']);
    const second = await list(blog.id, '?perPage=2&page=2');
    expect(second.items.map((c) => c.body)).toEqual(['top 2', 'top 3']);
    expect(second.items[1]!.replies.map((r) => r.id)).toEqual([reply.id]);
    const newest = await list(blog.id, '?perPage=2&sort=-createdAt');
    expect(newest.items.map((c) => c.body)).toEqual(['top 4', 'top 3']);
    expect((await list(blog.id, '?page=4&perPage=2')).items).toEqual([]);
    expectFailure(
      await app.inject({ method: 'GET', url: `/api/v1/blogs/${blog.id}/comments?sort=id` }),
      422,
      'VALIDATION_FAILED',
    );
  });

  it('answers 404 for a blog that is unknown, a draft or in the trash', async () => {
    const draft = await ownedBlog({ status: 'draft' });
    for (const id of [999_999, draft.blog.id]) {
      expectFailure(
        await app.inject({ method: 'GET', url: `/api/v1/blogs/${id}/comments` }),
        404,
        'NOT_FOUND',
      );
    }
    const { blog, owner } = await ownedBlog();
    await list(blog.id);
    const trashed = await app.inject({
      method: 'DELETE',
      url: `/api/v1/blogs/${blog.id}`,
      headers: owner.headers,
    });
    expect(trashed.statusCode).toBe(200);
    // The cached answer goes with the blog's own.
    expectFailure(
      await app.inject({ method: 'GET', url: `/api/v1/blogs/${blog.id}/comments` }),
      404,
      'NOT_FOUND',
    );
  });
});

describe('PATCH /api/v1/comments/:id', () => {
  it('lets its writer change it within 15 minutes, marking it edited; then COMMENT_EDIT_EXPIRED', async () => {
    const { blog } = await ownedBlog();
    const { headers } = await person();
    const comment = await posted(headers, blog.id, { body: 'typo' });
    const patch = (h: Headers, body: unknown) =>
      app.inject({
        method: 'PATCH',
        url: `/api/v1/comments/${comment.id}`,
        headers: h,
        payload: { body },
      });
    const res = await patch(headers, 'fixed, see https://folio.test');
    expect(res.statusCode, res.body).toBe(200);
    const edited = res.json().data as Comment;
    expect(edited).toMatchObject({ id: comment.id, body: 'fixed, see https://folio.test' });
    expect(edited.bodyHtml).toContain(
      '<a href="https://folio.test" rel="nofollow noopener noreferrer ugc">',
    );
    expect(edited.editedAt).not.toBeNull();
    expect((await list(blog.id)).items[0]).toMatchObject({
      body: 'fixed, see https://folio.test',
      editedAt: edited.editedAt,
    });
    const { headers: other } = await person();
    expectFailure(await patch(other, 'mine now'), 403, 'FORBIDDEN');
    expectFailure(await patch(headers, ''), 422, 'VALIDATION_FAILED');
    expectFailure(
      await app.inject({
        method: 'PATCH',
        url: `/api/v1/comments/${comment.id}`,
        payload: { body: 'x' },
      }),
      401,
      'UNAUTHENTICATED',
    );
    await app.db
      .update(comments)
      .set({ createdAt: new Date(Date.now() - 16 * 60_000) })
      .where(eq(comments.id, comment.id));
    const failure = expectFailure(await patch(headers, 'too late'), 403, 'COMMENT_EDIT_EXPIRED');
    expect(failure.msg).toBe('A comment can be changed for 15 minutes after it was written.');
    expectFailure(
      await app.inject({
        method: 'PATCH',
        url: '/api/v1/comments/999999',
        headers,
        payload: { body: 'x' },
      }),
      404,
      'NOT_FOUND',
    );
  });
});

describe('DELETE /api/v1/comments/:id', () => {
  it('is allowed to the writer, the blog’s owner and a moderator, refused to others and to nobody logged in', async () => {
    const { blog, owner } = await ownedBlog();
    const writer = await person();
    const stranger = await person();
    const moderator = await person();
    await grant(app, moderator.user.id, 'content.moderate');
    const c1 = await write(writer.user.id, blog.id, 'one');
    const c2 = await write(writer.user.id, blog.id, 'two');
    const c3 = await write(writer.user.id, blog.id, 'three');
    const c4 = await write(stranger.user.id, blog.id, 'four');
    expect(await blogCount(blog.id)).toBe(4);
    expectFailure(
      await app.inject({ method: 'DELETE', url: `/api/v1/comments/${c1.id}` }),
      401,
      'UNAUTHENTICATED',
    );
    const refused = expectFailure(await remove(stranger.headers, c1.id), 403, 'FORBIDDEN');
    expect(refused.msg).toBe(
      'Only its writer, the blog’s author or a moderator may delete this comment.',
    );
    for (const [who, id] of [
      [writer, c1.id],
      [owner, c2.id],
      [moderator, c3.id],
      [stranger, c4.id],
    ] as const) {
      const res = await remove(who.headers, id);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().data).toBeNull();
    }
    expect((await list(blog.id)).items).toEqual([]);
    expect(await blogCount(blog.id)).toBe(0);
    expectFailure(await remove(writer.headers, c1.id), 404, 'NOT_FOUND');
  });

  it('leaves a tombstone while replies remain, and takes it away with the last of them', async () => {
    const { blog } = await ownedBlog();
    const a = await person();
    const b = await person();
    const top = await write(a.user.id, blog.id, 'parent');
    const middle = await write(a.user.id, blog.id, 'middle', top.id);
    const leaf = await write(b.user.id, blog.id, 'leaf', middle.id);
    expect(await blogCount(blog.id)).toBe(3);

    const res = await remove(a.headers, top.id);
    expect(res.json().data).toMatchObject({
      id: top.id,
      deleted: true,
      body: '',
      bodyHtml: '',
      author: null,
    });
    const tomb = (await list(blog.id)).items[0]!;
    expect(tomb).toMatchObject({ id: top.id, deleted: true, body: '', author: null });
    expect(tomb.replies[0]).toMatchObject({ id: middle.id, deleted: false });
    expect(await blogCount(blog.id)).toBe(2);
    // A tombstone is deleted already; nobody answers it.
    expectFailure(await remove(a.headers, top.id), 404, 'NOT_FOUND');
    expectFailure(
      await post(b.headers, blog.id, { body: 'to the void', parentId: top.id }),
      422,
      'VALIDATION_FAILED',
    );
    expectFailure(
      await app.inject({
        method: 'PATCH',
        url: `/api/v1/comments/${top.id}`,
        headers: a.headers,
        payload: { body: 'back' },
      }),
      404,
      'NOT_FOUND',
    );

    // The middle one becomes a tombstone too (its leaf remains) ...
    expect((await remove(a.headers, middle.id)).json().data).toMatchObject({ deleted: true });
    expect(await blogCount(blog.id)).toBe(1);
    // ... and when the leaf goes, both tombstones above it go with it.
    expect((await remove(b.headers, leaf.id)).json().data).toBeNull();
    expect((await list(blog.id)).items).toEqual([]);
    expect(await app.db.select().from(comments).where(eq(comments.blogId, blog.id))).toEqual([]);
    expect(await blogCount(blog.id)).toBe(0);
  });
});

describe('the comment count', () => {
  it('is exact on the blog and its list item after every write, and their cached answers are dropped', async () => {
    const { blog } = await ownedBlog();
    const { user, headers } = await person();
    const counts = async () => {
      const detail = (await app.inject({ method: 'GET', url: `/api/v1/blogs/${blog.id}` })).json()
        .data as Blog;
      const listed = (await app.inject({ method: 'GET', url: '/api/v1/blogs' })).json()
        .data as BlogPage;
      return [detail.commentCount, listed.items.find((b) => b.id === blog.id)!.commentCount];
    };
    expect(await counts()).toEqual([0, 0]);
    const first = await posted(headers, blog.id, { body: 'first' });
    expect(await counts()).toEqual([1, 1]);
    const reply = await write(user.id, blog.id, 'a reply', first.id);
    await write(user.id, blog.id, 'second');
    expect(await counts()).toEqual([3, 3]);
    await remove(headers, first.id);
    expect(await counts()).toEqual([2, 2]);
    await remove(headers, reply.id);
    expect(await counts()).toEqual([1, 1]);
    // The counter is the column, not a count of the table.
    const [row] = await app.db.execute(
      sql`select count(*) as n from comments where blog_id = ${blog.id} and deleted_at is null`,
    );
    expect((row as unknown as { n: number }[])[0]!.n).toBe(1);
  });

  it('stays exact when many comments are written at once', async () => {
    const { blog } = await ownedBlog();
    const writers = await Promise.all(Array.from({ length: 8 }, () => makeUser(app)));
    await Promise.all(writers.map((w, i) => write(w.id, blog.id, `at once ${i}`)));
    expect(await blogCount(blog.id)).toBe(8);
    expect((await list(blog.id)).total).toBe(8);
  });
});

describe('who hears of a new comment', () => {
  it('is the parent’s writer (reply), the blog’s owner (comment), then mentions, each once and never the writer', () => {
    const base = { commentId: 9, blogId: 3, actorUserId: 1, body: 'hello @bob' };
    expect(
      commentRecipients({
        ...base,
        blogOwnerUserId: 2,
        parentWriterUserId: 3,
        mentionedUserIds: [4, 3, 2, 1, 4],
      }).map((n) => [n.userId, n.type]),
    ).toEqual([
      [3, 'reply'],
      [2, 'comment'],
      [4, 'mention'],
    ]);
    // The owner answering on their own blog: the parent's writer only.
    expect(
      commentRecipients({
        ...base,
        actorUserId: 2,
        blogOwnerUserId: 2,
        parentWriterUserId: 2,
        mentionedUserIds: [],
      }),
    ).toEqual([]);
    // The owner replied to is told once, as `reply`.
    expect(
      commentRecipients({
        ...base,
        blogOwnerUserId: 2,
        parentWriterUserId: 2,
        mentionedUserIds: [2],
      }),
    ).toEqual([
      { userId: 2, type: 'reply', actorUserId: 1, blogId: 3, commentId: 9, excerpt: 'hello @bob' },
    ]);
    // No owner account (a sample author), top-level: mentions alone, at most 10.
    const many = Array.from({ length: 15 }, (_, i) => i + 10);
    const notices = commentRecipients({
      ...base,
      blogOwnerUserId: null,
      parentWriterUserId: null,
      mentionedUserIds: many,
    });
    expect(notices.map((n) => n.userId)).toEqual(many.slice(0, 10));
    expect(new Set(notices.map((n) => n.type))).toEqual(new Set(['mention']));
  });

  it('finds @nicknames once each, case-insensitively, not inside addresses, at most 10', () => {
    expect(mentionedNicknames('@Bob and @bob, cc @alice! mail x@y.test @李雷。')).toEqual([
      'Bob',
      'alice',
      '李雷',
    ]);
    const names = Array.from({ length: 12 }, (_, i) => `@n${i}`).join(' ');
    expect(mentionedNicknames(names)).toHaveLength(10);
    expect(excerptOf(`  two\n\nlines ${'x'.repeat(300)}`)).toMatch(/^two lines x+…$/);
    expect([...excerptOf('x'.repeat(300))]).toHaveLength(140);
  });

  it('is handed to notify after a comment, matched to existing users; a failing notify does not fail the comment', async () => {
    const { blog, owner } = await ownedBlog();
    const writer = await makeUser(app, { nickname: 'writer1' });
    const parentWriter = await makeUser(app, { nickname: 'parent1' });
    const mentioned = await makeUser(app, { nickname: 'Mentioned1' });
    const heard: unknown[] = [];
    const warnings: object[] = [];
    let fail = false;
    const service = createCommentService({
      repo: createCommentRepository(app.db),
      users: app.users,
      blogsChanged: async () => undefined,
      rendered: (_key, render) => render(),
      siteCommentsOpen: async () => true,
      notify: async (notices) => {
        if (fail) throw new Error('notifications down');
        heard.push(...notices);
      },
      log: { warn: (obj) => warnings.push(obj) },
    });
    const parent = await service.create({ userId: parentWriter.id }, blog.id, { body: 'first' });
    heard.length = 0;
    const reply = await service.create({ userId: writer.id }, blog.id, {
      body: 'agreed @mentioned1 and @nobody-here @WRITER1',
      parentId: parent.id,
    });
    expect(heard).toEqual([
      {
        userId: parentWriter.id,
        type: 'reply',
        actorUserId: writer.id,
        blogId: blog.id,
        commentId: reply.id,
        excerpt: 'agreed @mentioned1 and @nobody-here @WRITER1',
      },
      {
        userId: owner.user.id,
        type: 'comment',
        actorUserId: writer.id,
        blogId: blog.id,
        commentId: reply.id,
        excerpt: 'agreed @mentioned1 and @nobody-here @WRITER1',
      },
      {
        userId: mentioned.id,
        type: 'mention',
        actorUserId: writer.id,
        blogId: blog.id,
        commentId: reply.id,
        excerpt: 'agreed @mentioned1 and @nobody-here @WRITER1',
      },
    ]);
    fail = true;
    const kept = await service.create({ userId: writer.id }, blog.id, { body: 'still posted' });
    expect(kept.id).toBeGreaterThan(reply.id);
    expect(warnings).toHaveLength(1);
  });
});

describe('the list queries use an index', () => {
  type Plan = { table: string; type: string; key: string | null; Extra: string; rows: number }[];
  async function explain(query: { toSQL: () => { sql: string; params: unknown[] } }) {
    const { sql: text, params } = query.toSQL();
    const [rows] = await app.pool.query(`EXPLAIN ${text}`, params);
    return rows as Plan;
  }

  it('reads a blog with 1 000 comments by index ranges, never sorting or scanning the table', async () => {
    const { blog } = await ownedBlog();
    const other = await ownedBlog();
    const { user } = await person();
    // 1 000 comments on the blog (200 threads of 5 in a chain below each other), more elsewhere.
    const rows: (typeof comments.$inferInsert)[] = [];
    const [{ insertId }] = await app.db
      .insert(comments)
      .values({ blogId: other.blog.id, userId: user.id, body: 'x' });
    let id = insertId;
    for (let thread = 0; thread < 200; thread++) {
      const root = ++id;
      for (let depth = 0; depth < 5; depth++) {
        const me = depth === 0 ? root : ++id;
        rows.push({
          id: me,
          blogId: blog.id,
          userId: user.id,
          body: `c${me}`,
          parentId: depth === 0 ? null : me - 1,
          rootId: depth === 0 ? null : root,
          depth,
        });
      }
    }
    for (let i = 0; i < rows.length; i += 500)
      await app.db.insert(comments).values(rows.slice(i, i + 500));
    await app.pool.query('ANALYZE TABLE comments');
    const repo = createCommentRepository(app.db);
    const tops = rows
      .filter((r) => r.depth === 0)
      .slice(0, 20)
      .map((r) => r.id!);
    const plans = {
      top: await explain(repo.topPageQuery(blog.id, 'createdAt', 20, 40)),
      newest: await explain(repo.topPageQuery(blog.id, '-createdAt', 20, 0)),
      count: await explain(repo.topCountQuery(blog.id)),
      nested: await explain(repo.nestedQuery(tops)),
      branch: await explain(repo.branchCountsQuery(tops)),
      below: await explain(repo.replyPageQuery(tops[0]!, true, 0, 21)),
      direct: await explain(repo.replyPageQuery(tops[0]!, false, 0, 21)),
    };
    const keys = {
      top: 'comments_blog_parent_idx',
      newest: 'comments_blog_parent_idx',
      count: 'comments_blog_parent_idx',
      nested: 'comments_root_depth_idx',
      branch: 'comments_branch_idx',
      below: 'comments_branch_idx',
      direct: 'comments_parent_idx',
    };
    for (const [name, plan] of Object.entries(plans)) {
      const label = JSON.stringify({ name, plan });
      const step = plan.find((s) => s.table === 'comments');
      expect(step?.key, label).toBe(keys[name as keyof typeof keys]);
      expect(['ref', 'range', 'ref_or_null'], label).toContain(step!.type);
      for (const s of plan) expect(s.type, label).not.toBe('ALL');
      // Only the replies of a page (at most a few hundred rows) are put in order in memory.
      if (name !== 'nested') expect(step!.Extra, label).not.toContain('filesort');
    }
    const page = await list(blog.id, '?perPage=20&page=3');
    expect(page.total).toBe(200);
    expect(page.items).toHaveLength(20);
    expect(page.items[0]!.replies[0]!.replies[0]!.replies[0]!.replies[0]!.depth).toBe(4);
  });
});

describe('body HTML', () => {
  it('escapes everything and links only web and mail addresses', () => {
    expect(commentHtml('a < b & "c" \'d\'')).toBe('a &lt; b &amp; &quot;c&quot; &#39;d&#39;');
    expect(commentHtml('javascript:alert(1) ftp://x.test //y.test')).not.toContain('<a');
    expect(commentHtml('mail me: mailto:me@folio.test')).toContain(
      '<a href="mailto:me@folio.test" rel="nofollow noopener noreferrer ugc">',
    );
    expect(commentHtml('https://x.test/"><img src=x onerror=alert(1)>')).not.toMatch(/<img/);
  });
});

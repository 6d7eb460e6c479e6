import type { Blog, CommentNode, CommentPage } from '@folio/schema';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearSession, setSession } from '../../../lib/auth-store';
import { setLocale } from '../../../lib/i18n';
import { emitLiveEvent } from '../../../lib/live-events';
import { authResult, fakeApi, me, ok, site } from '../../../test/fake-api';
import { renderRoute } from '../../../test/render-route';
import { CommentSection } from './comment-section';

const blog: Blog = {
  id: 7,
  title: 'The old man and the sea',
  excerpt: '',
  tags: [],
  readingMinutes: 1,
  pubDate: '2016-01-11T11:01:05.000Z',
  viewCount: 0,
  commentCount: 9,
  author: { id: 3, name: 'Larry' },
  cover: null,
  featured: false,
  content: '',
  contentHtml: '',
  commentsOpen: true,
  createdAt: '2016-01-11T11:01:05.000Z',
  updatedAt: '2016-01-11T11:01:05.000Z',
};

let next = 100;
function node(depth: number, fields: Partial<CommentNode> = {}): CommentNode {
  next += 1;
  return {
    id: next,
    blogId: 7,
    parentId: depth === 0 ? null : next - 1,
    depth,
    author: { id: 40 + depth, nickname: `writer${depth}`, avatarUrl: null },
    body: `text at ${depth}`,
    bodyHtml: `text at ${depth}`,
    createdAt: '2016-01-12T11:01:05.000Z',
    editedAt: null,
    deleted: false,
    moreReplies: 0,
    replies: [],
    ...fields,
  };
}

/** A chain from level 0 to level 5, the last with `moreReplies` below it. */
function chain(): CommentNode {
  let deepest = node(5, { moreReplies: 2 });
  const levels: CommentNode[] = [];
  for (let depth = 4; depth >= 0; depth--) levels.push(node(depth));
  for (const level of levels) {
    level.replies = [deepest];
    deepest = level;
  }
  return deepest;
}

const page = (items: CommentNode[]): CommentPage => ({
  items,
  page: 1,
  perPage: 20,
  total: items.length,
  pages: 1,
});

const routes = [
  { path: '/blogs/:id', element: <CommentSection blog={blog} /> },
  { path: '/login', element: <p>login page</p> },
];

describe('a blog’s comments', () => {
  beforeEach(() => setLocale('en'));

  it('nests replies down to level 5 and flattens what lies below it, saying whom each answers', async () => {
    clearSession();
    const top = chain();
    let last = top;
    while (last.replies.length) last = last.replies[0]!;
    const api = fakeApi({
      'GET /blogs/7/comments': ok(page([top])),
      [`GET /comments/${last.id}/replies`]: ok({
        items: [
          { ...node(6), parentId: last.id, replyTo: { id: 45, nickname: 'writer5' } },
          { ...node(7), replyTo: { id: 46, nickname: 'writer6' } },
        ],
        nextCursor: null,
      }),
    });
    renderRoute(routes, '/blogs/7');
    expect(await screen.findByText('text at 5')).toBeInTheDocument();
    // Each level inside the one above it.
    const depths = screen.getAllByTestId('comment').map((c) => c.dataset.depth);
    expect(depths).toEqual(['0', '1', '2', '3', '4', '5']);
    const deepest = screen.getAllByTestId('comment')[5]!;
    expect(deepest.closest('ol.comment-replies')).not.toBeNull();
    // Anonymous: a way to log in and come back, no reply buttons.
    expect(screen.getByRole('link', { name: 'Log in to comment' })).toHaveAttribute(
      'href',
      '/login?next=%2Fblogs%2F7',
    );
    expect(screen.queryByRole('button', { name: 'Reply' })).toBeNull();

    fireEvent.click(within(deepest).getByRole('button', { name: 'Show 2 more replies' }));
    expect(await screen.findByText('text at 7')).toBeInTheDocument();
    expect(api.calls(`GET /comments/${last.id}/replies`)).toHaveLength(1);
    const flat = screen.getAllByTestId('comment').slice(6);
    expect(flat.map((c) => c.dataset.depth)).toEqual(['6', '7']);
    // Flattened: in one list at the last level's indentation, not nested in each other.
    expect(flat[0]!.closest('ol')).toBe(flat[1]!.closest('ol'));
    expect(flat[0]!.closest('ol')).toHaveClass('comment-replies-flat');
    expect(within(flat[0]!).getByText('replying to @writer5')).toBeInTheDocument();
    expect(within(flat[1]!).getByText('replying to @writer6')).toBeInTheDocument();
  });

  it('shows a deleted comment as a tombstone above its replies, and "edited" on a changed one', async () => {
    const tomb = node(0, { deleted: true, author: null, body: '', bodyHtml: '' });
    tomb.replies = [node(1, { editedAt: '2016-01-12T11:05:00.000Z' })];
    fakeApi({ 'GET /blogs/7/comments': ok(page([tomb])) });
    renderRoute(routes, '/blogs/7');
    const [first, second] = await screen.findAllByTestId('comment');
    expect(within(first!).getByText('comment deleted')).toBeInTheDocument();
    expect(within(second!).getByText('edited')).toBeInTheDocument();
    expect(within(second!).getByText('text at 1')).toBeInTheDocument();
  });

  it('opens a reply box under a comment and sends the reply with its parent', async () => {
    setSession(authResult());
    const top = node(0, { author: { id: 99, nickname: 'Tom', avatarUrl: null } });
    const api = fakeApi({
      'GET /me': ok(me),
      'GET /me/blogs/7': {
        status: 403,
        body: { result: false, code: 'FORBIDDEN', msg: 'no', requestId: 'r' },
      },
      'GET /blogs/7/comments': ok(page([top])),
      'POST /blogs/7/comments': ok({ ...node(1), replies: undefined }),
    });
    renderRoute(routes, '/blogs/7');
    const comment = (await screen.findAllByTestId('comment'))[0]!;
    // Someone else's comment: no edit or delete.
    expect(within(comment).queryByRole('button', { name: 'Delete' })).toBeNull();
    fireEvent.click(within(comment).getByRole('button', { name: 'Reply' }));
    const box = within(comment).getByRole('textbox', { name: 'Reply to Tom' });
    fireEvent.change(box, { target: { value: 'Agreed.' } });
    fireEvent.click(within(comment).getByRole('button', { name: 'Reply' }));
    await waitFor(() => expect(api.calls('POST /blogs/7/comments')).toHaveLength(1));
    expect(api.calls('POST /blogs/7/comments')[0]!.body).toEqual({
      body: 'Agreed.',
      parentId: top.id,
    });
    // The tree is read again after the write.
    await waitFor(() => expect(api.calls('GET /blogs/7/comments').length).toBeGreaterThan(1));
  });

  it('says comments are closed site-wide, offering no box, while still showing them', async () => {
    setSession(authResult());
    const top = node(0, { author: { id: 99, nickname: 'Tom', avatarUrl: null } });
    fakeApi({
      'GET /site': ok({ ...site, commentsOpen: false }),
      'GET /me': ok(me),
      'GET /me/blogs/7': {
        status: 403,
        body: { result: false, code: 'FORBIDDEN', msg: 'no', requestId: 'r' },
      },
      'GET /blogs/7/comments': ok(page([top])),
    });
    renderRoute(routes, '/blogs/7');
    expect(await screen.findByTestId('comments-closed')).toHaveTextContent(
      'Comments are closed on this site for now.',
    );
    const comment = (await screen.findAllByTestId('comment'))[0]!;
    expect(comment).toHaveTextContent('text at 0');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(within(comment).queryByRole('button', { name: 'Reply' })).toBeNull();
  });

  it('reads the comments again when the live stream reports one on this blog', async () => {
    const api = fakeApi({ 'GET /blogs/7/comments': ok(page([])) });
    renderRoute(routes, '/blogs/7');
    expect(await screen.findByText('No comments yet. Be the first.')).toBeInTheDocument();
    emitLiveEvent({
      type: 'notification',
      notification: { id: 1, type: 'comment', blogId: 8, commentId: 2 },
    });
    emitLiveEvent({
      type: 'notification',
      notification: { id: 2, type: 'comment', blogId: 7, commentId: 3 },
    });
    await waitFor(() => expect(api.calls('GET /blogs/7/comments')).toHaveLength(2));
  });

  it('says it all in Chinese', async () => {
    setLocale('zh-CN');
    const tomb = node(0, { deleted: true, author: null, body: '', bodyHtml: '' });
    tomb.replies = [node(1)];
    fakeApi({ 'GET /blogs/7/comments': ok(page([tomb])) });
    renderRoute(routes, '/blogs/7');
    expect(await screen.findByText('评论已删除')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '评论（9）' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '登录后发表评论' })).toBeInTheDocument();
  });
});

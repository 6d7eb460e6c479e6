import type { Blog, CommentNode, CommentPage } from '@folio/schema';
import { fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearSession, setSession } from '../../../lib/auth-store';
import { setLocale } from '../../../lib/i18n';
import { dialogsClosed, shownDialog } from '../../../test/dialog';
import { authResult, fail, fakeApi, me, ok } from '../../../test/fake-api';
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
  commentCount: 2,
  author: { id: 3, name: 'Larry' },
  cover: null,
  featured: false,
  content: '',
  contentHtml: '',
  commentsOpen: true,
  createdAt: '2016-01-11T11:01:05.000Z',
  updatedAt: '2016-01-11T11:01:05.000Z',
};

function node(id: number, author: CommentNode['author'], fields: Partial<CommentNode> = {}) {
  return {
    id,
    blogId: 7,
    parentId: null,
    depth: 0,
    author,
    body: `text ${id}`,
    bodyHtml: `text ${id}`,
    createdAt: '2016-01-12T11:01:05.000Z',
    editedAt: null,
    deleted: false,
    moreReplies: 0,
    replies: [],
    ...fields,
  } satisfies CommentNode;
}

// The reader is `me` (id 7): one comment of theirs, one of Tom's, one deleted.
const theirs = node(21, { id: 99, nickname: 'Tom', avatarUrl: null });
const mine = node(22, { id: me.id, nickname: me.nickname, avatarUrl: null });
const tomb = node(23, null, { deleted: true, body: '', bodyHtml: '' });

const page = (items: CommentNode[]): CommentPage => ({
  items,
  page: 1,
  perPage: 20,
  total: items.length,
  pages: 1,
});

const routes = [{ path: '/blogs/:id', element: <CommentSection blog={blog} /> }];

function api(report: Parameters<typeof fakeApi>[0][string] = ok(null)) {
  return fakeApi({
    'GET /me': ok(me),
    'GET /me/blogs/7': fail(403, 'FORBIDDEN', 'no'),
    'GET /blogs/7/comments': ok(page([theirs, mine, tomb])),
    'POST /comments/21/report': report,
  });
}

const commentOf = async (id: number) => {
  await screen.findAllByTestId('comment');
  return within(document.getElementById(`comment-${id}`)!);
};

describe('reporting a comment', () => {
  beforeEach(() => setLocale('en'));

  it('is offered on others’ comments to a logged-in reader, not on their own or a deleted one', async () => {
    setSession(authResult());
    api();
    renderRoute(routes, '/blogs/7');
    expect((await commentOf(21)).getByRole('button', { name: 'Report' })).toBeInTheDocument();
    expect((await commentOf(22)).queryByRole('button', { name: 'Report' })).toBeNull();
    expect((await commentOf(23)).queryByRole('button', { name: 'Report' })).toBeNull();
  });

  it('is not offered to an anonymous reader', async () => {
    clearSession();
    fakeApi({ 'GET /blogs/7/comments': ok(page([theirs])) });
    renderRoute(routes, '/blogs/7');
    expect(await screen.findByText('text 21')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Report' })).toBeNull();
  });

  it('asks for a reason, then posts it with the note and thanks the reader', async () => {
    setSession(authResult());
    const calls = api();
    renderRoute(routes, '/blogs/7');
    fireEvent.click((await commentOf(21)).getByRole('button', { name: 'Report' }));
    const dialog = within(await shownDialog());
    expect(dialog.getByRole('heading', { name: 'Report this comment to staff' })).toBeVisible();
    expect(dialog.getAllByRole('radio').map((radio) => radio.getAttribute('value'))).toEqual([
      'spam',
      'abuse',
      'offTopic',
      'other',
    ]);
    fireEvent.click(dialog.getByRole('button', { name: 'Report' }));
    expect(dialog.getByText('Choose what is wrong with it.')).toBeInTheDocument();
    expect(calls.calls('POST /comments/21/report')).toHaveLength(0);

    fireEvent.click(dialog.getByRole('radio', { name: 'Spam or advertising' }));
    fireEvent.change(dialog.getByLabelText('Note for staff (optional)'), {
      target: { value: '  The same link on every blog ' },
    });
    fireEvent.click(dialog.getByRole('button', { name: 'Report' }));
    expect(await screen.findByText('Thanks, staff will look at it.')).toBeInTheDocument();
    await dialogsClosed();
    expect(calls.calls('POST /comments/21/report')[0]?.body).toEqual({
      reason: 'spam',
      note: 'The same link on every blog',
    });
  });

  it('refuses a note past 500 characters before sending it', async () => {
    setSession(authResult());
    const calls = api();
    renderRoute(routes, '/blogs/7');
    fireEvent.click((await commentOf(21)).getByRole('button', { name: 'Report' }));
    const dialog = within(await shownDialog());
    fireEvent.click(dialog.getByRole('radio', { name: 'Something else' }));
    fireEvent.change(dialog.getByLabelText('Note for staff (optional)'), {
      target: { value: 'x'.repeat(501) },
    });
    expect(dialog.getByText('Write at most 500 characters.')).toBeInTheDocument();
    fireEvent.click(dialog.getByRole('button', { name: 'Report' }));
    expect(calls.calls('POST /comments/21/report')).toHaveLength(0);
  });

  it.each([
    [409, 'CONFLICT', 'You cannot report your own comment.'],
    [404, 'NOT_FOUND', 'No such comment.'],
  ])('shows the API’s %i in the dialog', async (status, code, msg) => {
    setSession(authResult());
    const calls = api(fail(status, code, msg));
    renderRoute(routes, '/blogs/7');
    fireEvent.click((await commentOf(21)).getByRole('button', { name: 'Report' }));
    const dialog = within(await shownDialog());
    fireEvent.click(dialog.getByRole('radio', { name: 'Abusive or hateful' }));
    fireEvent.click(dialog.getByRole('button', { name: 'Report' }));
    expect(await dialog.findByRole('alert')).toHaveTextContent(msg);
    expect(calls.calls('POST /comments/21/report')[0]?.body).toEqual({
      reason: 'abuse',
      note: '',
    });
    expect(screen.queryByText('Thanks, staff will look at it.')).toBeNull();
  });

  it('speaks Chinese', async () => {
    setLocale('zh-CN');
    setSession(authResult());
    api();
    renderRoute(routes, '/blogs/7');
    fireEvent.click((await commentOf(21)).getByRole('button', { name: '举报' }));
    const dialog = within(await shownDialog());
    expect(dialog.getByRole('radio', { name: '与主题无关' })).toBeInTheDocument();
    expect(dialog.getByText('它有什么问题？')).toBeInTheDocument();
  });
});

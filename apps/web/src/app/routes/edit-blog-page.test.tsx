import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { MyBlog } from '@folio/schema';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearSession, setSession } from '../../lib/auth-store';
import { setLocale } from '../../lib/i18n';
import { dialogsClosed, shownDialog } from '../../test/dialog';
import { authResult, fail, fakeApi, ok } from '../../test/fake-api';
import { renderRoute } from '../../test/render-route';
import { EditBlogPage } from './edit-blog-page';

const routes = [
  { path: '/blogs/:id/edit', element: <EditBlogPage /> },
  { path: '/login', element: <p>login page</p> },
];

const blog = (changes: Partial<MyBlog> = {}): MyBlog => ({
  id: 3,
  title: 'Harbour notes',
  excerpt: 'Boats',
  content: 'The boats came in.',
  contentHtml: '<p>The boats came in.</p>',
  commentsOpen: true,
  tags: [{ name: 'sea', slug: 'sea' }],
  readingMinutes: 1,
  pubDate: '2026-04-01T08:00:00.000Z',
  viewCount: 0,
  commentCount: 0,
  featured: false,
  author: { id: 1, name: 'Lily' },
  cover: null,
  createdAt: '2026-04-01T08:00:00.000Z',
  updatedAt: '2026-04-01T08:00:00.000Z',
  status: 'draft',
  deletedAt: null,
  ...changes,
});

const versioned = (data: MyBlog, version: number) => ({
  ...ok(data),
  headers: { ETag: `"b3.v${version}"` },
});

const title = () => screen.getByTestId('title-input');
/** The markdown editor's text (CodeMirror lives in the editor's shadow root). */
const editorText = () =>
  screen.getByTestId('markdown-editor').shadowRoot!.querySelector('.cm-content')!;

describe('/blogs/:id/edit', () => {
  beforeEach(() => {
    setLocale('en');
    setSession(authResult());
  });

  it('sends anonymous visitors to log in and back', async () => {
    clearSession();
    const router = renderRoute(routes, '/blogs/3/edit');
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(router.state.location.search).toBe('?next=%2Fblogs%2F3%2Fedit');
  });

  it('saves a draft with the ETag it read, only what changed', async () => {
    const api = fakeApi({
      'GET /me/blogs/3': versioned(blog(), 1),
      'GET /tags': ok({ items: [], page: 1, perPage: 100, total: 0, pages: 0 }),
      'PATCH /blogs/3': versioned(blog({ title: 'Harbour notes, revised' }), 2),
    });
    renderRoute(routes, '/blogs/3/edit');
    await waitFor(() => expect(title()).toHaveValue('Harbour notes'));
    expect(editorText()).toHaveTextContent('The boats came in.');
    const field = title();
    fireEvent.change(field, { target: { value: 'Harbour notes, revised' } });
    expect(screen.getByTestId('save-status')).toHaveTextContent('Unsaved changes');
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText('Draft saved.')).toBeInTheDocument();
    const [patch] = api.calls('PATCH /blogs/3');
    expect(patch!.headers.get('If-Match')).toBe('"b3.v1"');
    expect(patch!.body).toEqual({ title: 'Harbour notes, revised', status: 'draft' });
    expect(screen.getByTestId('save-status')).toHaveTextContent(/Saved at/);
    // The editor the person typed in is still there (its focus, its undo history).
    expect(title()).toBe(field);
  });

  it('on a 412 takes their version, or puts this one over it with the new ETag', async () => {
    const theirs = blog({ title: 'Their title', content: 'Their text.' });
    const api = fakeApi({
      'GET /me/blogs/3': [versioned(blog({ status: 'published' }), 1), versioned(theirs, 5)],
      'GET /tags': ok({ items: [], page: 1, perPage: 100, total: 0, pages: 0 }),
      'PATCH /blogs/3': [
        fail(412, 'PRECONDITION_FAILED', 'Changed since.'),
        versioned(blog({ title: 'Mine', status: 'published' }), 6),
      ],
    });
    renderRoute(routes, '/blogs/3/edit');
    await waitFor(() => expect(title()).toHaveValue('Harbour notes'));
    fireEvent.change(title(), { target: { value: 'Mine' } });
    fireEvent.click(screen.getByRole('button', { name: 'Update' }));
    expect(await screen.findByTestId('conflict-alert')).toHaveTextContent(
      'This blog was changed elsewhere',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Overwrite with mine' }));
    expect(
      await screen.findByText('Your version is saved over the other one.'),
    ).toBeInTheDocument();
    const [, overwrite] = api.calls('PATCH /blogs/3');
    expect(overwrite!.headers.get('If-Match')).toBe('"b3.v5"');
    expect(overwrite!.body).toMatchObject({
      title: 'Mine',
      content: 'The boats came in.',
      tags: ['sea'],
    });
    expect(screen.queryByTestId('conflict-alert')).not.toBeInTheDocument();
  });

  it('reloads their version when asked', async () => {
    fakeApi({
      'GET /me/blogs/3': [
        versioned(blog(), 1),
        versioned(blog({ title: 'Their title', content: 'Their text.' }), 5),
      ],
      'GET /tags': ok({ items: [], page: 1, perPage: 100, total: 0, pages: 0 }),
      'PATCH /blogs/3': fail(412, 'PRECONDITION_FAILED', 'Changed since.'),
    });
    renderRoute(routes, '/blogs/3/edit');
    await waitFor(() => expect(title()).toHaveValue('Harbour notes'));
    fireEvent.change(title(), { target: { value: 'Mine' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Reload theirs' }));
    await waitFor(() => expect(title()).toHaveValue('Their title'));
    await waitFor(() => expect(editorText()).toHaveTextContent('Their text.'));
    expect(screen.getByTestId('save-status')).not.toHaveTextContent('Unsaved');
  });

  it('shows no revisions panel on a draft: only saves of a published blog keep versions', async () => {
    const api = fakeApi({
      'GET /me/blogs/3': versioned(blog(), 1),
      'GET /tags': ok({ items: [], page: 1, perPage: 100, total: 0, pages: 0 }),
    });
    renderRoute(routes, '/blogs/3/edit');
    await waitFor(() => expect(title()).toHaveValue('Harbour notes'));
    expect(screen.queryByTestId('revisions-panel')).not.toBeInTheDocument();
    expect(api.calls('GET /blogs/3/revisions')).toHaveLength(0);
  });

  it('restores a published blog’s earlier version into the editor, with its new ETag', async () => {
    const older = {
      id: 12,
      title: 'Harbour notes (first)',
      excerpt: 'Boats',
      content: 'The first boats came in.',
      tags: ['sea'],
      editor: { id: 1, nickname: 'Lily' },
      createdAt: '2026-04-01T08:00:00.000Z',
    };
    const restored = blog({ status: 'published', title: older.title, content: older.content });
    const api = fakeApi({
      'GET /me/blogs/3': versioned(blog({ status: 'published' }), 1),
      'GET /tags': ok({ items: [], page: 1, perPage: 100, total: 0, pages: 0 }),
      'GET /blogs/3/revisions': ok([older]),
      'POST /blogs/3/revisions/12/restore': versioned(restored, 7),
      'PATCH /blogs/3': versioned(blog({ status: 'published', title: 'After the restore' }), 8),
    });
    renderRoute(routes, '/blogs/3/edit');
    const panel = await screen.findByTestId('revisions-panel');
    fireEvent.click(await within(panel).findByRole('button', { name: 'Compare' }));
    expect(await within(panel).findByTestId('revision-diff')).toHaveTextContent(
      'The first boats came in.',
    );
    fireEvent.click(within(panel).getByRole('button', { name: 'Restore' }));
    fireEvent.click(within(await shownDialog()).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(title()).toHaveValue('Harbour notes (first)'));
    expect(editorText()).toHaveTextContent('The first boats came in.');
    await dialogsClosed();

    // The next change names the restored version's ETag.
    fireEvent.change(title(), { target: { value: 'After the restore' } });
    fireEvent.click(screen.getByRole('button', { name: 'Update' }));
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    const [patch] = api.calls('PATCH /blogs/3');
    expect(patch!.headers.get('If-Match')).toBe('"b3.v7"');
  });

  it('shows who may not edit it a page that says so', async () => {
    fakeApi({
      'GET /me/blogs/3': fail(403, 'FORBIDDEN', 'Only its author may change this blog.'),
    });
    renderRoute(routes, '/blogs/3/edit');
    expect(
      await screen.findByRole('heading', { name: 'You can’t edit this blog' }),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('blog-editor')).not.toBeInTheDocument();
    // The page says it; no toast on top.
    expect(screen.queryByText('Only its author may change this blog.')).not.toBeInTheDocument();
  });

  it('says when there is no such blog', async () => {
    fakeApi({ 'GET /me/blogs/3': fail(404, 'NOT_FOUND', 'No such blog.') });
    renderRoute(routes, '/blogs/3/edit');
    expect(await screen.findByRole('heading', { name: 'Blog not found' })).toBeInTheDocument();
  });
});

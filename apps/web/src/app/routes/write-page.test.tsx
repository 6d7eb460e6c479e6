import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { MyBlog } from '@folio/schema';
import { beforeEach, describe, expect, it } from 'vitest';
import { setSession } from '../../lib/auth-store';
import { setLocale } from '../../lib/i18n';
import { authResult, fakeApi, ok } from '../../test/fake-api';
import { renderRoute } from '../../test/render-route';
import { EditBlogPage } from './edit-blog-page';
import { WritePage } from './write-page';

const routes = [
  { path: '/write', element: <WritePage /> },
  { path: '/blogs/:id/edit', element: <EditBlogPage /> },
];

const created: MyBlog = {
  id: 41,
  title: 'First light',
  excerpt: '',
  content: '',
  contentHtml: '',
  commentsOpen: true,
  tags: [],
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
};

describe('/write', () => {
  beforeEach(() => {
    setLocale('en');
    setSession(authResult());
  });

  it('saves nothing until there is a title, then a draft, and becomes its edit page', async () => {
    const api = fakeApi({
      'GET /tags': ok({ items: [], page: 1, perPage: 100, total: 0, pages: 0 }),
      'POST /blogs': { status: 201, body: ok(created).body, headers: { ETag: '"b41.v1"' } },
    });
    const router = renderRoute(routes, '/write');
    const title = await screen.findByTestId('title-input');
    expect(screen.getByRole('heading', { level: 1, name: 'New blog' })).toBeInTheDocument();
    fireEvent.change(screen.getByRole('textbox', { name: 'Excerpt' }), {
      target: { value: 'A morning' },
    });
    expect(screen.getByTestId('save-status')).toHaveTextContent('Give it a title to save a draft');
    fireEvent.change(title, { target: { value: 'First light' } });
    expect(screen.getByTestId('save-status')).toHaveTextContent('Unsaved changes');

    await waitFor(() => expect(router.state.location.pathname).toBe('/blogs/41/edit'), {
      timeout: 5000,
    });
    const [post] = api.calls('POST /blogs');
    expect(post!.body).toEqual({
      title: 'First light',
      content: '',
      excerpt: 'A morning',
      tags: [],
      coverId: null,
      status: 'draft',
    });
    // The edit page took the fields over as they were, without reading the blog again.
    expect(await screen.findByRole('heading', { level: 1, name: 'Edit blog' })).toBeInTheDocument();
    expect(screen.getByTestId('title-input')).toHaveValue('First light');
    expect(screen.getByRole('textbox', { name: 'Excerpt' })).toHaveValue('A morning');
    expect(api.calls('GET /me/blogs/41')).toHaveLength(0);
    expect(screen.getByTestId('save-status')).toHaveTextContent(/Saved at/);
  });
});

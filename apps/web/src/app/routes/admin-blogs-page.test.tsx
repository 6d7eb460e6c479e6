import type { AdminBlog, AdminBlogPage } from '@folio/schema';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../lib/i18n';
import { logInAsStaff } from '../../test/admin';
import { dialogsClosed, shownDialog } from '../../test/dialog';
import { fail, fakeApi, ok } from '../../test/fake-api';
import type { FakeRequest } from '../../test/fake-api';
import { renderRoute } from '../../test/render-route';
import { setViewportWidth } from '../../test/viewport';
import { PublicLayout } from '../layouts/public-layout';
import { AdminSection } from './admin-section';

const routes = [
  {
    element: <PublicLayout />,
    children: [{ path: '/admin/*', element: <AdminSection /> }],
  },
];

function blog(id: number, fields: Partial<AdminBlog> = {}): AdminBlog {
  return {
    id,
    title: `Blog ${id}`,
    author: { id: 3, name: 'Larry' },
    status: 'published',
    featured: false,
    pubDate: '2016-01-11T11:01:05.000Z',
    viewCount: 1200,
    commentCount: 4,
    createdAt: '2016-01-11T11:01:05.000Z',
    updatedAt: '2016-01-11T11:01:05.000Z',
    deletedAt: null,
    ...fields,
  };
}

const oldMan = blog(12, { title: 'The old man and the sea', featured: true });
const draft = blog(11, { title: 'A draft', status: 'draft' });
const trashed = blog(10, {
  title: 'Gone',
  status: 'trashed',
  deletedAt: '2026-01-01T00:00:00.000Z',
});

function page(items: AdminBlog[], fields: Partial<AdminBlogPage> = {}): AdminBlogPage {
  return { items, page: 1, perPage: 20, total: items.length, pages: 1, ...fields };
}

const query = (request: FakeRequest | undefined) =>
  Object.fromEntries(request?.url.searchParams ?? []);

describe('/admin/blogs', () => {
  let user: ReturnType<typeof logInAsStaff>;

  beforeEach(() => {
    setLocale('en');
    vi.stubGlobal('scrollTo', vi.fn());
    user = logInAsStaff(['content.moderate']);
  });

  it('lists every state with badges, links to the blog and its editor, on a phone too', async () => {
    setViewportWidth(375);
    const api = fakeApi({
      'GET /me': ok(user),
      'GET /admin/blogs': ok(page([oldMan, draft, trashed])),
    });
    renderRoute(routes, '/admin/blogs');
    const table = await screen.findByTestId('admin-blog-table');
    expect(table.parentElement).toHaveClass('table-responsive');
    expect(query(api.calls('GET /admin/blogs')[0])).toEqual({
      page: '1',
      perPage: '20',
      sort: '-id',
    });
    const row = within(screen.getByTestId('admin-blog-12'));
    expect(row.getByRole('link', { name: 'The old man and the sea' })).toHaveAttribute(
      'href',
      '/blogs/12',
    );
    expect(row.getByText('Featured')).toHaveClass('badge');
    expect(row.getByText('Published')).toHaveClass('badge');
    expect(row.getByText('1,200')).toBeInTheDocument();
    expect(row.getByRole('link', { name: 'Edit “The old man and the sea”' })).toHaveAttribute(
      'href',
      '/blogs/12/edit',
    );
    expect(row.getByRole('link', { name: 'Larry' })).toHaveAttribute(
      'href',
      '/admin/blogs?authorId=3',
    );
    // Not out: no link to a public page that would say "not found".
    const other = within(screen.getByTestId('admin-blog-11'));
    expect(other.getByText('Draft')).toHaveClass('badge');
    expect(other.queryByRole('link', { name: 'A draft' })).toBeNull();
    expect(other.getByRole('link', { name: 'Edit “A draft”' })).toBeInTheDocument();
    const gone = within(screen.getByTestId('admin-blog-10'));
    expect(gone.getByText('In the trash')).toHaveClass('badge');
    expect(gone.queryByRole('link', { name: /Edit/ })).toBeNull();

    expect(
      within(screen.getByRole('navigation', { name: 'Admin sections' })).getByRole('link', {
        name: 'Blogs',
      }),
    ).toHaveAttribute('aria-current', 'page');
  });

  it('sends the sort of a clicked header, saying it with aria-sort, and keeps it in the URL', async () => {
    const api = fakeApi({ 'GET /me': ok(user), 'GET /admin/blogs': ok(page([oldMan])) });
    const router = renderRoute(routes, '/admin/blogs');
    await screen.findByTestId('admin-blog-table');
    const id = screen.getByRole('columnheader', { name: /^Id/ });
    const published = screen.getByRole('columnheader', { name: /^Publication/ });
    expect(id).toHaveAttribute('aria-sort', 'descending');
    expect(published).toHaveAttribute('aria-sort', 'none');

    fireEvent.click(within(published).getByRole('button'));
    await waitFor(() => expect(router.state.location.search).toBe('?sort=-pubDate'));
    await waitFor(() =>
      expect(query(api.calls('GET /admin/blogs').at(-1))).toMatchObject({ sort: '-pubDate' }),
    );
    expect(screen.getByRole('columnheader', { name: /^Publication/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    expect(screen.getByRole('columnheader', { name: /^Id/ })).toHaveAttribute('aria-sort', 'none');

    fireEvent.click(
      within(screen.getByRole('columnheader', { name: /^Publication/ })).getByRole('button'),
    );
    await waitFor(() =>
      expect(query(api.calls('GET /admin/blogs').at(-1))).toMatchObject({ sort: 'pubDate' }),
    );
    expect(screen.getByRole('columnheader', { name: /^Publication/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
  });

  it('sends the search and filters, kept in the URL, and refuses a bad id under its field', async () => {
    const api = fakeApi({ 'GET /me': ok(user), 'GET /admin/blogs': ok(page([oldMan])) });
    const router = renderRoute(routes, '/admin/blogs?page=2');
    await screen.findByTestId('admin-blog-table');
    const form = within(screen.getByTestId('admin-blog-filter'));
    fireEvent.change(form.getByLabelText('Author id'), { target: { value: 'abc' } });
    fireEvent.click(form.getByRole('button', { name: 'Filter' }));
    expect(await form.findByTestId('field-error')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?page=2');

    fireEvent.change(form.getByLabelText('Title contains'), { target: { value: ' sea ' } });
    fireEvent.change(form.getByLabelText('State'), { target: { value: 'published' } });
    fireEvent.change(form.getByLabelText('Featured'), { target: { value: 'true' } });
    fireEvent.change(form.getByLabelText('Author id'), { target: { value: '3' } });
    fireEvent.change(form.getByLabelText('Published from'), { target: { value: '2016-01-01' } });
    fireEvent.change(form.getByLabelText('Published to'), { target: { value: '2016-12-31' } });
    fireEvent.click(form.getByRole('button', { name: 'Filter' }));
    await waitFor(() =>
      expect(query(api.calls('GET /admin/blogs').at(-1))).toEqual({
        page: '1',
        perPage: '20',
        sort: '-id',
        q: 'sea',
        status: 'published',
        featured: 'true',
        authorId: '3',
        from: '2016-01-01',
        to: '2016-12-31',
      }),
    );
    const search = new URLSearchParams(router.state.location.search);
    expect(Object.fromEntries(search)).toEqual({
      q: 'sea',
      status: 'published',
      featured: 'true',
      authorId: '3',
      from: '2016-01-01',
      to: '2016-12-31',
    });

    fireEvent.click(
      within(screen.getByTestId('admin-blog-filter')).getByRole('button', {
        name: 'Clear the filters',
      }),
    );
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('acts on the selected blogs after asking, then says what changed and what was left', async () => {
    let items = [oldMan, draft];
    const api = fakeApi({
      'GET /me': ok(user),
      'GET /admin/blogs': () => ok(page(items)),
      'POST /admin/blogs/bulk': () => {
        items = items.map((item) => ({ ...item, status: 'draft' as const }));
        return ok({ affected: 1, skipped: 1 });
      },
    });
    renderRoute(routes, '/admin/blogs');
    await screen.findByTestId('admin-blog-table');
    const unpublish = screen.getByRole('button', { name: 'Unpublish' });
    expect(unpublish).toBeDisabled();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select “The old man and the sea”' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select “A draft”' }));
    expect(screen.getByRole('checkbox', { name: 'Select every blog on this page' })).toBeChecked();
    expect(screen.getByTestId('bulk-actions')).toHaveTextContent('Selected: 2');
    // Everything is on this page: nothing more to offer.
    expect(screen.queryByTestId('select-all-banner')).toBeNull();

    fireEvent.click(unpublish);
    const dialog = await shownDialog();
    expect(dialog).toHaveTextContent('Unpublish these blogs?');
    expect(dialog).toHaveTextContent('They become drafts');
    expect(dialog).toHaveTextContent('Selected: 2.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await dialogsClosed();
    expect(api.calls('POST /admin/blogs/bulk')).toHaveLength(0);

    fireEvent.click(unpublish);
    fireEvent.click(within(await shownDialog()).getByRole('button', { name: 'Unpublish' }));
    expect(await screen.findByText('Unpublished: 1. Left as they were: 1.')).toBeInTheDocument();
    await dialogsClosed();
    expect(api.calls('POST /admin/blogs/bulk')[0]?.body).toEqual({
      action: 'unpublish',
      ids: [12, 11],
    });
    // The table reads afresh and the selection is gone.
    await waitFor(() => expect(api.calls('GET /admin/blogs')).toHaveLength(2));
    expect(screen.getByTestId('bulk-actions')).toHaveTextContent('Selected: 0');
  });

  it('selects every blog the filter matches and sends the filter as `all`', async () => {
    const api = fakeApi({
      'GET /me': ok(user),
      'GET /admin/blogs': ok(page([oldMan, draft], { total: 45, pages: 23, perPage: 2 })),
      'POST /admin/blogs/bulk': ok({ affected: 45, skipped: 0 }),
    });
    renderRoute(routes, '/admin/blogs?status=published&featured=true&q=sea&perPage=2');
    await screen.findByTestId('admin-blog-table');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select every blog on this page' }));
    const banner = screen.getByTestId('select-all-banner');
    expect(banner).toHaveTextContent('All 2 on this page are selected.');
    fireEvent.click(within(banner).getByRole('button', { name: 'Select all 45 that match' }));
    expect(screen.getByTestId('select-all-banner')).toHaveTextContent(
      'All 45 that match are selected.',
    );
    expect(screen.getByTestId('bulk-actions')).toHaveTextContent('Selected: 45');

    fireEvent.click(screen.getByRole('button', { name: 'Feature' }));
    const dialog = await shownDialog();
    expect(dialog).toHaveTextContent('Every one that matches the filters: 45.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Feature' }));
    expect(await screen.findByText('Featured: 45.')).toBeInTheDocument();
    expect(api.calls('POST /admin/blogs/bulk')[0]?.body).toEqual({
      action: 'feature',
      all: { q: 'sea', status: 'published', featured: true },
    });
  });

  it('drops the selection when the page changes', async () => {
    fakeApi({
      'GET /me': ok(user),
      'GET /admin/blogs': ok(page([oldMan, draft], { total: 4, pages: 2, perPage: 2 })),
    });
    renderRoute(routes, '/admin/blogs?perPage=2');
    await screen.findByTestId('admin-blog-table');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select “A draft”' }));
    expect(screen.getByTestId('bulk-actions')).toHaveTextContent('Selected: 1');
    fireEvent.click(screen.getByRole('button', { name: 'Page 2' }));
    await waitFor(() =>
      expect(screen.getByTestId('bulk-actions')).toHaveTextContent('Selected: 0'),
    );
  });

  it('says in Chinese what a bulk action did', async () => {
    setLocale('zh-CN');
    fakeApi({
      'GET /me': ok(user),
      'GET /admin/blogs': ok(page([trashed])),
      'POST /admin/blogs/bulk': ok({ affected: 0, skipped: 1 }),
    });
    renderRoute(routes, '/admin/blogs');
    await screen.findByTestId('admin-blog-table');
    fireEvent.click(screen.getByRole('checkbox', { name: '选中《Gone》' }));
    fireEvent.click(screen.getByRole('button', { name: '删除' }));
    fireEvent.click(within(await shownDialog()).getByRole('button', { name: '删除' }));
    expect(await screen.findByText('已移到回收站：0。 原本如此、未改动：1。')).toBeInTheDocument();
  });

  it('shows the API’s refusal of a bulk action', async () => {
    fakeApi({
      'GET /me': ok(user),
      'GET /admin/blogs': ok(page([oldMan])),
      'POST /admin/blogs/bulk': fail(403, 'FORBIDDEN', 'You may not do this.'),
    });
    renderRoute(routes, '/admin/blogs');
    await screen.findByTestId('admin-blog-table');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select “The old man and the sea”' }));
    fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    fireEvent.click(within(await shownDialog()).getByRole('button', { name: 'Restore' }));
    expect(await screen.findAllByText('You may not do this.')).not.toHaveLength(0);
    await dialogsClosed();
  });

  it('says when no blog matches the filters', async () => {
    fakeApi({ 'GET /me': ok(user), 'GET /admin/blogs': ok(page([])) });
    renderRoute(routes, '/admin/blogs?status=draft');
    expect(await screen.findByTestId('empty')).toHaveTextContent('No blogs match these filters.');
  });

  it('is closed without content.moderate', async () => {
    const reader = logInAsStaff(['audit.read']);
    const api = fakeApi({ 'GET /me': ok(reader), 'GET /admin/blogs': ok(page([oldMan])) });
    renderRoute(routes, '/admin/blogs');
    expect(await screen.findByTestId('no-access')).toHaveTextContent(
      'You have no access to this section',
    );
    expect(api.calls('GET /admin/blogs')).toHaveLength(0);
    expect(
      within(screen.getByRole('navigation', { name: 'Admin sections' })).queryByRole('link', {
        name: 'Blogs',
      }),
    ).toBeNull();
  });
});

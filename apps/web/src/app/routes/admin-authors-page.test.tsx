import type { AdminAuthor, PageOf } from '@folio/schema';
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

function author(id: number, fields: Partial<AdminAuthor> = {}): AdminAuthor {
  return {
    id,
    name: `Author ${id}`,
    email: null,
    bio: null,
    userId: null,
    blogs: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...fields,
  };
}

const mark = author(1, { name: 'Mark', email: 'mark@example.com', bio: 'Sailor', blogs: 3 });
const jacob = author(2, { name: 'Jacob', userId: 40, blogs: 1200 });

function page(items: AdminAuthor[]): PageOf<AdminAuthor> {
  return { items, page: 1, perPage: 20, total: items.length, pages: 1 };
}

const query = (request: FakeRequest | undefined) =>
  Object.fromEntries(request?.url.searchParams ?? []);

describe('/admin/authors', () => {
  let user: ReturnType<typeof logInAsStaff>;

  beforeEach(() => {
    setLocale('en');
    vi.stubGlobal('scrollTo', vi.fn());
    user = logInAsStaff(['content.moderate']);
  });

  it('lists the authors, searched by name and sorted by a header, on a phone too', async () => {
    setViewportWidth(375);
    const api = fakeApi({ 'GET /me': ok(user), 'GET /admin/authors': ok(page([mark, jacob])) });
    const router = renderRoute(routes, '/admin/authors');
    const table = await screen.findByTestId('admin-author-table');
    expect(table.parentElement).toHaveClass('table-responsive');
    const row = within(screen.getByTestId('admin-author-2'));
    expect(row.getByRole('link', { name: 'Jacob' })).toHaveAttribute('href', '/authors/2');
    expect(row.getByText('User #40')).toBeInTheDocument();
    expect(row.getByRole('link', { name: '1,200' })).toHaveAttribute(
      'href',
      '/admin/blogs?authorId=2',
    );
    expect(
      within(screen.getByTestId('admin-author-1')).getByText('mark@example.com'),
    ).toBeInTheDocument();

    const search = screen.getByPlaceholderText('Part of a name');
    fireEvent.change(search, { target: { value: 'ma' } });
    fireEvent.submit(search.closest('form')!);
    await waitFor(() =>
      expect(query(api.calls('GET /admin/authors').at(-1))).toEqual({
        page: '1',
        perPage: '20',
        sort: '-id',
        q: 'ma',
      }),
    );
    const name = screen.getByRole('columnheader', { name: /^Name/ });
    expect(name).toHaveAttribute('aria-sort', 'none');
    fireEvent.click(within(name).getByRole('button'));
    await waitFor(() =>
      expect(query(api.calls('GET /admin/authors').at(-1))).toMatchObject({
        sort: '-name',
        q: 'ma',
      }),
    );
    fireEvent.click(
      within(screen.getByRole('columnheader', { name: /^Name/ })).getByRole('button'),
    );
    await waitFor(() => expect(router.state.location.search).toBe('?q=ma&sort=name'));
    expect(screen.getByRole('columnheader', { name: /^Name/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
  });

  it('creates an author, showing the API’s field errors until they are fixed', async () => {
    let items = [mark];
    const larry = author(9, { name: 'Larry', bio: 'Writes at night' });
    const api = fakeApi({
      'GET /me': ok(user),
      'GET /admin/authors': () => ok(page(items)),
      'POST /admin/authors': [
        fail(422, 'VALIDATION_FAILED', 'Check the fields.', {
          email: 'Another author has this address.',
        }),
        { status: 201, body: { result: true, data: larry } },
      ],
    });
    renderRoute(routes, '/admin/authors');
    await screen.findByTestId('admin-author-table');
    fireEvent.click(screen.getByRole('button', { name: 'New author' }));
    let dialog = await shownDialog();
    const form = within(dialog);
    // The schema's own check first: a name is needed.
    fireEvent.click(form.getByRole('button', { name: 'Create author' }));
    expect(await form.findByText('An author name is 1 to 64 characters.')).toBeInTheDocument();
    expect(api.calls('POST /admin/authors')).toHaveLength(0);

    fireEvent.change(form.getByLabelText('Name'), { target: { value: 'Larry' } });
    fireEvent.change(form.getByLabelText('Contact address'), {
      target: { value: 'mark@example.com' },
    });
    fireEvent.click(form.getByRole('button', { name: 'Create author' }));
    expect(await form.findByText('Another author has this address.')).toBeInTheDocument();
    expect(form.getByLabelText('Contact address')).toHaveAttribute('aria-invalid', 'true');
    expect(api.calls('POST /admin/authors')[0]?.body).toEqual({
      name: 'Larry',
      email: 'mark@example.com',
      bio: null,
    });

    fireEvent.change(form.getByLabelText('Contact address'), { target: { value: '' } });
    fireEvent.change(form.getByLabelText('Bio'), { target: { value: 'Writes at night' } });
    items = [larry, mark];
    fireEvent.click(form.getByRole('button', { name: 'Create author' }));
    expect(await screen.findByText('The author “Larry” is created.')).toBeInTheDocument();
    await dialogsClosed();
    expect(api.calls('POST /admin/authors')[1]?.body).toEqual({
      name: 'Larry',
      email: null,
      bio: 'Writes at night',
    });
    // The list reads afresh.
    expect(await screen.findByRole('link', { name: 'Larry' })).toHaveAttribute(
      'href',
      '/authors/9',
    );

    // A new dialog starts empty.
    fireEvent.click(screen.getByRole('button', { name: 'New author' }));
    dialog = await shownDialog();
    expect(within(dialog).getByLabelText('Name')).toHaveValue('');
  });

  it('edits an author, sending only what changed', async () => {
    const api = fakeApi({
      'GET /me': ok(user),
      'GET /admin/authors': ok(page([mark])),
      'PATCH /admin/authors/1': ok({ ...mark, name: 'Mark Twain' }),
    });
    renderRoute(routes, '/admin/authors');
    await screen.findByTestId('admin-author-table');
    fireEvent.click(screen.getByRole('button', { name: 'Edit the author “Mark”' }));
    const form = within(await shownDialog());
    expect(form.getByRole('heading', { name: 'Edit “Mark”' })).toBeInTheDocument();
    expect(form.getByLabelText('Name')).toHaveValue('Mark');
    expect(form.getByLabelText('Contact address')).toHaveValue('mark@example.com');
    expect(form.getByLabelText('Bio')).toHaveValue('Sailor');
    fireEvent.change(form.getByLabelText('Name'), { target: { value: 'Mark Twain' } });
    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The author “Mark Twain” is saved.')).toBeInTheDocument();
    await dialogsClosed();
    expect(api.calls('PATCH /admin/authors/1')[0]?.body).toEqual({ name: 'Mark Twain' });
  });

  it('says when no author matches the search', async () => {
    fakeApi({ 'GET /me': ok(user), 'GET /admin/authors': ok(page([])) });
    renderRoute(routes, '/admin/authors?q=zzz');
    expect(await screen.findByTestId('empty')).toHaveTextContent('No author’s name contains that.');
  });
});

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../lib/i18n';
import { adminUser, logInAsStaff, role, userPage } from '../../test/admin';
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

const tom = adminUser(11, 'Tom', {
  phone: '+8613800138000',
  status: 'locked',
  roles: [{ id: 2, name: 'Support' }],
  lastLoginAt: '2026-02-01T00:00:00.000Z',
});
const mark = adminUser(12, 'Mark');
const jacob = adminUser(13, 'Jacob', { status: 'pending', email: null });

/** The query of the latest list request, without the page and size it always carries. */
function lastQuery(requests: FakeRequest[]) {
  const list = requests.filter((r) => r.method === 'GET' && r.path === '/admin/users');
  return Object.fromEntries(list.at(-1)!.url.searchParams);
}

const filters = () => within(screen.getByTestId('user-filters'));

const header = (name: string) =>
  screen.getByRole('button', { name }).closest('th') as HTMLTableCellElement;

describe('/admin/users', () => {
  beforeEach(() => {
    setLocale('en');
    vi.stubGlobal('scrollTo', vi.fn());
  });

  it('lists the users in a table that scrolls sideways on a phone', async () => {
    setViewportWidth(375);
    const user = logInAsStaff(['users.read']);
    const api = fakeApi({ 'GET /me': ok(user), 'GET /admin/users': ok(userPage([tom, jacob])) });
    renderRoute(routes, '/admin/users');
    const table = await screen.findByTestId('user-table');
    expect(table.parentElement).toHaveClass('table-responsive');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent?.replace(/[▲▼↕]/g, '')),
    ).toEqual(['ID', 'Nickname', 'Email', 'Phone', 'Status', 'Roles', 'Registered', 'Last login']);
    const row = within(screen.getByRole('rowheader', { name: 'Tom' }).closest('tr')!);
    expect(row.getByRole('link', { name: 'Tom' })).toHaveAttribute('href', '/admin/users/11');
    expect(row.getByText('tom@example.com')).toBeInTheDocument();
    expect(row.getByText('+8613800138000')).toBeInTheDocument();
    expect(row.getByText('Locked')).toBeInTheDocument();
    expect(row.getByText('Support')).toBeInTheDocument();
    const jacobRow = within(screen.getByRole('rowheader', { name: 'Jacob' }).closest('tr')!);
    expect(jacobRow.getByText('Pending')).toBeInTheDocument();
    expect(jacobRow.getByText('Never')).toBeInTheDocument();
    // The API's default order, shown on its column.
    expect(header('ID')).toHaveAttribute('aria-sort', 'descending');
    expect(header('Nickname')).not.toHaveAttribute('aria-sort');
    expect(lastQuery(api.requests)).toEqual({ page: '1', perPage: '20', sort: '-id' });
    expect(screen.getByText('Showing 1–2 of 2')).toBeInTheDocument();
    const crumbs = within(screen.getByRole('navigation', { name: 'Breadcrumb' }));
    expect(crumbs.getByText('Users')).toHaveAttribute('aria-current', 'page');
    expect(
      within(screen.getByRole('navigation', { name: 'Admin sections' })).getByRole('link', {
        name: 'Users',
      }),
    ).toHaveAttribute('href', '/admin/users');
  });

  it('sorts by a column from its header, either way, through the URL and the API', async () => {
    const user = logInAsStaff(['users.read']);
    const api = fakeApi({ 'GET /me': ok(user), 'GET /admin/users': ok(userPage([tom, mark])) });
    const router = renderRoute(routes, '/admin/users?page=2');
    await screen.findByTestId('user-table');

    fireEvent.click(screen.getByRole('button', { name: 'Nickname' }));
    await waitFor(() => expect(lastQuery(api.requests).sort).toBe('nickname'));
    // A new order starts again from the first page.
    expect(lastQuery(api.requests).page).toBe('1');
    expect(router.state.location.search).toBe('?sort=nickname');
    expect(header('Nickname')).toHaveAttribute('aria-sort', 'ascending');
    expect(header('ID')).not.toHaveAttribute('aria-sort');

    fireEvent.click(screen.getByRole('button', { name: 'Nickname' }));
    await waitFor(() => expect(lastQuery(api.requests).sort).toBe('-nickname'));
    expect(header('Nickname')).toHaveAttribute('aria-sort', 'descending');

    // Dates sort newest first at the first click.
    fireEvent.click(screen.getByRole('button', { name: 'Last login' }));
    await waitFor(() => expect(lastQuery(api.requests).sort).toBe('-lastLoginAt'));
    fireEvent.click(screen.getByRole('button', { name: 'Registered' }));
    await waitFor(() => expect(lastQuery(api.requests).sort).toBe('-createdAt'));
    fireEvent.click(screen.getByRole('button', { name: 'Registered' }));
    await waitFor(() => expect(lastQuery(api.requests).sort).toBe('createdAt'));
    expect(header('Registered')).toHaveAttribute('aria-sort', 'ascending');
    expect(router.state.location.search).toBe('?sort=createdAt');
  });

  it('searches and filters by status, role and registration days, all kept in the URL', async () => {
    const user = logInAsStaff(['users.read', 'roles.manage']);
    const api = fakeApi({
      'GET /me': ok(user),
      'GET /admin/users': ok(userPage([tom])),
      'GET /admin/roles': ok({ items: [role(1, 'System', []), role(2, 'Support', [])] }),
    });
    const router = renderRoute(routes, '/admin/users?sort=nickname');
    await screen.findByTestId('user-table');

    fireEvent.change(filters().getByRole('searchbox'), { target: { value: ' tom@ ' } });
    fireEvent.submit(filters().getByRole('search'));
    await waitFor(() => expect(lastQuery(api.requests).q).toBe('tom@'));

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'locked' } });
    await waitFor(() => expect(lastQuery(api.requests).status).toBe('locked'));

    const roleSelect = screen.getByLabelText('Role');
    await waitFor(() => expect(within(roleSelect).getAllByRole('option')).toHaveLength(3));
    fireEvent.change(roleSelect, { target: { value: '2' } });
    await waitFor(() => expect(lastQuery(api.requests).roleId).toBe('2'));

    fireEvent.change(screen.getByLabelText('Registered from'), {
      target: { value: '2026-01-01' },
    });
    fireEvent.change(screen.getByLabelText('Registered until'), {
      target: { value: '2026-01-31' },
    });
    await waitFor(() => expect(lastQuery(api.requests).registeredTo).toBe('2026-01-31'));
    expect(lastQuery(api.requests)).toEqual({
      page: '1',
      perPage: '20',
      sort: 'nickname',
      q: 'tom@',
      status: 'locked',
      roleId: '2',
      registeredFrom: '2026-01-01',
      registeredTo: '2026-01-31',
    });
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({
      sort: 'nickname',
      q: 'tom@',
      status: 'locked',
      roleId: '2',
      registeredFrom: '2026-01-01',
      registeredTo: '2026-01-31',
    });

    fireEvent.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    await waitFor(() => expect(router.state.location.search).toBe('?sort=nickname'));
    expect(filters().getByRole('searchbox')).toHaveValue('');
    expect(screen.getByLabelText('Status')).toHaveValue('');
    expect(screen.getByLabelText('Role')).toHaveValue('');
    expect(screen.getByLabelText('Registered from')).toHaveValue('');
  });

  it('starts from the filters in the URL, and shows them', async () => {
    const user = logInAsStaff(['users.read']);
    const api = fakeApi({ 'GET /me': ok(user), 'GET /admin/users': ok(userPage([tom])) });
    renderRoute(routes, '/admin/users?q=tom&status=deleted&perPage=50&page=3');
    await screen.findByTestId('user-table');
    expect(api.calls('GET /admin/users')).toHaveLength(1);
    expect(lastQuery(api.requests)).toEqual({
      page: '3',
      perPage: '50',
      sort: '-id',
      q: 'tom',
      status: 'deleted',
    });
    expect(filters().getByRole('searchbox')).toHaveValue('tom');
    expect(screen.getByLabelText('Status')).toHaveValue('deleted');
    // Roles are read only by those who manage them.
    expect(screen.queryByLabelText('Role')).toBeNull();
    expect(api.calls('GET /admin/roles')).toHaveLength(0);
  });

  it('locks the ticked users once asked, then says how many, and reads the list afresh', async () => {
    const user = logInAsStaff(['users.read', 'users.write']);
    const api = fakeApi({
      'GET /me': ok(user),
      'GET /admin/users': ok(userPage([tom, mark, jacob])),
      'POST /admin/users/bulk': ok({ affected: 1, skipped: 1 }),
    });
    renderRoute(routes, '/admin/users');
    await screen.findByTestId('user-table');
    expect(screen.queryByTestId('bulk-actions')).toBeNull();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Mark' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Jacob' }));
    expect(screen.getByText('2 users selected')).toBeInTheDocument();
    const pageBox = screen.getByRole('checkbox', { name: 'Select every user on this page' });
    expect(pageBox).not.toBeChecked();
    expect((pageBox as HTMLInputElement).indeterminate).toBe(true);
    // The page's rows are not all ticked: nothing to offer beyond them.
    expect(screen.queryByTestId('selection-banner')).toBeNull();

    const actions = within(screen.getByRole('group', { name: 'Actions on the selected users' }));
    fireEvent.click(actions.getByRole('button', { name: 'Lock' }));
    let dialog = await shownDialog();
    expect(dialog).toHaveTextContent('Lock 2 users?');
    expect(dialog).toHaveTextContent(
      'They are logged out at once and cannot log in again until they are unlocked.',
    );
    expect(dialog).not.toHaveTextContent('on every page');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await dialogsClosed();
    expect(api.calls('POST /admin/users/bulk')).toHaveLength(0);

    fireEvent.click(actions.getByRole('button', { name: 'Lock' }));
    dialog = await shownDialog();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lock' }));
    expect(await screen.findByText('1 user locked. 1 skipped.')).toBeInTheDocument();
    await dialogsClosed();
    expect(api.calls('POST /admin/users/bulk')[0]?.body).toEqual({ action: 'lock', ids: [12, 13] });
    await waitFor(() => expect(api.calls('GET /admin/users')).toHaveLength(2));
    // Done: the selection is cleared.
    expect(screen.getByRole('checkbox', { name: 'Select Mark' })).not.toBeChecked();
    expect(screen.queryByTestId('bulk-actions')).toBeNull();
  });

  it('selects every user that matches, across pages, and acts on them by the filter', async () => {
    const user = logInAsStaff(['users.read', 'users.write']);
    const api = fakeApi({
      'GET /me': ok(user),
      'GET /admin/users': ok(userPage([tom, mark], { perPage: 2, total: 45 })),
      'POST /admin/users/bulk': ok({ affected: 44, skipped: 1 }),
    });
    renderRoute(
      routes,
      '/admin/users?q=o&status=active&roleId=2&registeredFrom=2026-01-01&perPage=2&sort=nickname',
    );
    await screen.findByTestId('user-table');

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select every user on this page' }));
    const banner = screen.getByTestId('selection-banner');
    expect(banner).toHaveTextContent('All 2 users on this page are selected.');
    fireEvent.click(within(banner).getByRole('button', { name: 'Select all 45 users that match' }));
    expect(screen.getByTestId('selection-banner')).toHaveTextContent(
      'All 45 users that match are selected.',
    );
    expect(screen.getByText('45 users selected')).toBeInTheDocument();

    // Another page of the same filter: still every one of them.
    fireEvent.click(screen.getByRole('button', { name: 'Page 2' }));
    await waitFor(() => expect(lastQuery(api.requests).page).toBe('2'));
    expect(screen.getByText('45 users selected')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Select Tom' })).toBeChecked();

    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await shownDialog();
    expect(dialog).toHaveTextContent('Delete 45 users?');
    expect(dialog).toHaveTextContent(
      'This takes every user the current search and filters match, on every page.',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('44 users deleted. 1 skipped.')).toBeInTheDocument();
    expect(api.calls('POST /admin/users/bulk')[0]?.body).toEqual({
      action: 'delete',
      all: { q: 'o', status: 'active', roleId: '2', registeredFrom: '2026-01-01' },
    });
  });

  it('drops "all that match" when a row is unticked or the filter changes', async () => {
    const user = logInAsStaff(['users.read', 'users.write']);
    fakeApi({
      'GET /me': ok(user),
      'GET /admin/users': ok(userPage([tom, mark], { perPage: 2, total: 9 })),
    });
    renderRoute(routes, '/admin/users?perPage=2');
    await screen.findByTestId('user-table');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select every user on this page' }));
    fireEvent.click(screen.getByRole('button', { name: 'Select all 9 users that match' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Tom' }));
    expect(screen.getByText('1 user selected')).toBeInTheDocument();
    expect(screen.queryByTestId('selection-banner')).toBeNull();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select every user on this page' }));
    fireEvent.click(screen.getByRole('button', { name: 'Select all 9 users that match' }));
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'locked' } });
    await waitFor(() => expect(screen.queryByTestId('bulk-actions')).toBeNull());
    expect(screen.getByRole('checkbox', { name: 'Select Tom' })).not.toBeChecked();
  });

  it('says what the API did in Chinese, counting the way Chinese does', async () => {
    setLocale('zh-CN');
    const user = logInAsStaff(['users.read', 'users.write']);
    const api = fakeApi({
      'GET /me': ok(user),
      'GET /admin/users': ok(userPage([tom, mark])),
      'POST /admin/users/bulk': ok({ affected: 2, skipped: 0 }),
    });
    renderRoute(routes, '/admin/users');
    await screen.findByTestId('user-table');
    fireEvent.click(screen.getByRole('checkbox', { name: '选择本页的所有用户' }));
    expect(screen.getByText('已选择 2 个用户')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '解锁' }));
    const dialog = await shownDialog();
    expect(dialog).toHaveTextContent('解锁 2 个用户？');
    fireEvent.click(within(dialog).getByRole('button', { name: '解锁' }));
    expect(await screen.findByText('已解锁 2 个用户。')).toBeInTheDocument();
    expect(api.calls('POST /admin/users/bulk')[0]?.body).toEqual({
      action: 'unlock',
      ids: [11, 12],
    });
  });

  it('shows the refusal of a bulk action, and what is left when nothing changed', async () => {
    const user = logInAsStaff(['users.read', 'users.write']);
    fakeApi({
      'GET /me': ok(user),
      'GET /admin/users': ok(userPage([tom])),
      'POST /admin/users/bulk': [
        ok({ affected: 0, skipped: 1 }),
        fail(403, 'FORBIDDEN', 'You may not do that.'),
      ],
    });
    renderRoute(routes, '/admin/users');
    await screen.findByTestId('user-table');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Tom' }));
    fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    fireEvent.click(within(await shownDialog()).getByRole('button', { name: 'Restore' }));
    expect(await screen.findByText('0 users restored. 1 skipped.')).toBeInTheDocument();
    await dialogsClosed();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Tom' }));
    fireEvent.click(screen.getByRole('button', { name: 'Lock' }));
    fireEvent.click(within(await shownDialog()).getByRole('button', { name: 'Lock' }));
    expect(await screen.findByText('You may not do that.')).toBeInTheDocument();
  });

  it('offers no boxes and no bulk actions to staff who may not change users', async () => {
    const user = logInAsStaff(['users.read']);
    fakeApi({
      'GET /me': ok(user),
      'GET /admin/users': ok(userPage([tom, mark], { perPage: 2, total: 30 })),
    });
    renderRoute(routes, '/admin/users?perPage=2');
    const table = await screen.findByTestId('user-table');
    expect(within(table).queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.queryByTestId('bulk-actions')).toBeNull();
    expect(screen.queryByTestId('selection-banner')).toBeNull();
    for (const name of ['Lock', 'Unlock', 'Delete', 'Restore']) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
  });

  it('says when no user matches, and when the list failed to load', async () => {
    const user = logInAsStaff(['users.read']);
    fakeApi({
      'GET /me': ok(user),
      'GET /admin/users': [
        ok(userPage([])),
        fail(429, 'RATE_LIMITED', 'Too many requests. Try again in a minute.'),
      ],
    });
    const router = renderRoute(routes, '/admin/users?q=nobody');
    expect(await screen.findByTestId('empty')).toHaveTextContent('No users match.');
    expect(screen.queryByTestId('user-table')).toBeNull();

    await router.navigate('/admin/users?q=broken');
    const alert = (await screen.findByText('Could not load this.')).closest('.alert')!;
    expect(alert).toHaveTextContent('Too many requests. Try again in a minute.');
    expect(
      within(alert as HTMLElement).getByRole('button', { name: 'Try again' }),
    ).toBeInTheDocument();
  });

  it('shows the no-access state when the API says the permission is gone', async () => {
    const user = logInAsStaff(['users.read']);
    fakeApi({
      'GET /me': ok(user),
      'GET /admin/users': fail(403, 'FORBIDDEN', 'You may not do this.'),
    });
    renderRoute(routes, '/admin/users');
    expect(await screen.findByTestId('no-access')).toHaveTextContent(
      'It needs the permission “View users”',
    );
  });
});

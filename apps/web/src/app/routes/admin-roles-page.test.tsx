import type { Role } from '@folio/schema';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../lib/i18n';
import { dialogsClosed, shownDialog } from '../../test/dialog';
import { logInAsStaff, role } from '../../test/admin';
import { fail, fakeApi, ok } from '../../test/fake-api';
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

const system = {
  ...role(1, 'System', ['roles.manage', 'users.read'], 1),
  seedKey: 'system' as const,
};
const junior = {
  ...role(2, 'Junior staff', ['users.read', 'stats.read'], 3),
  description: 'New hires',
};
const empty = role(3, 'Unused', []);

/** The roles as the API keeps them: a delete takes one out of the next list. */
function rolesApi(roles: Role[], user: ReturnType<typeof logInAsStaff>) {
  let items = [...roles];
  return fakeApi({
    'GET /me': ok(user),
    'GET /admin/roles': () => ok({ items }),
    'DELETE /admin/roles/2': () => {
      items = items.filter((item) => item.id !== 2);
      return ok(null);
    },
    'DELETE /admin/roles/1': fail(
      409,
      'CONFLICT',
      'Someone active must keep the permission to manage roles.',
    ),
  });
}

const row = (name: string) => screen.getByRole('rowheader', { name }).closest('tr')!;

describe('/admin/roles', () => {
  let user: ReturnType<typeof logInAsStaff>;

  beforeEach(() => {
    setLocale('en');
    // The layout restores scroll positions; jsdom cannot scroll.
    vi.stubGlobal('scrollTo', vi.fn());
    user = logInAsStaff(['roles.manage', 'users.read']);
  });

  it('lists the roles with their permissions by name and their holders, on a phone too', async () => {
    setViewportWidth(375);
    rolesApi([system, junior, empty], user);
    renderRoute(routes, '/admin/roles');
    const table = await screen.findByTestId('role-table');
    // A table that scrolls sideways on a narrow screen, not cards.
    expect(table.parentElement).toHaveClass('table-responsive');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Name', 'Description', 'Permissions', 'Holders', 'Actions']);
    const cells = within(row('Junior staff')).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent('New hires');
    expect(
      within(cells[1]!)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['View users', 'View statistics']);
    expect(cells[2]).toHaveTextContent('3');
    expect(within(row('Unused')).getAllByRole('cell')[1]).toHaveTextContent('None');
    expect(
      within(row('System')).getByRole('link', { name: 'Edit the role “System”' }),
    ).toHaveAttribute('href', '/admin/roles/1/edit');
    expect(screen.getByRole('link', { name: 'New role' })).toHaveAttribute(
      'href',
      '/admin/roles/new',
    );
    const crumbs = within(screen.getByRole('navigation', { name: 'Breadcrumb' }));
    expect(crumbs.getByRole('link', { name: 'Admin' })).toHaveAttribute('href', '/admin');
    expect(crumbs.getByText('Roles')).toHaveAttribute('aria-current', 'page');
  });

  it('names the permissions in Chinese', async () => {
    setLocale('zh-CN');
    rolesApi([junior], user);
    renderRoute(routes, '/admin/roles');
    await screen.findByTestId('role-table');
    expect(
      within(within(row('Junior staff')).getAllByRole('cell')[1]!)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['查看用户', '查看统计']);
  });

  it('deletes a role only once asked, then says so and reads the list afresh', async () => {
    const api = rolesApi([system, junior], user);
    renderRoute(routes, '/admin/roles');
    await screen.findByTestId('role-table');
    fireEvent.click(screen.getByRole('button', { name: 'Delete the role “Junior staff”' }));
    const dialog = await shownDialog();
    expect(dialog).toHaveTextContent('Delete the role “Junior staff”?');
    expect(dialog).toHaveTextContent('People holding it: 3.');

    // Cancelled: nothing goes.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await dialogsClosed();
    expect(api.calls('DELETE /admin/roles/2')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Delete the role “Junior staff”' }));
    fireEvent.click(within(await shownDialog()).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('The role “Junior staff” is deleted.')).toBeInTheDocument();
    await dialogsClosed();
    await waitFor(() =>
      expect(screen.queryByRole('rowheader', { name: 'Junior staff' })).toBeNull(),
    );
    expect(api.calls('DELETE /admin/roles/2')).toHaveLength(1);
    expect(api.calls('GET /admin/roles')).toHaveLength(2);
    expect(screen.getByRole('rowheader', { name: 'System' })).toBeInTheDocument();
  });

  it("shows the API's refusal of a delete and keeps the role", async () => {
    const api = rolesApi([system], user);
    renderRoute(routes, '/admin/roles');
    fireEvent.click(await screen.findByRole('button', { name: 'Delete the role “System”' }));
    fireEvent.click(within(await shownDialog()).getByRole('button', { name: 'Delete' }));
    expect(
      await screen.findByText('Someone active must keep the permission to manage roles.'),
    ).toBeInTheDocument();
    await dialogsClosed();
    expect(api.calls('DELETE /admin/roles/1')).toHaveLength(1);
    expect(screen.getByRole('rowheader', { name: 'System' })).toBeInTheDocument();
  });

  it('says when there are no roles', async () => {
    rolesApi([], user);
    renderRoute(routes, '/admin/roles');
    expect(await screen.findByTestId('empty')).toHaveTextContent('There are no roles yet.');
    expect(screen.queryByTestId('role-table')).toBeNull();
  });

  it('shows the no-access state when the API says the permission is gone', async () => {
    fakeApi({
      'GET /me': ok(user),
      'GET /admin/roles': fail(403, 'FORBIDDEN', 'You may not do this.'),
    });
    renderRoute(routes, '/admin/roles');
    expect(await screen.findByTestId('no-access')).toHaveTextContent(
      'You have no access to this section',
    );
    // The page says it: no toast on top.
    expect(screen.queryByText('You may not do this.')).toBeNull();
  });

  it('creates a role on its own page and comes back to the list, which has it', async () => {
    let items: Role[] = [system];
    const api = fakeApi({
      'GET /me': ok(user),
      'GET /admin/roles': () => ok({ items }),
      'POST /admin/roles': () => {
        const made = role(9, 'Readers', ['users.read']);
        items = [...items, made];
        return { status: 201, body: { result: true, data: made } };
      },
    });
    const router = renderRoute(routes, '/admin/roles');
    fireEvent.click(await screen.findByRole('link', { name: 'New role' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'New role' })).toBeInTheDocument();
    const crumbs = within(screen.getByRole('navigation', { name: 'Breadcrumb' }));
    expect(crumbs.getByRole('link', { name: 'Roles' })).toHaveAttribute('href', '/admin/roles');

    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Readers' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'View users' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create role' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/admin/roles'));
    expect(await screen.findByText('The role “Readers” is created.')).toBeInTheDocument();
    expect(await screen.findByRole('rowheader', { name: 'Readers' })).toBeInTheDocument();
    expect(api.calls('POST /admin/roles')[0]?.body).toEqual({
      name: 'Readers',
      description: '',
      permissions: ['users.read'],
    });
  });

  it('edits a role found in the list, and says when there is no such role', async () => {
    rolesApi([junior], user);
    const router = renderRoute(routes, '/admin/roles/2/edit');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Edit “Junior staff”' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveValue('Junior staff');
    expect(screen.getByLabelText('Description')).toHaveValue('New hires');
    expect(screen.getByRole('checkbox', { name: 'View statistics' })).toBeChecked();

    await router.navigate('/admin/roles/77/edit');
    expect(await screen.findByTestId('not-found')).toHaveTextContent('No such role');
  });
});

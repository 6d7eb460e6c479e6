import type { ReactNode } from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { clearSession } from '../../lib/auth-store';
import { setLocale } from '../../lib/i18n';
import { logInAsStaff, role } from '../../test/admin';
import { fakeApi, ok } from '../../test/fake-api';
import { renderRoute } from '../../test/render-route';
import { setViewportWidth } from '../../test/viewport';
import { AdminPages } from '../routes/admin-pages';
import { AdminSection } from '../routes/admin-section';
import { PublicLayout } from './public-layout';

function withSection(section: ReactNode) {
  return [
    {
      element: <PublicLayout />,
      children: [
        { path: '/', element: <h1>Home</h1> },
        { path: '/login', element: <h1>Login page</h1> },
        { path: '/admin/*', element: section },
      ],
    },
  ];
}

const routes = withSection(<AdminSection />);

const sidebar = () => screen.getByRole('navigation', { name: 'Admin sections' });
const breadcrumb = () => screen.getByRole('navigation', { name: 'Breadcrumb' });

describe('the admin section', () => {
  beforeEach(() => {
    setLocale('en');
    // The layout restores scroll positions; jsdom cannot scroll.
    vi.stubGlobal('scrollTo', vi.fn());
  });

  it('sends someone logged out to log in and back, once its code and texts are in', async () => {
    clearSession();
    fakeApi({});
    // The router's entry, which fetches the section's code with its texts (the first import of
    // the section's modules in this run, which may take a while).
    const router = renderRoute(withSection(<AdminPages />), '/admin/roles');
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'), { timeout: 5000 });
    expect(router.state.location.search).toBe('?next=%2Fadmin%2Froles');
  });

  it('tells someone without any permission that it is closed to them, on every page', async () => {
    const user = logInAsStaff([]);
    const api = fakeApi({ 'GET /me': ok(user) });
    const router = renderRoute(routes, '/admin');
    const state = await screen.findByTestId('no-access');
    expect(state).toHaveTextContent('You have no access to the admin section');
    expect(within(state).getByRole('link', { name: 'Go to the home page' })).toHaveAttribute(
      'href',
      '/',
    );
    expect(screen.queryByRole('navigation', { name: 'Admin sections' })).toBeNull();

    await router.navigate('/admin/roles');
    expect(await screen.findByTestId('no-access')).toHaveTextContent(
      'You have no access to the admin section',
    );
    expect(api.calls('GET /admin/roles')).toHaveLength(0);
  });

  it('lists only the sections the person may open, in the sidebar and on the overview', async () => {
    const user = logInAsStaff(['roles.manage', 'users.read']);
    fakeApi({ 'GET /me': ok(user) });
    renderRoute(routes, '/admin');
    expect(await screen.findByRole('heading', { level: 1, name: 'Admin' })).toBeInTheDocument();
    const links = within(sidebar()).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Overview', '/admin'],
      ['Users', '/admin/users'],
      ['Roles', '/admin/roles'],
    ]);
    expect(within(sidebar()).getByRole('link', { name: 'Overview' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(breadcrumb()).toHaveTextContent(/^Admin$/);
    expect(
      within(screen.getByTestId('admin-sections')).getByRole('link', { name: 'Roles' }),
    ).toHaveAttribute('href', '/admin/roles');
    expect(screen.getByText(/Welcome, Lily\./)).toBeInTheDocument();
  });

  it('shows no section to staff whose permissions open none, and keeps them out of Roles', async () => {
    const user = logInAsStaff(['exports.run']);
    const api = fakeApi({ 'GET /me': ok(user) });
    const router = renderRoute(routes, '/admin');
    expect(await screen.findByTestId('admin-no-sections')).toBeInTheDocument();
    expect(
      within(sidebar())
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Overview']);

    await router.navigate('/admin/roles');
    const state = await screen.findByTestId('no-access');
    expect(state).toHaveTextContent('You have no access to this section');
    expect(state).toHaveTextContent('It needs the permission “Manage roles”');
    // The sidebar stays: the rest of the section is still theirs.
    expect(sidebar()).toBeInTheDocument();
    expect(api.calls('GET /admin/roles')).toHaveLength(0);
  });

  it('speaks Chinese', async () => {
    setLocale('zh-CN');
    const user = logInAsStaff(['roles.manage']);
    fakeApi({ 'GET /me': ok(user), 'GET /admin/roles': ok({ items: [] }) });
    renderRoute(routes, '/admin/roles');
    expect(await screen.findByRole('heading', { level: 1, name: '角色' })).toBeInTheDocument();
    const crumbs = within(screen.getByRole('navigation', { name: '导航路径' }));
    expect(crumbs.getByRole('link', { name: '管理后台' })).toHaveAttribute('href', '/admin');
    expect(
      within(screen.getByRole('navigation', { name: '管理栏目' })).getByRole('link', {
        name: '角色',
      }),
    ).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByTestId('empty')).toHaveTextContent('还没有角色。');
  });

  it('on a phone, folds the sidebar into a panel a button opens, which a link closes', async () => {
    setViewportWidth(375);
    const user = logInAsStaff(['roles.manage']);
    fakeApi({ 'GET /me': ok(user), 'GET /admin/roles': ok({ items: [role(1, 'System', [])] }) });
    const router = renderRoute(routes, '/admin');
    const panel = await screen.findByTestId('admin-menu');
    expect(panel).toHaveClass('offcanvas-lg');
    expect(panel).not.toHaveClass('show');

    fireEvent.click(screen.getByTestId('admin-menu-toggler'));
    await waitFor(() => expect(panel).toHaveClass('show'));
    expect(panel).toHaveAttribute('role', 'dialog');

    fireEvent.click(within(panel).getByRole('link', { name: 'Roles' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/admin/roles'));
    await waitFor(() => expect(panel).not.toHaveClass('show'));
    await waitFor(() => expect(document.body.style.overflow).toBe(''));
    expect(await screen.findByRole('rowheader', { name: 'System' })).toBeInTheDocument();
  });
});

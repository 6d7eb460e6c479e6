import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearSession, setSession } from '../../lib/auth-store';
import { setLocale } from '../../lib/i18n';
import { logInAsStaff } from '../../test/admin';
import { authResult, fakeApi, me, ok } from '../../test/fake-api';
import { renderRoute } from '../../test/render-route';
import { SiteNavbar } from './site-navbar';

const routes = [
  { path: '/', element: <SiteNavbar /> },
  { path: '/me/blogs', element: <h1>My blogs page</h1> },
  { path: '/admin', element: <h1>Admin page</h1> },
];

describe("the navbar's writing links", () => {
  beforeEach(() => setLocale('en'));

  it('offers Write at once to someone logged in, and My blogs in the account menu', async () => {
    setSession(authResult());
    fakeApi({ 'GET /me': ok(me) });
    const router = renderRoute(routes, '/');
    expect(screen.getByTestId('write-link')).toHaveAttribute('href', '/write');
    expect(screen.getByTestId('write-link')).toHaveTextContent('Write');

    fireEvent.click(await screen.findByTestId('user-menu-toggle'));
    fireEvent.click(await screen.findByRole('link', { name: 'My blogs' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/me/blogs'));
  });

  it('has no Write for someone logged out', () => {
    clearSession();
    fakeApi({});
    renderRoute(routes, '/');
    expect(screen.getByTestId('guest-menu')).toBeInTheDocument();
    expect(screen.queryByTestId('write-link')).toBeNull();
  });

  it('says 写博客 in Chinese', () => {
    setLocale('zh-CN');
    setSession(authResult());
    fakeApi({ 'GET /me': ok(me) });
    renderRoute(routes, '/');
    expect(screen.getByTestId('write-link')).toHaveTextContent('写博客');
  });
});

describe("the account menu's admin link", () => {
  beforeEach(() => setLocale('en'));

  it('leads staff, whatever their permission, to the admin section', async () => {
    const user = logInAsStaff(['stats.read']);
    fakeApi({ 'GET /me': ok(user) });
    const router = renderRoute(routes, '/');
    fireEvent.click(await screen.findByTestId('user-menu-toggle'));
    fireEvent.click(await screen.findByRole('link', { name: 'Admin' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/admin'));
  });

  it('is not there for someone without any permission', async () => {
    setSession(authResult());
    fakeApi({ 'GET /me': ok(me) });
    renderRoute(routes, '/');
    fireEvent.click(await screen.findByTestId('user-menu-toggle'));
    expect(await screen.findByRole('link', { name: 'My blogs' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Admin' })).toBeNull();
  });

  it('says 管理后台 in Chinese', async () => {
    setLocale('zh-CN');
    const user = logInAsStaff(['roles.manage']);
    fakeApi({ 'GET /me': ok(user) });
    renderRoute(routes, '/');
    fireEvent.click(await screen.findByTestId('user-menu-toggle'));
    expect(await screen.findByRole('link', { name: '管理后台' })).toHaveAttribute('href', '/admin');
  });
});

import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearSession, setSession } from '../../lib/auth-store';
import { setLocale } from '../../lib/i18n';
import { authResult, fakeApi, me, ok } from '../../test/fake-api';
import { renderRoute } from '../../test/render-route';
import { SiteNavbar } from './site-navbar';

const routes = [
  { path: '/', element: <SiteNavbar /> },
  { path: '/me/blogs', element: <h1>My blogs page</h1> },
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

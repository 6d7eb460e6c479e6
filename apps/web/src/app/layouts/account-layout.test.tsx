import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getAuthState, setSession } from '../../lib/auth-store';
import { setLocale } from '../../lib/i18n';
import { authResult, fail, fakeApi, me, ok } from '../../test/fake-api';
import { dialogsClosed, shownDialog } from '../../test/dialog';
import { renderRoute } from '../../test/render-route';
import { AccountSecurityPage } from '../routes/account-security-page';
import { AccountSessionsPage } from '../routes/account-sessions-page';
import { AccountLayout } from './account-layout';
import { PublicLayout } from './public-layout';

const routes = [
  {
    element: <PublicLayout />,
    children: [
      { path: '/', element: <h1>Home</h1> },
      { path: '/login', element: <h1>Login page</h1> },
      {
        path: '/account',
        element: <AccountLayout />,
        children: [
          { path: 'sessions', element: <AccountSessionsPage /> },
          { path: 'security', element: <AccountSecurityPage /> },
        ],
      },
    ],
  },
];

const session = {
  id: 'sess-current-0000001',
  device: null,
  browser: 'Firefox 140',
  os: 'Linux',
  ip: '127.0.0.1',
  createdAt: '2026-01-01T00:00:00.000Z',
  lastUsedAt: '2026-01-01T00:00:00.000Z',
  current: true,
};

describe('leaving the account pages', () => {
  beforeEach(() => {
    setLocale('en');
    // The layout restores scroll positions; jsdom cannot scroll.
    vi.stubGlobal('scrollTo', vi.fn());
  });

  it('logging out from the user menu goes home, not to the login page', async () => {
    setSession(authResult('t1'));
    const api = fakeApi({
      'GET /me': ok(me),
      'GET /me/sessions': ok([session]),
      'POST /auth/logout': ok({ accepted: true }),
    });
    const router = renderRoute(routes, '/account/sessions');
    expect(await screen.findByText('This device')).toBeInTheDocument();
    // The account menu loads once someone is logged in.
    expect(await screen.findByTestId('user-menu-toggle')).toHaveTextContent('Lily');

    fireEvent.click(screen.getByTestId('logout'));
    await waitFor(() => expect(getAuthState().status).toBe('anonymous'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(await screen.findByText('You have logged out.')).toBeInTheDocument();
    expect(screen.getByTestId('guest-menu')).toBeInTheDocument();
    expect(api.calls('POST /auth/logout')[0]?.headers.get('Authorization')).toBe('Bearer t1');
  });

  it('a session the API ended sends the person to log in and back', async () => {
    setSession(authResult('revoked'));
    fakeApi({
      'GET /me': ok(me),
      'GET /me/sessions': fail(401, 'SESSION_EXPIRED', 'Your session has ended.'),
      'POST /auth/refresh': fail(401, 'SESSION_EXPIRED', 'Your session has ended.'),
    });
    const router = renderRoute(routes, '/account/sessions');
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(router.state.location.search).toBe('?next=%2Faccount%2Fsessions');
    expect(
      await screen.findByText('Your session has ended; please log in again.'),
    ).toBeInTheDocument();
  });

  it('deleting the account asks for the password, shows a wrong one, then goes home', async () => {
    setSession(authResult('t1'));
    const api = fakeApi({
      'GET /me': ok(me),
      'GET /captcha': ok({ id: 'c', svg: '<svg xmlns="http://www.w3.org/2000/svg"/>' }),
      'DELETE /me': [
        fail(422, 'VALIDATION_FAILED', 'Some fields are not valid.', { password: 'passwordWrong' }),
        ok({ accepted: true }),
      ],
    });
    const router = renderRoute(routes, '/account/security');
    fireEvent.click(await screen.findByRole('button', { name: 'Delete my account…' }));
    const dialog = await shownDialog();
    const password = within(dialog).getByLabelText('Password');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete account' }));
    expect(await screen.findByText('Required.')).toBeInTheDocument();
    expect(api.calls('DELETE /me')).toHaveLength(0);

    fireEvent.change(password, { target: { value: 'not it' } });
    fireEvent.submit(dialog.querySelector('form')!);
    expect(await screen.findByText('The password is wrong.')).toBeInTheDocument();

    fireEvent.change(password, { target: { value: 'the right one' } });
    fireEvent.submit(dialog.querySelector('form')!);
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(api.calls('DELETE /me')[1]?.body).toEqual({ password: 'the right one' });
    expect(getAuthState().status).toBe('anonymous');
    expect(await screen.findByText('Your account is deleted. Goodbye!')).toBeInTheDocument();
    // The dialog went with the page, open or closing: Bootstrap finishes, then nothing is left.
    await dialogsClosed();
  });
});

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { setSession } from '../../lib/auth-store';
import { setLocale } from '../../lib/i18n';
import { authResult, fail, fakeApi, me, ok } from '../../test/fake-api';
import { dialogsClosed, shownDialog } from '../../test/dialog';
import { renderRoute } from '../../test/render-route';
import { AccountConnectionsPage } from './account-connections-page';
import { LoginPage } from './login-page';

const routes = [
  { path: '/account/connections', element: <AccountConnectionsPage /> },
  { path: '/login', element: <LoginPage /> },
];

const github = {
  id: 9,
  kind: 'oauth' as const,
  provider: 'github',
  label: 'lily-gh',
  verifiedAt: '2026-01-02T00:00:00.000Z',
  createdAt: '2026-01-02T00:00:00.000Z',
};

describe('/account/connections', () => {
  beforeEach(() => {
    setLocale('en');
    setSession(authResult());
  });

  it('says a binding worked once, and tidies the address', async () => {
    fakeApi({
      'GET /me': ok({ ...me, identities: [...me.identities, github] }),
      'GET /auth/oauth/providers': ok([
        { id: 'github', name: 'GitHub' },
        { id: 'gitlab', name: 'GitLab' },
      ]),
    });
    const router = renderRoute(routes, '/account/connections?bound=github');
    expect(await screen.findByText('Linked. You can now log in with it.')).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.search).toBe(''));
    const rows = await screen.findAllByTestId('connection');
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('lily@example.com'),
      expect.stringContaining('lily-gh'),
      expect.stringContaining('Not linked'),
    ]);
    expect(screen.getByRole('button', { name: 'Unlink' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Link' })).toBeEnabled();
  });

  it('shows why a binding failed', async () => {
    fakeApi({ 'GET /me': ok(me), 'GET /auth/oauth/providers': ok([]) });
    renderRoute(routes, '/account/connections?oauthError=IDENTITY_TAKEN');
    expect(
      await screen.findByText('That is already linked to another account.'),
    ).toBeInTheDocument();
    // One way to log in left: it cannot go.
    expect(await screen.findByRole('button', { name: 'Remove' })).toBeDisabled();
  });

  it('refuses to unlink the last way to log in with the API’s reason', async () => {
    // The account arrives with the session, as after a login.
    setSession({ ...authResult(), user: { ...me, identities: [...me.identities, github] } });
    fakeApi({
      'GET /me': ok({ ...me, identities: [...me.identities, github] }),
      'GET /auth/oauth/providers': ok([{ id: 'github', name: 'GitHub' }]),
      'DELETE /me/identities/9': fail(409, 'LAST_LOGIN_METHOD', 'This is your last way to log in.'),
    });
    renderRoute(routes, '/account/connections');
    fireEvent.click(await screen.findByRole('button', { name: 'Unlink' }));
    const dialog = await shownDialog();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText('This is your last way to log in.')).toBeInTheDocument();
    await dialogsClosed();
  });
});

describe('/login after signing in with an unbound provider', () => {
  beforeEach(() => setLocale('en'));

  it('explains, and sends the ticket with the login so the provider gets bound', async () => {
    const api = fakeApi({
      'GET /auth/oauth/pending/tk-1': ok({
        provider: { id: 'github', name: 'GitHub' },
        email: 'lily@users.example',
        name: 'Lily',
      }),
      'POST /auth/login': fail(401, 'CREDENTIALS_INVALID', 'The account or password is wrong.'),
    });
    renderRoute(routes, '/login?oauth=tk-1');
    expect(await screen.findByTestId('oauth-pending')).toHaveTextContent(
      'Your GitHub account lily@users.example is not linked to Folio yet.',
    );
    expect(screen.getByRole('link', { name: 'or create a new account.' })).toHaveAttribute(
      'href',
      '/register?oauth=tk-1',
    );
    fireEvent.change(screen.getByLabelText('Email or phone'), {
      target: { value: 'lily@example.com' },
    });
    fireEvent.change(screen.getByLabelText('Password', { selector: 'input' }), {
      target: { value: 'password1' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(api.calls('POST /auth/login')).toHaveLength(1));
    expect(api.calls('POST /auth/login')[0]?.body).toMatchObject({ oauthTicket: 'tk-1' });
  });
});

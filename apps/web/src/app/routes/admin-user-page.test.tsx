import type { AdminUserDetail, AuditEntry } from '@folio/schema';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../lib/i18n';
import { adminUser, logInAsStaff, role } from '../../test/admin';
import { dialogsClosed, shownDialog } from '../../test/dialog';
import { fail, fakeApi, ok } from '../../test/fake-api';
import { renderRoute } from '../../test/render-route';
import { PublicLayout } from '../layouts/public-layout';
import { AdminSection } from './admin-section';

const routes = [
  {
    element: <PublicLayout />,
    children: [{ path: '/admin/*', element: <AdminSection /> }],
  },
];

const SID = 'sess_abcdefghijklmnop';

function tomDetail(extra: Partial<AdminUserDetail> = {}): AdminUserDetail {
  return {
    ...adminUser(5, 'Tom', {
      avatarUrl: '/uploads/avatars/5.webp',
      phone: '+8613800138000',
      roles: [{ id: 2, name: 'Support' }],
      lastLoginAt: '2026-02-01T00:00:00.000Z',
      lastLoginIp: '203.0.113.9',
    }),
    identities: [
      {
        id: 1,
        kind: 'email',
        provider: 'email',
        label: 'tom@example.com',
        verifiedAt: '2026-01-01T00:00:00.000Z',
        createdAt: '2026-01-01T00:00:00.000Z',
      },
      {
        id: 2,
        kind: 'oauth',
        provider: 'github',
        label: 'tom-gh',
        verifiedAt: null,
        createdAt: '2026-01-02T00:00:00.000Z',
      },
    ],
    sessions: [
      {
        id: SID,
        device: null,
        browser: 'Chrome',
        os: 'macOS',
        ip: '203.0.113.9',
        createdAt: '2026-02-01T00:00:00.000Z',
        lastUsedAt: '2026-02-01T01:00:00.000Z',
        current: false,
      },
    ],
    ...extra,
  };
}

function entry(
  id: number,
  action: AuditEntry['action'],
  at: string,
  extra: Partial<AuditEntry> = {},
) {
  return {
    id,
    action,
    actor: { id: 7, nickname: 'Lily' },
    targetType: 'user' as const,
    targetId: '5',
    before: null,
    after: null,
    ip: null,
    userAgent: null,
    at,
    ...extra,
  };
}

const auditPage = (items: AuditEntry[]) => ({
  items,
  page: 1,
  perPage: 10,
  total: items.length,
  pages: 1,
});

const card = (name: string) =>
  within(screen.getByRole('heading', { level: 2, name }).closest('section')!);

describe('/admin/users/:id', () => {
  beforeEach(() => {
    setLocale('en');
    vi.stubGlobal('scrollTo', vi.fn());
  });

  it("shows the account's profile, identities and sessions under a Users › Tom breadcrumb", async () => {
    const user = logInAsStaff(['users.read']);
    const api = fakeApi({ 'GET /me': ok(user), 'GET /admin/users/5': ok(tomDetail()) });
    renderRoute(routes, '/admin/users/5');
    expect(await screen.findByRole('heading', { level: 1, name: 'Tom' })).toBeInTheDocument();
    const crumbs = within(screen.getByRole('navigation', { name: 'Breadcrumb' }));
    expect(crumbs.getByRole('link', { name: 'Users' })).toHaveAttribute('href', '/admin/users');
    expect(crumbs.getByText('Tom')).toHaveAttribute('aria-current', 'page');

    const profile = within(screen.getByTestId('user-profile'));
    expect(profile.getByRole('img', { name: 'Avatar of Tom' })).toHaveAttribute(
      'src',
      '/uploads/avatars/5.webp',
    );
    expect(profile.getByText('tom@example.com')).toBeInTheDocument();
    expect(profile.getByText('+8613800138000')).toBeInTheDocument();
    expect(profile.getByText('Active')).toBeInTheDocument();
    expect(profile.getByText('from 203.0.113.9')).toBeInTheDocument();
    expect(profile.getByText('Registered')).toBeInTheDocument();

    const identities = card('Login identities');
    expect(identities.getByText('Sign-in with github')).toBeInTheDocument();
    expect(identities.getByText('Not verified')).toBeInTheDocument();
    expect(identities.getByText('Verified')).toBeInTheDocument();

    const sessions = card('Live sessions');
    expect(sessions.getByText('Chrome · macOS')).toBeInTheDocument();
    expect(sessions.getByText('IP 203.0.113.9')).toBeInTheDocument();
    // Viewing only: no way to change the account.
    expect(sessions.queryByRole('button', { name: /Log out/ })).toBeNull();
    expect(screen.queryByTestId('user-actions')).toBeNull();
    expect(card('Roles').getByText('Support')).toBeInTheDocument();
    expect(card('Roles').queryByRole('button', { name: 'Change roles' })).toBeNull();
    // No audit.read: the log is not asked.
    expect(screen.queryByRole('heading', { name: 'Recent activity' })).toBeNull();
    expect(api.calls('GET /admin/audit')).toHaveLength(0);
  });

  it('ends a session with its own URL and reads the account afresh', async () => {
    const user = logInAsStaff(['users.read', 'users.write']);
    const api = fakeApi({
      'GET /me': ok(user),
      'GET /admin/users/5': [ok(tomDetail()), ok(tomDetail({ sessions: [] }))],
      [`DELETE /admin/users/5/sessions/${SID}`]: ok(null),
    });
    renderRoute(routes, '/admin/users/5');
    fireEvent.click(
      await screen.findByRole('button', { name: 'Log out the session on Chrome · macOS' }),
    );
    expect(
      await screen.findByText('The session is ended: that device is logged out.'),
    ).toBeInTheDocument();
    expect(api.calls(`DELETE /admin/users/5/sessions/${SID}`)).toHaveLength(1);
    expect(await screen.findByTestId('no-sessions')).toHaveTextContent('Not logged in anywhere.');
  });

  it('offers no lock or delete on the staff member’s own page', async () => {
    const user = logInAsStaff(['users.read', 'users.write']);
    fakeApi({
      'GET /me': ok(user),
      [`GET /admin/users/${user.id}`]: ok(tomDetail({ id: user.id })),
    });
    renderRoute(routes, `/admin/users/${user.id}`);
    expect(await screen.findByTestId('user-profile')).toBeInTheDocument();
    expect(screen.queryByTestId('user-actions')).toBeNull();
  });

  it('locks the account once asked, with the bulk endpoint and its one id', async () => {
    const user = logInAsStaff(['users.read', 'users.write']);
    const api = fakeApi({
      'GET /me': ok(user),
      'GET /admin/users/5': [ok(tomDetail()), ok(tomDetail({ status: 'locked' }))],
      'POST /admin/users/bulk': ok({ affected: 1, skipped: 0 }),
    });
    renderRoute(routes, '/admin/users/5');
    const actions = within(await screen.findByTestId('user-actions'));
    expect(actions.getAllByRole('button').map((b) => b.textContent)).toEqual(['Lock', 'Delete']);
    fireEvent.click(actions.getByRole('button', { name: 'Lock' }));
    const dialog = await shownDialog();
    expect(dialog).toHaveTextContent('Lock Tom?');
    expect(dialog).toHaveTextContent('They are logged out at once');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lock' }));
    expect(await screen.findByText('Tom is locked.')).toBeInTheDocument();
    await dialogsClosed();
    expect(api.calls('POST /admin/users/bulk')[0]?.body).toEqual({ action: 'lock', ids: [5] });
    // Read afresh: a locked account is unlocked from here.
    await waitFor(() =>
      expect(
        within(screen.getByTestId('user-actions'))
          .getAllByRole('button')
          .map((b) => b.textContent),
      ).toEqual(['Unlock', 'Delete']),
    );
  });

  it('says so when the API leaves the account as it was', async () => {
    const user = logInAsStaff(['users.read', 'users.write']);
    fakeApi({
      'GET /me': ok(user),
      'GET /admin/users/5': ok(tomDetail({ status: 'deleted' })),
      'POST /admin/users/bulk': ok({ affected: 0, skipped: 1 }),
    });
    renderRoute(routes, '/admin/users/5');
    fireEvent.click(await screen.findByRole('button', { name: 'Restore' }));
    fireEvent.click(within(await shownDialog()).getByRole('button', { name: 'Restore' }));
    expect(await screen.findByText(/^Tom was left as they were/)).toBeInTheDocument();
  });

  it('changes the roles for a roles manager, and shows what the API refuses', async () => {
    const user = logInAsStaff(['users.read', 'roles.manage', 'stats.read']);
    const api = fakeApi({
      'GET /me': ok(user),
      'GET /admin/users/5': ok(tomDetail()),
      'GET /admin/roles': ok({
        items: [
          role(1, 'System', ['roles.manage', 'system.settings']),
          role(2, 'Support', ['users.read']),
          role(3, 'Analyst', ['stats.read']),
        ],
      }),
      'PUT /admin/users/5/roles': [
        fail(403, 'FORBIDDEN', 'You can only grant permissions you hold yourself.', {
          permissions: 'You can only grant permissions you hold yourself.',
        }),
        fail(409, 'CONFLICT', 'Someone active must keep the permission to manage roles.'),
        ok({ roles: [{ id: 3, name: 'Analyst' }], permissions: ['stats.read'] }),
      ],
    });
    renderRoute(routes, '/admin/users/5');
    fireEvent.click(await screen.findByRole('button', { name: 'Change roles' }));
    const form = within(await screen.findByTestId('user-roles-form'));
    expect(form.getByRole('checkbox', { name: 'Support' })).toBeChecked();
    expect(form.getByRole('checkbox', { name: 'Analyst' })).not.toBeChecked();
    // A role granting more than the viewer holds says so before the API does.
    expect(form.getByRole('checkbox', { name: 'System' })).toHaveAccessibleDescription(
      'Grants what you do not hold: Site settings.',
    );

    fireEvent.click(form.getByRole('checkbox', { name: 'System' }));
    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    expect(await form.findByRole('alert')).toHaveTextContent(
      'You can only grant permissions you hold yourself.',
    );
    expect(api.calls('PUT /admin/users/5/roles')[0]?.body).toEqual({ roleIds: [2, 1] });

    fireEvent.click(form.getByRole('checkbox', { name: 'System' }));
    fireEvent.click(form.getByRole('checkbox', { name: 'Support' }));
    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(form.getByRole('alert')).toHaveTextContent(
        'Someone active must keep the permission to manage roles.',
      ),
    );
    expect(api.calls('PUT /admin/users/5/roles')[1]?.body).toEqual({ roleIds: [] });

    const readsBefore = {
      user: api.calls('GET /admin/users/5').length,
      me: api.calls('GET /me').length,
    };
    fireEvent.click(form.getByRole('checkbox', { name: 'Analyst' }));
    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The roles of Tom are saved.')).toBeInTheDocument();
    expect(api.calls('PUT /admin/users/5/roles')[2]?.body).toEqual({ roleIds: [3] });
    await waitFor(() => expect(screen.queryByTestId('user-roles-form')).toBeNull());
    // The user, the roles and the viewer's own permissions are read afresh.
    await waitFor(() =>
      expect(api.calls('GET /admin/users/5').length).toBeGreaterThan(readsBefore.user),
    );
    expect(api.calls('GET /me').length).toBeGreaterThan(readsBefore.me);
  });

  it('lists recent activity about the user and by them, newest first, for audit readers', async () => {
    const user = logInAsStaff(['users.read', 'audit.read']);
    const api = fakeApi({
      'GET /me': ok(user),
      'GET /admin/users/5': ok(tomDetail()),
      'GET /admin/audit': (request) =>
        ok(
          auditPage(
            request.url.searchParams.get('actorId') === '5'
              ? [
                  entry(30, 'user.locked', '2026-03-03T00:00:00.000Z', {
                    actor: { id: 5, nickname: 'Tom' },
                    targetId: '9',
                  }),
                  entry(12, 'login', '2026-03-01T00:00:00.000Z', {
                    actor: { id: 5, nickname: 'Tom' },
                  }),
                ]
              : [
                  entry(20, 'user.roles', '2026-03-02T00:00:00.000Z'),
                  entry(12, 'login', '2026-03-01T00:00:00.000Z', {
                    actor: { id: 5, nickname: 'Tom' },
                  }),
                ],
          ),
        ),
    });
    renderRoute(routes, '/admin/users/5');
    const list = await screen.findByTestId('user-activity');
    const queries = api
      .calls('GET /admin/audit')
      .map((request) => Object.fromEntries(request.url.searchParams));
    expect(queries).toEqual(
      expect.arrayContaining([
        { targetType: 'user', targetId: '5', perPage: '10' },
        { actorId: '5', perPage: '10' },
      ]),
    );
    expect(queries).toHaveLength(2);
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.dataset.action)).toEqual([
      'user.locked',
      'user.roles',
      'login',
    ]);
    expect(items[0]).toHaveTextContent('User locked');
    expect(within(items[0]!).getByRole('link', { name: 'user 9' })).toHaveAttribute(
      'href',
      '/admin/users/9',
    );
    expect(items[1]).toHaveTextContent("User's roles changed");
    expect(items[1]).toHaveTextContent('by Lily');
    expect(items[2]).toHaveTextContent('Logged in');
    expect(items[2]).not.toHaveTextContent('by');
  });

  it('says there is no such user', async () => {
    const user = logInAsStaff(['users.read']);
    const api = fakeApi({
      'GET /me': ok(user),
      'GET /admin/users/404': fail(404, 'NOT_FOUND', 'No such user.'),
    });
    const router = renderRoute(routes, '/admin/users/404');
    const state = await screen.findByTestId('not-found');
    expect(state).toHaveTextContent('No such user');
    expect(within(state).getByRole('link', { name: 'Back to the users' })).toHaveAttribute(
      'href',
      '/admin/users',
    );
    // The page says it: no toast on top.
    expect(screen.queryByText('No such user.')).toBeNull();

    await router.navigate('/admin/users/abc');
    expect(await screen.findByTestId('not-found')).toHaveTextContent('No such user');
    expect(api.requests.filter((r) => r.path.startsWith('/admin/users/abc'))).toHaveLength(0);
  });

  it('speaks Chinese', async () => {
    setLocale('zh-CN');
    const user = logInAsStaff(['users.read', 'users.write']);
    fakeApi({ 'GET /me': ok(user), 'GET /admin/users/5': ok(tomDetail()) });
    renderRoute(routes, '/admin/users/5');
    expect(await screen.findByRole('heading', { level: 2, name: '在线会话' })).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: '登出 Chrome · macOS 上的会话' }),
    ).toBeInTheDocument();
    expect(within(screen.getByTestId('user-profile')).getByText('正常')).toBeInTheDocument();
    expect(
      within(screen.getByRole('navigation', { name: '导航路径' })).getByRole('link', {
        name: '用户',
      }),
    ).toHaveAttribute('href', '/admin/users');
  });
});

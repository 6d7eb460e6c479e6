import type { AuditEntry, AuditPage } from '@folio/schema';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../lib/i18n';
import { logInAsStaff } from '../../test/admin';
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

const AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36';

function entry(id: number, fields: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id,
    action: 'login',
    actor: { id: 7, nickname: 'Lily' },
    targetType: null,
    targetId: null,
    before: null,
    after: null,
    ip: '203.0.113.9',
    userAgent: AGENT,
    at: '2026-12-01T08:05:09.000Z',
    ...fields,
  };
}

const roleUpdated = entry(12, {
  action: 'role.updated',
  targetType: 'role',
  targetId: '3',
  before: { name: 'Editors', permissions: ['users.read'] },
  after: { name: 'Moderators', permissions: ['users.read', 'content.moderate'] },
});
const failedLogin = entry(11, {
  action: 'login.failed',
  actor: null,
  targetType: 'user',
  targetId: '9',
  ip: null,
  userAgent: null,
});

function page(items: AuditEntry[], fields: Partial<AuditPage> = {}): AuditPage {
  return { items, page: 1, perPage: 20, total: items.length, pages: 1, ...fields };
}

const query = (request: FakeRequest | undefined) =>
  Object.fromEntries(request?.url.searchParams ?? []);

/** The cells of the row of entry `id`. */
const cells = (id: number) => within(screen.getByTestId(`audit-entry-${id}`)).getAllByRole('cell');

describe('/admin/audit', () => {
  let user: ReturnType<typeof logInAsStaff>;

  beforeEach(() => {
    setLocale('en');
    vi.stubGlobal('scrollTo', vi.fn());
    user = logInAsStaff(['audit.read']);
  });

  it('lists the entries: time in the reader’s locale, action by name, actor, target, IP, agent', async () => {
    setViewportWidth(375);
    const api = fakeApi({
      'GET /me': ok(user),
      'GET /admin/audit': ok(page([roleUpdated, failedLogin])),
    });
    renderRoute(routes, '/admin/audit');
    const table = await screen.findByTestId('audit-table');
    expect(await screen.findByRole('heading', { level: 1, name: 'Audit log' })).toBeInTheDocument();
    // A table that scrolls sideways on a phone.
    expect(table.parentElement).toHaveClass('table-responsive');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Time', 'Action', 'Done by', 'Target', 'IP address', 'User agent']);
    expect(query(api.calls('GET /admin/audit')[0])).toEqual({ page: '1', perPage: '20' });

    const at = Date.parse(roleUpdated.at);
    const row = cells(12);
    expect(row[0]).toHaveTextContent(
      new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' }).format(at),
    );
    expect(within(row[0]!).getByText(/2026/)).toHaveAttribute('datetime', roleUpdated.at);
    expect(row[1]).toHaveTextContent(/^Role changedShow changes$/);
    expect(row[2]).toHaveTextContent('Lily #7');
    expect(row[3]).toHaveTextContent('Role #3');
    expect(row[4]).toHaveTextContent('203.0.113.9');
    expect(row[5]).toHaveTextContent(AGENT);

    const other = cells(11);
    expect(other[1]).toHaveTextContent('Failed login');
    expect(other[2]).toHaveTextContent('Not logged in');
    expect(other[3]).toHaveTextContent('User #9');
    expect(other[4]).toHaveTextContent('—');
    expect(other[5]).toHaveTextContent('—');
    // Nothing changed by a failed login: nothing to open.
    expect(within(other[1]!).queryByRole('button')).toBeNull();
    expect(screen.getByText('Showing 1–2 of 2')).toBeInTheDocument();

    const crumbs = within(screen.getByRole('navigation', { name: 'Breadcrumb' }));
    expect(crumbs.getByRole('link', { name: 'Admin' })).toHaveAttribute('href', '/admin');
    expect(crumbs.getByText('Audit log')).toHaveAttribute('aria-current', 'page');
    expect(
      within(screen.getByRole('navigation', { name: 'Admin sections' })).getByRole('link', {
        name: 'Audit log',
      }),
    ).toHaveAttribute('aria-current', 'page');
  });

  it('opens the fields an entry changed, before and after', async () => {
    fakeApi({ 'GET /me': ok(user), 'GET /admin/audit': ok(page([roleUpdated])) });
    renderRoute(routes, '/admin/audit');
    await screen.findByTestId('audit-table');
    expect(screen.queryByTestId('audit-changes')).toBeNull();
    const button = within(cells(12)[1]!).getByRole('button', { name: 'Show changes' });
    expect(button).toHaveAttribute('aria-expanded', 'false');

    fireEvent.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(button).toHaveTextContent('Hide changes');
    const changes = screen.getByTestId('audit-changes');
    expect(document.getElementById(button.getAttribute('aria-controls')!)).toContainElement(
      changes,
    );
    expect(
      within(changes)
        .getAllByRole('row')
        .map((tr) => [...tr.children].map((cell) => cell.textContent)),
    ).toEqual([
      ['Field', 'Before', 'After'],
      ['name', 'Editors', 'Moderators'],
      ['permissions', '["users.read"]', '["users.read","content.moderate"]'],
    ]);

    fireEvent.click(button);
    expect(screen.queryByTestId('audit-changes')).toBeNull();
  });

  it('shows a created thing with nothing before it, and an action this build does not know by its name', async () => {
    fakeApi({
      'GET /me': ok(user),
      'GET /admin/audit': ok(
        page([
          entry(20, {
            action: 'role.created',
            targetType: 'role',
            targetId: '5',
            after: { name: 'Readers' },
          }),
          entry(21, { action: 'blog.purged' as AuditEntry['action'] }),
        ]),
      ),
    });
    renderRoute(routes, '/admin/audit');
    await screen.findByTestId('audit-table');
    expect(cells(21)[1]).toHaveTextContent(/^blog\.purged$/);
    fireEvent.click(within(cells(20)[1]!).getByRole('button', { name: 'Show changes' }));
    expect(within(screen.getByTestId('audit-changes')).getAllByRole('row')[1]!.textContent).toBe(
      'name(none)Readers',
    );
  });

  it('filters by the form, keeping the filter in the URL, and clears it', async () => {
    const api = fakeApi({
      'GET /me': ok(user),
      'GET /admin/audit': (request) =>
        ok(
          page(request.url.searchParams.has('action') ? [roleUpdated] : [roleUpdated, failedLogin]),
        ),
    });
    const router = renderRoute(routes, '/admin/audit');
    await screen.findByTestId('audit-table');
    const form = within(screen.getByRole('form', { name: 'Filter the audit log' }));
    fireEvent.change(form.getByLabelText('Action'), { target: { value: 'role.updated' } });
    fireEvent.change(form.getByLabelText('Done by (user id)'), { target: { value: ' 7 ' } });
    fireEvent.change(form.getByLabelText('Target'), { target: { value: 'role' } });
    fireEvent.change(form.getByLabelText('Target id'), { target: { value: '3' } });
    fireEvent.change(form.getByLabelText('From'), { target: { value: '2026-11-01' } });
    fireEvent.change(form.getByLabelText('To'), { target: { value: '2026-12-01' } });
    fireEvent.click(form.getByRole('button', { name: 'Filter' }));

    await waitFor(() =>
      expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({
        action: 'role.updated',
        actorId: '7',
        targetType: 'role',
        targetId: '3',
        from: '2026-11-01',
        to: '2026-12-01',
      }),
    );
    await waitFor(() => expect(screen.queryByTestId('audit-entry-11')).toBeNull());
    expect(query(api.calls('GET /admin/audit').at(-1))).toEqual({
      page: '1',
      perPage: '20',
      action: 'role.updated',
      actorId: '7',
      targetType: 'role',
      targetId: '3',
      from: '2026-11-01',
      to: '2026-12-01',
    });

    // Emptying a field drops it from the filter.
    const fresh = within(screen.getByRole('form', { name: 'Filter the audit log' }));
    expect(fresh.getByLabelText('Action')).toHaveValue('role.updated');
    fireEvent.change(fresh.getByLabelText('Target id'), { target: { value: '' } });
    fireEvent.click(fresh.getByRole('button', { name: 'Filter' }));
    await waitFor(() => expect(router.state.location.search).not.toContain('targetId'));
    expect(router.state.location.search).toContain('action=role.updated');

    fireEvent.click(screen.getByRole('button', { name: 'Clear the filters' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(await screen.findByTestId('audit-entry-11')).toBeInTheDocument();
    expect(screen.getByLabelText('Action')).toHaveValue('');
    expect(screen.queryByRole('button', { name: 'Clear the filters' })).toBeNull();
  });

  it('reads the filter from a shared link into the form and the request', async () => {
    const api = fakeApi({ 'GET /me': ok(user), 'GET /admin/audit': ok(page([failedLogin])) });
    renderRoute(routes, '/admin/audit?action=login.failed&targetType=user&page=2&perPage=50');
    await screen.findByTestId('audit-table');
    expect(query(api.calls('GET /admin/audit')[0])).toEqual({
      action: 'login.failed',
      targetType: 'user',
      page: '2',
      perPage: '50',
    });
    expect(screen.getByLabelText('Action')).toHaveValue('login.failed');
    expect(screen.getByLabelText('Target')).toHaveValue('user');
  });

  it('says what is wrong with a filter and does not apply it', async () => {
    const api = fakeApi({ 'GET /me': ok(user), 'GET /admin/audit': ok(page([roleUpdated])) });
    const router = renderRoute(routes, '/admin/audit');
    await screen.findByTestId('audit-table');
    fireEvent.change(screen.getByLabelText('Done by (user id)'), { target: { value: 'lily' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filter' }));
    expect(await screen.findByTestId('field-error')).toHaveTextContent(
      'Must be a positive integer.',
    );
    expect(screen.getByLabelText('Done by (user id)')).toHaveAttribute('aria-invalid', 'true');
    expect(router.state.location.search).toBe('');
    expect(api.calls('GET /admin/audit')).toHaveLength(1);
  });

  it('pages through the log', async () => {
    const api = fakeApi({
      'GET /me': ok(user),
      'GET /admin/audit': (request) => {
        const number = Number(request.url.searchParams.get('page'));
        return ok(page([entry(100 - number)], { page: number, perPage: 1, total: 3, pages: 3 }));
      },
    });
    const router = renderRoute(routes, '/admin/audit?perPage=1');
    expect(await screen.findByTestId('audit-entry-99')).toBeInTheDocument();
    const pages = screen.getByRole('navigation', { name: 'Audit log pages' });
    fireEvent.click(within(pages).getByRole('button', { name: 'Page 2' }));
    expect(await screen.findByTestId('audit-entry-98')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?perPage=1&page=2');
    expect(query(api.calls('GET /admin/audit').at(-1))).toEqual({ page: '2', perPage: '1' });
  });

  it('has empty states, for the log and for a filter', async () => {
    fakeApi({ 'GET /me': ok(user), 'GET /admin/audit': ok(page([])) });
    const router = renderRoute(routes, '/admin/audit');
    expect(await screen.findByTestId('empty')).toHaveTextContent('The audit log is empty.');
    await router.navigate('/admin/audit?action=user.locked');
    await waitFor(() =>
      expect(screen.getByTestId('empty')).toHaveTextContent('No entries match these filters.'),
    );
    expect(screen.queryByTestId('audit-table')).toBeNull();
  });

  it('shows an error with a retry when the API fails', async () => {
    const api = fakeApi({
      'GET /me': ok(user),
      'GET /admin/audit': [
        fail(422, 'VALIDATION_FAILED', 'Check the fields.', {
          from: 'Use a date like 1990-04-21.',
        }),
        ok(page([roleUpdated])),
      ],
    });
    renderRoute(routes, '/admin/audit');
    const alert = await screen.findByText('Could not load this.');
    expect(alert.closest('.alert')).toHaveTextContent('Check the fields.');
    fireEvent.click(
      within(alert.closest('.alert')! as HTMLElement).getByRole('button', { name: 'Try again' }),
    );
    expect(await screen.findByTestId('audit-table')).toBeInTheDocument();
    expect(api.calls('GET /admin/audit')).toHaveLength(2);
  });

  it('names the actions and columns in Chinese', async () => {
    setLocale('zh-CN');
    fakeApi({ 'GET /me': ok(user), 'GET /admin/audit': ok(page([roleUpdated, failedLogin])) });
    renderRoute(routes, '/admin/audit');
    await screen.findByTestId('audit-table');
    expect(screen.getByRole('heading', { level: 1, name: '审计日志' })).toBeInTheDocument();
    expect(cells(12)[0]).toHaveTextContent(
      new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'medium' }).format(
        Date.parse(roleUpdated.at),
      ),
    );
    expect(cells(12)[1]).toHaveTextContent('修改角色');
    expect(cells(12)[3]).toHaveTextContent('角色 #3');
    expect(cells(11)[1]).toHaveTextContent('登录失败');
    expect(cells(11)[2]).toHaveTextContent('未登录');
    expect(
      within(screen.getByLabelText('操作'))
        .getAllByRole('option')
        .map((option) => option.textContent)
        .slice(0, 3),
    ).toEqual(['全部操作', '登录', '登录失败']);
  });

  it('is closed to staff without the permission, and not in their sidebar', async () => {
    const other = logInAsStaff(['roles.manage']);
    const api = fakeApi({ 'GET /me': ok(other), 'GET /admin/audit': ok(page([])) });
    renderRoute(routes, '/admin/audit');
    expect(await screen.findByTestId('no-access')).toHaveTextContent(
      'It needs the permission “View the audit log”',
    );
    expect(api.calls('GET /admin/audit')).toHaveLength(0);
    expect(
      within(screen.getByRole('navigation', { name: 'Admin sections' })).queryByRole('link', {
        name: 'Audit log',
      }),
    ).toBeNull();
  });

  it('shows the no-access state when the API says the permission is gone', async () => {
    fakeApi({
      'GET /me': ok(user),
      'GET /admin/audit': fail(403, 'FORBIDDEN', 'You may not do this.'),
    });
    renderRoute(routes, '/admin/audit');
    expect(await screen.findByTestId('no-access')).toHaveTextContent(
      'You have no access to this section',
    );
    expect(screen.queryByText('You may not do this.')).toBeNull();
  });

  it('is listed on the overview with what it is for', async () => {
    fakeApi({ 'GET /me': ok(user) });
    renderRoute(routes, '/admin');
    const item = within(await screen.findByTestId('admin-sections'))
      .getByRole('link', { name: 'Audit log' })
      .closest('li')!;
    expect(item.querySelector('a')).toHaveAttribute('href', '/admin/audit');
    expect(item).toHaveTextContent('What staff did and the security events of accounts');
  });
});

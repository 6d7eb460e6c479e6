import type { SiteSettings } from '@folio/schema';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../lib/i18n';
import { logInAsStaff } from '../../test/admin';
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

const settings: SiteSettings = {
  siteName: 'Folio',
  registration: { phone: true, email: true },
  captchaAfterFailedLogins: 3,
  commentsOpen: true,
};

describe('/admin/settings', () => {
  let user: ReturnType<typeof logInAsStaff>;

  beforeEach(() => {
    setLocale('en');
    vi.stubGlobal('scrollTo', vi.fn());
    user = logInAsStaff(['system.settings']);
  });

  it('shows the settings, saves only what changed, and says it saved', async () => {
    const api = fakeApi({
      'GET /me': ok(user),
      'GET /admin/settings': ok(settings),
      'PATCH /admin/settings': ok({
        ...settings,
        siteName: 'Quill',
        registration: { phone: false, email: true },
        captchaAfterFailedLogins: 5,
      }),
    });
    renderRoute(routes, '/admin/settings');
    const name = await screen.findByLabelText('Site name');
    expect(name).toHaveValue('Folio');
    expect(screen.getByRole('switch', { name: 'By phone (SMS code)' })).toBeChecked();
    expect(screen.getByRole('switch', { name: 'By email (link)' })).toBeChecked();
    expect(screen.getByLabelText('Captcha after failed logins')).toHaveValue(3);
    expect(
      screen.getByRole('switch', { name: 'Open: readers may write new comments' }),
    ).toBeChecked();
    const crumbs = within(screen.getByRole('navigation', { name: 'Breadcrumb' }));
    expect(crumbs.getByText('Settings')).toHaveAttribute('aria-current', 'page');

    fireEvent.change(name, { target: { value: 'Quill' } });
    fireEvent.click(screen.getByRole('switch', { name: 'By phone (SMS code)' }));
    fireEvent.change(screen.getByLabelText('Captcha after failed logins'), {
      target: { value: '5' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The settings are saved.')).toBeInTheDocument();
    expect(api.calls('PATCH /admin/settings')[0]?.body).toEqual({
      siteName: 'Quill',
      registration: { phone: false },
      captchaAfterFailedLogins: 5,
    });

    // Saving again with nothing changed sends nothing.
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Nothing changed.')).toBeInTheDocument();
    expect(api.calls('PATCH /admin/settings')).toHaveLength(1);
  });

  it('says which settings are the server’s, and resets one staff set to it', async () => {
    const stored = { ...settings, siteName: 'Quill', commentsOpen: false };
    const api = fakeApi({
      'GET /me': ok(user),
      'GET /admin/settings': ok(stored),
      'GET /admin/settings/defaults': [
        ok({ defaults: settings, stored: ['siteName', 'commentsOpen'] }),
        ok({ defaults: settings, stored: ['commentsOpen'] }),
      ],
      'DELETE /admin/settings/siteName': ok({ ...stored, siteName: 'Folio' }),
    });
    renderRoute(routes, '/admin/settings');
    const name = await screen.findByLabelText('Site name');
    expect(name).toHaveValue('Quill');
    expect(await screen.findByTestId('default-siteName')).toHaveTextContent(
      'Server default: Folio',
    );
    expect(screen.getByTestId('default-commentsOpen')).toHaveTextContent('Server default: on');
    expect(screen.getByTestId('default-registration.phone')).toHaveTextContent(
      'Server default in use',
    );
    expect(screen.getAllByRole('button', { name: /^Reset “/ })).toHaveLength(2);
    // What is typed elsewhere stays.
    fireEvent.change(screen.getByLabelText('Captcha after failed logins'), {
      target: { value: '9' },
    });

    fireEvent.click(
      screen.getByRole('button', { name: 'Reset “Site name” to the server default' }),
    );
    expect(
      await screen.findByText('“Site name” is back to the server default.'),
    ).toBeInTheDocument();
    expect(api.calls('DELETE /admin/settings/siteName')).toHaveLength(1);
    expect(name).toHaveValue('Folio');
    expect(screen.getByLabelText('Captcha after failed logins')).toHaveValue(9);
    await waitFor(() =>
      expect(screen.getByTestId('default-siteName')).toHaveTextContent('Server default in use'),
    );
    expect(
      screen.getByRole('switch', { name: 'Open: readers may write new comments' }),
    ).not.toBeChecked();
  });

  it('says it in Chinese', async () => {
    setLocale('zh-CN');
    fakeApi({
      'GET /me': ok(user),
      'GET /admin/settings': ok({ ...settings, commentsOpen: false }),
      'GET /admin/settings/defaults': ok({ defaults: settings, stored: ['commentsOpen'] }),
    });
    renderRoute(routes, '/admin/settings');
    expect(await screen.findByTestId('default-commentsOpen')).toHaveTextContent(
      '服务器默认值：开启',
    );
    expect(screen.getByTestId('default-siteName')).toHaveTextContent('正在使用服务器默认值');
    expect(
      screen.getByRole('button', { name: /^将“开放：读者可以发表新评论”恢复为服务器默认值$/ }),
    ).toHaveTextContent('恢复默认值');
  });

  it('checks the fields with the API’s schema before sending', async () => {
    const api = fakeApi({ 'GET /me': ok(user), 'GET /admin/settings': ok(settings) });
    renderRoute(routes, '/admin/settings');
    fireEvent.change(await screen.findByLabelText('Site name'), { target: { value: '   ' } });
    fireEvent.change(screen.getByLabelText('Captcha after failed logins'), {
      target: { value: '' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('A site name is 1 to 60 characters.')).toBeInTheDocument();
    expect(screen.getByText('Use a whole number from 0 to 100.')).toBeInTheDocument();
    expect(screen.getByLabelText('Site name')).toHaveAttribute('aria-invalid', 'true');
    expect(api.calls('PATCH /admin/settings')).toHaveLength(0);
  });

  it('shows the API’s field messages under their fields, in Chinese too', async () => {
    setLocale('zh-CN');
    fakeApi({
      'GET /me': ok(user),
      'GET /admin/settings': ok(settings),
      'PATCH /admin/settings': fail(422, 'VALIDATION_FAILED', '部分字段填写有误。', {
        'registration.email': 'booleanRequired',
        siteName: '站点名称为 1 到 60 个字符。',
      }),
    });
    renderRoute(routes, '/admin/settings');
    fireEvent.click(await screen.findByRole('switch', { name: '邮箱注册（验证链接）' }));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    const email = screen.getByRole('switch', { name: '邮箱注册（验证链接）' });
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email.parentElement).toHaveTextContent('必须是 true 或 false。');
    expect(screen.getByLabelText('站点名称').parentElement).toHaveTextContent(
      '站点名称为 1 到 60 个字符。',
    );
  });

  it('shows the no-access state without the permission', async () => {
    const staff = logInAsStaff(['roles.manage']);
    const api = fakeApi({ 'GET /me': ok(staff) });
    renderRoute(routes, '/admin/settings');
    expect(await screen.findByTestId('no-access')).toHaveTextContent(
      'You have no access to this section',
    );
    expect(api.calls('GET /admin/settings')).toHaveLength(0);
  });

  it('lists settings and the outbox among the sections', async () => {
    fakeApi({ 'GET /me': ok(user) });
    renderRoute(routes, '/admin');
    const sections = await screen.findByTestId('admin-sections');
    expect(within(sections).getByRole('link', { name: 'Settings' })).toHaveAttribute(
      'href',
      '/admin/settings',
    );
    expect(within(sections).getByRole('link', { name: 'Outbox' })).toHaveAttribute(
      'href',
      '/admin/outbox',
    );
  });
});

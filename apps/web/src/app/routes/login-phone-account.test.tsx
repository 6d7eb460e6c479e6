import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../lib/i18n';
import { authResult, fakeApi, ok } from '../../test/fake-api';
import { renderRoute } from '../../test/render-route';
import { ForgotPasswordPage } from './forgot-password-page';
import { LoginPage } from './login-page';

const routes = [
  { path: '/login', element: <LoginPage /> },
  { path: '/forgot-password', element: <ForgotPasswordPage /> },
  { path: '/reset-password', element: <h1>Reset</h1> },
  { path: '/', element: <h1>Home</h1> },
];

const typeInto = (label: string, value: string, selector = 'input') =>
  fireEvent.change(screen.getByLabelText(label, { selector }), { target: { value } });

describe('an account typed as a phone number without its country code', () => {
  beforeEach(() => setLocale('en'));

  it('logs in with the number read in the language’s country (zh-CN: China)', async () => {
    setLocale('zh-CN');
    const api = fakeApi({
      'GET /auth/oauth/providers': ok([]),
      'POST /auth/login': ok(authResult('t1')),
    });
    const router = renderRoute(routes, '/login');
    await screen.findByRole('heading', { name: '登录' });
    typeInto('邮箱或手机号', '13973373854');
    typeInto('密码', 'secret password');
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(api.calls('POST /auth/login')[0]?.body).toMatchObject({ account: '+8613973373854' });
  });

  it('says plainly when the number cannot be read, and sends nothing', async () => {
    const api = fakeApi({
      'GET /auth/oauth/providers': ok([]),
      'POST /auth/login': ok(authResult('t1')),
    });
    const router = renderRoute(routes, '/login');
    await screen.findByRole('heading', { name: 'Log in' });
    // A Chinese mobile number is no US number.
    typeInto('Email or phone', '13973373854');
    typeInto('Password', 'secret password');
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    const account = screen.getByLabelText('Email or phone');
    expect(
      await screen.findByText(
        'This phone number cannot be read. Type it with its country code, like +86 139 1234 5678.',
      ),
    ).toHaveAttribute('id', account.getAttribute('aria-describedby')?.split(' ')[0]);
    expect(account).toHaveAttribute('aria-invalid', 'true');
    expect(api.calls('POST /auth/login')).toHaveLength(0);

    typeInto('Email or phone', '+86 139 7337 3854');
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(api.calls('POST /auth/login')[0]?.body).toMatchObject({ account: '+8613973373854' });
  });

  it('does the same when asking for a password reset', async () => {
    const api = fakeApi({ 'POST /auth/password/forgot': ok({ accepted: true }) });
    const router = renderRoute(routes, '/forgot-password');
    await screen.findByRole('heading', { name: 'Forgot your password?' });
    typeInto('Email or phone', '13973373854');
    fireEvent.click(screen.getByRole('button', { name: /send/i }));
    expect(await screen.findByTestId('field-error')).toHaveTextContent(
      'This phone number cannot be read.',
    );
    expect(api.calls('POST /auth/password/forgot')).toHaveLength(0);

    typeInto('Email or phone', '(201) 555-0123');
    fireEvent.click(screen.getByRole('button', { name: /send/i }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/reset-password'));
    expect(api.calls('POST /auth/password/forgot')[0]?.body).toEqual({ account: '+12015550123' });
  });
});

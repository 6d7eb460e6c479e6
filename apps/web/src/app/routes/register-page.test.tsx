import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { getAuthState } from '../../lib/auth-store';
import { setLocale } from '../../lib/i18n';
import { authResult, captcha, fail, fakeApi, ok, site } from '../../test/fake-api';
import { renderRoute } from '../../test/render-route';
import { RegisterPage } from './register-page';

const routes = [
  { path: '/register', element: <RegisterPage /> },
  { path: '/account', element: <h1>Account</h1> },
];

const field = (label: string) => screen.getByLabelText(label, { selector: 'input' });
const type = (label: string, value: string) =>
  fireEvent.change(field(label), { target: { value } });

describe('/register', () => {
  beforeEach(() => setLocale('en'));

  it('by phone: sends a code for the E.164 number, then registers and logs in', async () => {
    const api = fakeApi({
      'GET /captcha': ok(captcha('c1')),
      'POST /auth/sms-codes': ok({ cooldownSeconds: 60, expiresInSeconds: 300 }),
      'POST /auth/register/phone': [
        fail(422, 'CODE_INVALID', 'The code is wrong, used or expired.', { code: 'codeWrong' }),
        ok(authResult('new-user')),
      ],
    });
    const router = renderRoute(routes, '/register');
    fireEvent.change(await screen.findByTestId('phone-country'), { target: { value: 'CN' } });
    type('Phone number', '138 0013 8000');
    await screen.findByRole('img', { name: 'Characters to type' });
    type('Picture code', 'abcd');
    fireEvent.click(screen.getByTestId('send-code'));
    expect(await screen.findByText('Resend in 60 s')).toBeInTheDocument();
    expect(api.calls('POST /auth/sms-codes')[0]?.body).toMatchObject({
      phone: '+8613800138000',
      purpose: 'register',
    });

    type('SMS code', '123456');
    type('Nickname', 'Lily');
    type('Password', 'a long enough password');
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('Wrong or expired code.')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/account'));
    expect(api.calls('POST /auth/register/phone')[1]?.body).toEqual({
      phone: '+8613800138000',
      code: '123456',
      nickname: 'Lily',
      password: 'a long enough password',
    });
    expect(getAuthState().status).toBe('authenticated');
  });

  it('by email: says to check the inbox, and shows a closed way clearly', async () => {
    const api = fakeApi({
      'GET /captcha': [ok(captcha('c1')), ok(captcha('c2'))],
      'POST /auth/register/email': [
        fail(403, 'REGISTRATION_CLOSED', 'Registration this way is closed.'),
        ok({ accepted: true }),
      ],
    });
    renderRoute(routes, '/register');
    fireEvent.click(await screen.findByRole('tab', { name: 'Email' }));
    type('Email', 'Lily@Example.com');
    type('Nickname', 'Lily');
    type('Password', 'a long enough password');
    await screen.findByRole('img', { name: 'Characters to type' });
    type('Picture code', 'abcd');
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Registration this way is closed.');

    await waitFor(() =>
      expect(screen.getByTestId('captcha-picture')).toHaveAttribute('data-captcha-id', 'c2'),
    );
    type('Picture code', 'efgh');
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('heading', { name: 'Check your inbox' })).toBeInTheDocument();
    expect(screen.getByText(/lily@example\.com/)).toBeInTheDocument();
    expect(api.calls('POST /auth/register/email')[1]?.body).toMatchObject({
      email: 'lily@example.com',
      captchaId: 'c2',
      captchaText: 'efgh',
    });
  });

  it('leaves out a way the site closed, and says when both are', async () => {
    fakeApi({
      'GET /site': ok({ ...site, registration: { phone: false, email: true } }),
      'GET /captcha': ok(captcha('c1')),
    });
    renderRoute(routes, '/register');
    expect(await screen.findByLabelText('Email', { selector: 'input' })).toBeInTheDocument();
    expect(screen.queryByRole('tab')).toBeNull();
    expect(screen.queryByLabelText('Phone number', { selector: 'input' })).toBeNull();
  });

  it('says registration is closed when both ways are, in Chinese too', async () => {
    setLocale('zh-CN');
    fakeApi({ 'GET /site': ok({ ...site, registration: { phone: false, email: false } }) });
    renderRoute(routes, '/register');
    expect(await screen.findByTestId('registration-closed')).toHaveTextContent('暂时关闭了注册。');
    expect(screen.queryByRole('button', { name: '注册' })).toBeNull();
    expect(screen.queryByRole('tab')).toBeNull();
  });
});

import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { getAuthState, setSession } from '../../lib/auth-store';
import { setLocale } from '../../lib/i18n';
import { authResult, captcha, fail, fakeApi, ok } from '../../test/fake-api';
import { renderRoute } from '../../test/render-route';
import { AccountLayout } from '../layouts/account-layout';
import { AccountSessionsPage } from './account-sessions-page';
import { LoginPage } from './login-page';

const routes = [
  { path: '/login', element: <LoginPage /> },
  { path: '/', element: <h1>Home</h1> },
  {
    path: '/account',
    element: <AccountLayout />,
    children: [{ path: 'sessions', element: <AccountSessionsPage /> }],
  },
];

function fillLogin(account: string, password: string) {
  fireEvent.change(screen.getByLabelText('Email or phone'), { target: { value: account } });
  fireEvent.change(screen.getByLabelText('Password', { selector: 'input' }), {
    target: { value: password },
  });
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Log in' }));

describe('/login', () => {
  beforeEach(() => setLocale('en'));

  it('shows the picture captcha when the API asks for it, and sends its answer', async () => {
    const api = fakeApi({
      'GET /auth/oauth/providers': ok([]),
      'GET /captcha': [ok(captcha('c1')), ok(captcha('c2'))],
      'POST /auth/login': [
        fail(422, 'CAPTCHA_REQUIRED', 'Please type the characters in the picture.'),
        fail(422, 'CAPTCHA_INVALID', 'The picture code is wrong.', {
          captchaText: 'captchaWrong',
        }),
        ok(authResult('t1')),
      ],
    });
    const router = renderRoute(routes, '/login');
    await screen.findByRole('heading', { name: 'Log in' });
    expect(screen.queryByLabelText('Picture code')).not.toBeInTheDocument();

    fillLogin('lily@example.com', 'wrong-password');
    submit();
    expect(await screen.findByText('Please type the characters in the picture.')).toBeVisible();
    const captchaInput = await screen.findByLabelText('Picture code');
    expect(api.calls('POST /auth/login')[0]?.body).not.toHaveProperty('captchaId');

    // The captcha is required from now on: empty, the form does not go.
    submit();
    expect(await screen.findByText('Required.')).toBeInTheDocument();
    expect(api.calls('POST /auth/login')).toHaveLength(1);

    await screen.findByRole('img', { name: 'Characters to type' });
    fireEvent.change(captchaInput, { target: { value: 'xx' } });
    submit();
    expect(await screen.findByText('Wrong picture code.')).toBeInTheDocument();
    expect(api.calls('POST /auth/login')[1]?.body).toMatchObject({
      account: 'lily@example.com',
      captchaId: 'c1',
      captchaText: 'xx',
    });
    // Each picture answers one try: a new one came, the old answer is gone.
    await waitFor(() => expect(api.calls('GET /captcha')).toHaveLength(2));
    expect(captchaInput).toHaveValue('');

    await waitFor(() =>
      expect(screen.getByTestId('captcha-picture')).toHaveAttribute('data-captcha-id', 'c2'),
    );
    fireEvent.change(captchaInput, { target: { value: 'right' } });
    submit();
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(api.calls('POST /auth/login')[2]?.body).toMatchObject({
      captchaId: 'c2',
      captchaText: 'right',
    });
    expect(getAuthState()).toMatchObject({ status: 'authenticated', accessToken: 't1' });
    expect(await screen.findByText('Welcome back, Lily!')).toBeInTheDocument();
  });

  it('shows the picture as soon as a failed login says the next attempt needs it', async () => {
    const refused = fail(401, 'CREDENTIALS_INVALID', 'The account or password is wrong.');
    const api = fakeApi({
      'GET /auth/oauth/providers': ok([]),
      'GET /captcha': ok(captcha('c1')),
      'POST /auth/login': [
        { ...refused, body: { ...(refused.body as object), captchaRequired: true } },
        ok(authResult('t1')),
      ],
    });
    renderRoute(routes, '/login');
    await screen.findByRole('heading', { name: 'Log in' });
    fillLogin('lily@example.com', 'wrong-password');
    submit();
    expect(await screen.findByText('The account or password is wrong.')).toBeInTheDocument();
    // Before the second try, not after it has been refused for want of a picture.
    const captchaInput = await screen.findByLabelText('Picture code');
    expect(api.calls('POST /auth/login')).toHaveLength(1);
    fillLogin('lily@example.com', 'right-password');
    fireEvent.change(captchaInput, { target: { value: 'abcde' } });
    submit();
    await waitFor(() => expect(api.calls('POST /auth/login')).toHaveLength(2));
    expect(api.calls('POST /auth/login')[1]?.body).toMatchObject({
      captchaId: 'c1',
      captchaText: 'abcde',
    });
  });

  it('shows the API field errors under their fields', async () => {
    fakeApi({
      'GET /auth/oauth/providers': ok([]),
      'POST /auth/login': fail(422, 'VALIDATION_FAILED', 'Some fields are not valid.', {
        account: 'Not an email address or a phone number.',
        password: 'passwordLength',
      }),
    });
    renderRoute(routes, '/login');
    fillLogin('someone', 'short');
    submit();

    const account = screen.getByLabelText('Email or phone');
    expect(await screen.findByText('Not an email address or a phone number.')).toHaveAttribute(
      'id',
      account.getAttribute('aria-describedby')?.split(' ')[0],
    );
    expect(account).toHaveAttribute('aria-invalid', 'true');
    // A FIELD_MESSAGES key comes out in the reader's language.
    expect(screen.getByText('Use 8 to 128 characters.')).toBeInTheDocument();
  });

  it('checks the form with the shared schema before asking the API', async () => {
    const api = fakeApi({ 'GET /auth/oauth/providers': ok([]) });
    setLocale('zh-CN');
    renderRoute(routes, '/login');
    fireEvent.click(await screen.findByRole('button', { name: '登录' }));
    expect(await screen.findAllByText('必填。')).toHaveLength(2);
    expect(api.calls('POST /auth/login')).toHaveLength(0);
  });

  it('says why a locked account cannot log in, and offers a new link to a pending one', async () => {
    const api = fakeApi({
      'GET /auth/oauth/providers': ok([]),
      'POST /auth/login': [
        fail(403, 'ACCOUNT_LOCKED', 'This account is locked until 2026-05-01 10:00 UTC.'),
        fail(403, 'ACCOUNT_PENDING', 'Please verify your email address first.'),
      ],
      'POST /auth/verify-email/resend': ok({ accepted: true }),
    });
    renderRoute(routes, '/login');
    fillLogin('lily@example.com', 'some password');
    submit();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This account is locked until 2026-05-01 10:00 UTC.',
    );

    submit();
    fireEvent.click(await screen.findByRole('button', { name: 'Send the link again' }));
    await waitFor(() => expect(api.calls('POST /auth/verify-email/resend')).toHaveLength(1));
    expect(api.calls('POST /auth/verify-email/resend')[0]?.body).toEqual({
      email: 'lily@example.com',
    });
  });

  it('sends a phone typed without its country code in E.164', async () => {
    const api = fakeApi({
      'GET /auth/oauth/providers': ok([]),
      'POST /auth/login': fail(401, 'CREDENTIALS_INVALID', 'The account or password is wrong.'),
    });
    setLocale('zh-CN');
    renderRoute(routes, '/login');
    fireEvent.change(await screen.findByLabelText('邮箱或手机号'), {
      target: { value: '138 0013 8000' },
    });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'password1' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByText('The account or password is wrong.')).toBeInTheDocument();
    expect(api.calls('POST /auth/login')[0]?.body).toMatchObject({ account: '+8613800138000' });
  });
});

describe('pages that need a login', () => {
  beforeEach(() => setLocale('en'));

  it('send the person to log in, then back where they were going', async () => {
    const api = fakeApi({
      'GET /auth/oauth/providers': ok([]),
      'POST /auth/login': ok(authResult('fresh')),
      'GET /me/sessions': ok([
        {
          id: 'sess-current-0000001',
          device: null,
          browser: 'Chrome 140',
          os: 'Linux',
          ip: '127.0.0.1',
          createdAt: '2026-01-01T00:00:00.000Z',
          lastUsedAt: '2026-01-01T00:00:00.000Z',
          current: true,
        },
      ]),
    });
    const router = renderRoute(routes, '/account/sessions');

    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(router.state.location.search).toBe('?next=%2Faccount%2Fsessions');
    fillLogin('lily@example.com', 'correct horse');
    submit();

    await waitFor(() => expect(router.state.location.pathname).toBe('/account/sessions'));
    expect(await screen.findByText('This device')).toBeInTheDocument();
    expect(api.calls('GET /me/sessions')[0]?.headers.get('Authorization')).toBe('Bearer fresh');
  });

  it('never follow a next that leaves the site', async () => {
    fakeApi({ 'GET /auth/oauth/providers': ok([]), 'POST /auth/login': ok(authResult()) });
    const router = renderRoute(routes, '/login?next=//evil.example/steal');
    fillLogin('lily@example.com', 'correct horse');
    submit();
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });

  it('show a spinner, not the login page, while the start-up refresh is out', async () => {
    setSession(authResult());
    fakeApi({ 'GET /me/sessions': ok([]) });
    const router = renderRoute(routes, '/account/sessions');
    expect(await screen.findByRole('heading', { name: 'Sessions' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/account/sessions');
  });
});

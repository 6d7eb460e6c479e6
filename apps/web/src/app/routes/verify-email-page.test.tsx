import { cleanup, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearSession, setSession } from '../../lib/auth-store';
import { setLocale } from '../../lib/i18n';
import { authResult, fail, fakeApi } from '../../test/fake-api';
import { renderRoute } from '../../test/render-route';
import { VerifyEmailPage } from './verify-email-page';

const routes = [{ path: '/verify-email', element: <VerifyEmailPage /> }];

const base64url = (value: object) =>
  btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** A link as the API mails it: a JWT for the account (`sub`) and the address it was sent to. */
const link = (sub: string, email: string) =>
  `/verify-email?token=${[
    base64url({ alg: 'HS256', typ: 'JWT' }),
    base64url({
      sub,
      email,
      typ: 'link',
      jti: 'j1',
      exp: 2_000_000_000,
      aud: 'folio:verify-email',
    }),
    'signature',
  ].join('.')}`;

const used = fail(422, 'TOKEN_INVALID', 'This link is invalid, used or expired.', {
  token: 'tokenInvalid',
});

describe('/verify-email with a link used already', () => {
  beforeEach(() => setLocale('en'));

  it('tells its owner, logged in, that the address is verified instead of "invalid"', async () => {
    setSession(authResult());
    const api = fakeApi({ 'POST /auth/verify-email': used });
    renderRoute(routes, link('7', 'lily@example.com'));
    expect(
      await screen.findByText(
        'Your email address lily@example.com is already verified, and you are logged in.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to your account' })).toHaveAttribute(
      'href',
      '/account',
    );
    expect(screen.queryByText('This link is invalid, used or expired.')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send the link again' })).not.toBeInTheDocument();
    expect(api.calls('POST /auth/verify-email')).toHaveLength(1);
  });

  it('says so in Chinese too', async () => {
    setLocale('zh-CN');
    setSession(authResult());
    fakeApi({ 'POST /auth/verify-email': used });
    renderRoute(routes, link('7', 'lily@example.com'));
    expect(
      await screen.findByText('你的邮箱 lily@example.com 已经验证过了，你已登录。'),
    ).toBeInTheDocument();
  });

  it('keeps "invalid" and the resend form when nobody is logged in', async () => {
    clearSession();
    fakeApi({ 'POST /auth/verify-email': used });
    renderRoute(routes, link('7', 'lily@example.com'));
    expect(await screen.findByText('This link is invalid, used or expired.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send the link again' })).toBeInTheDocument();
  });

  it('keeps "invalid" for a link of another account or address', async () => {
    setSession(authResult());
    fakeApi({ 'POST /auth/verify-email': used });
    renderRoute(routes, link('8', 'lily@example.com'));
    expect(await screen.findByTestId('verify-failed')).toBeInTheDocument();
    cleanup();

    renderRoute(routes, link('7', 'other@example.com'));
    expect(await screen.findByTestId('verify-failed')).toBeInTheDocument();
  });
});

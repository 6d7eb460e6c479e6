import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { REFRESH_COOKIE } from '../src/modules/auth/session';
import { buildTestApp, makeUser, sessionFor } from './helpers';
import { addWhoami, expectFailure, refreshCookie, uniqueIp, WHOAMI } from './auth-helpers';

let app: App;
beforeAll(async () => {
  ({ app } = await buildTestApp({ SITE_ORIGIN: 'https://folio.example' }));
  addWhoami(app);
});
afterAll(() => app.close());

async function login(remember = false) {
  const user = await makeUser(app);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: uniqueIp(),
    payload: { account: user.email, password: user.password, remember },
  });
  expect(res.statusCode).toBe(200);
  return {
    user,
    accessToken: res.json().data.accessToken as string,
    cookie: refreshCookie(res)!.value,
  };
}

function refresh(cookie: string | undefined, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/refresh',
    headers,
    ...(cookie !== undefined && { cookies: { [REFRESH_COOKIE]: cookie } }),
  });
}

const whoami = (accessToken: string) =>
  app.inject({ method: 'GET', url: WHOAMI, headers: { authorization: `Bearer ${accessToken}` } });

function expectCleared(res: Parameters<typeof refreshCookie>[0]) {
  const cookie = refreshCookie(res);
  expect(cookie).toBeDefined();
  expect(cookie!.value).toBe('');
  expect(cookie).toMatchObject({ path: '/api/v1/auth' });
  expect((cookie as { expires?: Date }).expires!.getTime()).toBeLessThan(Date.now());
}

describe('POST /auth/refresh', () => {
  it('rotates the refresh token and answers a new access token and the account', async () => {
    const { user, cookie } = await login();
    const res = await refresh(cookie, { origin: 'https://folio.example' });
    expect(res.statusCode).toBe(200);
    const { data } = res.json();
    expect(data).toMatchObject({ expiresIn: 900, user: { id: user.id, email: user.email } });
    const next = refreshCookie(res)!;
    expect(next.value).not.toBe(cookie);
    expect(next.value.split('.')[0]).toBe(cookie.split('.')[0]);
    expect(next).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });
    // Not "remembered": still a browser-session cookie.
    expect(next.maxAge).toBeUndefined();
    expect((await whoami(data.accessToken)).statusCode).toBe(200);
    // And the new one rotates again.
    expect((await refresh(next.value)).statusCode).toBe(200);
  });

  it('keeps "remember me" across rotations', async () => {
    const { cookie } = await login(true);
    const res = await refresh(cookie);
    expect(refreshCookie(res)!.maxAge).toBe(30 * 24 * 3600);
  });

  it('ends the session when an already-rotated token comes back', async () => {
    const { cookie, accessToken } = await login();
    const rotated = await refresh(cookie);
    const current = refreshCookie(rotated)!.value;
    const newAccess = rotated.json().data.accessToken as string;

    const replay = await refresh(cookie);
    expect(expectFailure(replay, 401, 'SESSION_EXPIRED').location).toBe('/login');
    expectCleared(replay);
    // Everything of that session is dead: the rightful current token and both access tokens.
    expectFailure(await refresh(current), 401, 'UNAUTHENTICATED');
    expectFailure(await whoami(newAccess), 401, 'SESSION_EXPIRED');
    expectFailure(await whoami(accessToken), 401, 'SESSION_EXPIRED');
  });

  it('refuses another Origin without touching the session', async () => {
    const { cookie } = await login();
    for (const origin of ['https://evil.example', 'null', 'https://folio.example:8443']) {
      const res = await refresh(cookie, { origin });
      expect(expectFailure(res, 403, 'ORIGIN_FORBIDDEN').msg).toBe(
        'This request came from another site.',
      );
      expect(refreshCookie(res)).toBeUndefined();
    }
    expect((await refresh(cookie)).statusCode).toBe(200);
  });

  it('answers a missing, malformed or unknown token with 401 and clears the cookie', async () => {
    const { cookie } = await login();
    const [sid] = cookie.split('.');
    for (const bad of [undefined, '', 'garbage', `${sid}.wrong-secret`, `${'A'.repeat(24)}.x`]) {
      const res = await refresh(bad);
      expectFailure(res, 401, 'UNAUTHENTICATED');
      expectCleared(res);
    }
    // A wrong secret for a live session does not end it.
    expect((await refresh(cookie)).statusCode).toBe(200);
  });

  it('refuses and ends the session of a user locked or deleted since', async () => {
    const locked = await login();
    await app.users.update(locked.user.id, { status: 'locked' });
    const res = await refresh(locked.cookie);
    expectFailure(res, 403, 'ACCOUNT_DISABLED');
    expectCleared(res);
    expectFailure(await whoami(locked.accessToken), 401, 'SESSION_EXPIRED');

    const deleted = await login();
    await app.users.softDelete(deleted.user.id);
    expectFailure(await refresh(deleted.cookie), 401, 'SESSION_EXPIRED');
    expect(await app.sessions.get(deleted.cookie.split('.')[0]!)).toBeNull();
  });
});

describe('POST /auth/logout', () => {
  const logout = (opts: { accessToken?: string; cookie?: string }) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: opts.accessToken ? { authorization: `Bearer ${opts.accessToken}` } : {},
      ...(opts.cookie && { cookies: { [REFRESH_COOKIE]: opts.cookie } }),
    });

  it('ends the session at once: its access token and refresh token stop working', async () => {
    const { user, accessToken, cookie } = await login();
    const other = await sessionFor(app, user.id);
    expect((await whoami(accessToken)).statusCode).toBe(200);

    const res = await logout({ accessToken, cookie });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ data: { accepted: true }, msg: 'You have logged out.' });
    expectCleared(res);
    expect(expectFailure(await whoami(accessToken), 401, 'SESSION_EXPIRED').location).toBe(
      '/login',
    );
    expectFailure(await refresh(cookie), 401, 'UNAUTHENTICATED');
    // Only this session.
    expect((await whoami(other.accessToken)).statusCode).toBe(200);
  });

  it('ends the session named by the refresh cookie when there is no access token', async () => {
    const { accessToken, cookie } = await login();
    expect((await logout({ cookie })).statusCode).toBe(200);
    expectFailure(await whoami(accessToken), 401, 'SESSION_EXPIRED');
  });

  it('falls back to the cookie when the access token is no good', async () => {
    const { accessToken, cookie } = await login();
    expect((await logout({ accessToken: 'not.a.jwt', cookie })).statusCode).toBe(200);
    expectFailure(await whoami(accessToken), 401, 'SESSION_EXPIRED');
  });

  it('does not end a session for a cookie with the wrong secret, and answers anyway', async () => {
    const { accessToken, cookie } = await login();
    const [sid] = cookie.split('.');
    const res = await logout({ cookie: `${sid}.not-the-secret` });
    expect(res.statusCode).toBe(200);
    expectCleared(res);
    expect((await whoami(accessToken)).statusCode).toBe(200);
    expect((await logout({})).statusCode).toBe(200);
  });
});

describe('the auth endpoints in the API document', () => {
  it('lists every endpoint with its success and failure responses', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const expected: Record<string, string[]> = {
      '/api/v1/auth/sms-codes': ['202', '401', '403', '422', '429'],
      '/api/v1/auth/register/phone': ['201', '403', '409', '422', '429'],
      '/api/v1/auth/register/email': ['202', '403', '422', '429'],
      '/api/v1/auth/verify-email': ['200', '403', '422'],
      '/api/v1/auth/verify-email/resend': ['202', '422', '429'],
      '/api/v1/auth/login': ['200', '401', '403', '422'],
      '/api/v1/auth/login/sms': ['200', '403', '422', '429'],
      '/api/v1/auth/refresh': ['200', '401', '403'],
      '/api/v1/auth/logout': ['200'],
      '/api/v1/auth/password/forgot': ['202', '422', '429'],
      '/api/v1/auth/password/reset': ['200', '422', '429'],
    };
    for (const [path, statuses] of Object.entries(expected)) {
      const op = doc.paths[path]?.post;
      expect(op, path).toBeDefined();
      expect(op.tags).toEqual(['auth']);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining([...statuses, '503']));
    }
    expect(
      doc.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema,
    ).toBeDefined();
  });
});

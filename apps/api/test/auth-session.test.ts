import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { createSigner } from 'fast-jwt';
import { deriveKey } from '../src/lib/keys';
import { REFRESH_GRACE_MS } from '../src/modules/sessions/store';
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

const REFRESH_COOKIE = 'folio_refresh';
const SITE = { origin: 'https://folio.example' };

function refresh(cookie: string | undefined, headers: Record<string, string> = SITE) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/refresh',
    headers,
    ...(cookie !== undefined && { cookies: { [REFRESH_COOKIE]: cookie } }),
  });
}

/** Moves a session's last rotation `ms` into the past, as if that much time had gone by. */
async function ageRotation(cookie: string, ms: number) {
  const key = `sess:${cookie.split('.')[0]}`;
  const session = JSON.parse((await app.redis.get(key))!) as { rotatedAt: number };
  session.rotatedAt -= ms;
  await app.redis.set(key, JSON.stringify(session), 'KEEPTTL');
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

    await ageRotation(cookie, REFRESH_GRACE_MS + 1);
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
    // A forged token for a live session does not end it.
    expect((await refresh(`${sid}.2.forged`)).statusCode).toBe(401);
    expect((await refresh(`${sid}.0.${cookie.split('.')[2]}`)).statusCode).toBe(401);
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

describe('refresh token families', () => {
  it('gives two tabs that refresh with the same cookie at once the same new token', async () => {
    const { cookie } = await login();
    const [a, b] = await Promise.all([refresh(cookie), refresh(cookie)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const next = refreshCookie(a)!.value;
    expect(refreshCookie(b)!.value).toBe(next);
    expect(next).not.toBe(cookie);
    for (const res of [a, b]) {
      expect((await whoami(res.json().data.accessToken as string)).statusCode).toBe(200);
    }
    // The session goes on from the shared new token.
    expect((await refresh(next)).statusCode).toBe(200);
  });

  it('ends the whole session when a token three rotations old comes back', async () => {
    const { cookie: first } = await login();
    let current = first;
    const accessTokens: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await refresh(current);
      expect(res.statusCode).toBe(200);
      current = refreshCookie(res)!.value;
      accessTokens.push(res.json().data.accessToken as string);
    }
    const replay = await refresh(first);
    expectFailure(replay, 401, 'SESSION_EXPIRED');
    expectCleared(replay);
    expectFailure(await refresh(current), 401, 'UNAUTHENTICATED');
    for (const token of accessTokens) expectFailure(await whoami(token), 401, 'SESSION_EXPIRED');
    expect(await app.sessions.get(first.split('.')[0]!)).toBeNull();
  });

  it('counts the token just traded as stolen once the grace window is over', async () => {
    const { cookie } = await login();
    const next = refreshCookie(await refresh(cookie))!.value;
    await ageRotation(cookie, REFRESH_GRACE_MS + 1);
    expectFailure(await refresh(cookie), 401, 'SESSION_EXPIRED');
    expectFailure(await refresh(next), 401, 'UNAUTHENTICATED');
  });

  it('needs the Origin header, or Sec-Fetch-Site: same-origin from a browser that omits it', async () => {
    const { cookie } = await login();
    expectFailure(await refresh(cookie, {}), 403, 'ORIGIN_FORBIDDEN');
    expectFailure(
      await refresh(cookie, { 'sec-fetch-site': 'cross-site' }),
      403,
      'ORIGIN_FORBIDDEN',
    );
    expect((await refresh(cookie, { 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
  });

  it('takes no loopback alias for a site that is not a loopback one', async () => {
    const { cookie } = await login();
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']) {
      expectFailure(await refresh(cookie, { origin }), 403, 'ORIGIN_FORBIDDEN');
    }
    expect((await refresh(cookie)).statusCode).toBe(200);
  });
});

describe('POST /auth/refresh on a loopback site', () => {
  let local: App;
  let logs: Record<string, unknown>[];
  beforeAll(async () => {
    ({ app: local, logs } = await buildTestApp(
      { SITE_ORIGIN: 'http://localhost:3000' },
      { captureLogs: true },
    ));
  });
  afterAll(() => local.close());

  async function localLogin() {
    const user = await makeUser(local);
    const res = await local.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: uniqueIp(),
      payload: { account: user.email, password: user.password },
    });
    expect(res.statusCode).toBe(200);
    return refreshCookie(res)!.value;
  }
  const localRefresh = (cookie: string, origin: string) =>
    local.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { origin },
      cookies: { [REFRESH_COOKIE]: cookie },
    });

  it('takes the site opened as localhost, 127.0.0.1 or [::1] on the same port', async () => {
    let cookie = await localLogin();
    for (const origin of ['http://127.0.0.1:3000', 'http://[::1]:3000', 'http://localhost:3000']) {
      const res = await localRefresh(cookie, origin);
      expect(res.statusCode, origin).toBe(200);
      cookie = refreshCookie(res)!.value;
    }
  });

  it('refuses another port or scheme, and logs one line naming SITE_ORIGIN and the Origin', async () => {
    const cookie = await localLogin();
    for (const origin of ['http://127.0.0.1:3001', 'https://localhost:3000']) {
      const before = logs.length;
      expectFailure(await localRefresh(cookie, origin), 403, 'ORIGIN_FORBIDDEN');
      const refusals = logs.slice(before).filter((l) => l.level === 40);
      expect(refusals).toHaveLength(1);
      expect(refusals[0]).toMatchObject({ siteOrigin: 'http://localhost:3000', origin });
      expect(refusals[0]!.msg).toContain('SITE_ORIGIN http://localhost:3000');
    }
    expect((await localRefresh(cookie, 'http://127.0.0.1:3000')).statusCode).toBe(200);
  });
});

describe('access tokens', () => {
  const sign = (claims: Record<string, unknown>, options: Record<string, unknown> = {}) =>
    createSigner({
      key: deriveKey(app.config.JWT_SECRET, 'access-token'),
      algorithm: 'HS256',
      ...options,
    })(claims) as unknown as string;

  it('refuses a token without aud, exp or typ even with the right key', async () => {
    const { user } = await login();
    const session = await sessionFor(app, user.id);
    const claims = { sub: String(user.id), sid: session.sid };
    const good = sign({ ...claims, typ: 'access' }, { aud: 'folio', expiresIn: 60_000 });
    expect((await whoami(good)).statusCode).toBe(200);
    for (const bad of [
      sign({ ...claims, typ: 'access' }, { expiresIn: 60_000 }),
      sign({ ...claims, typ: 'access' }, { aud: 'folio' }),
      sign(claims, { aud: 'folio', expiresIn: 60_000 }),
      sign({ ...claims, typ: 'link' }, { aud: 'folio', expiresIn: 60_000 }),
      sign({ ...claims, typ: 'access' }, { aud: 'folio:reset-password', expiresIn: 60_000 }),
    ]) {
      expectFailure(await whoami(bad), 401, 'UNAUTHENTICATED');
    }
  });

  it('refuses a token signed with the mailed links key', async () => {
    const { user } = await login();
    const session = await sessionFor(app, user.id);
    const forged = createSigner({
      key: deriveKey(app.config.JWT_SECRET, 'mail-link'),
      algorithm: 'HS256',
      aud: 'folio',
      expiresIn: 60_000,
    })({ sub: String(user.id), sid: session.sid, typ: 'access' }) as unknown as string;
    expectFailure(await whoami(forged), 401, 'UNAUTHENTICATED');
  });

  it("refuses a locked or deleted account's token on the next request and ends its session", async () => {
    const locked = await login();
    expect((await whoami(locked.accessToken)).statusCode).toBe(200);
    await app.users.update(locked.user.id, { status: 'locked' });
    expectFailure(await whoami(locked.accessToken), 403, 'ACCOUNT_DISABLED');
    expect(await app.sessions.list(locked.user.id)).toEqual([]);

    const deleted = await login();
    await app.users.softDelete(deleted.user.id);
    expectFailure(await whoami(deleted.accessToken), 401, 'SESSION_EXPIRED');
    expect(await app.sessions.list(deleted.user.id)).toEqual([]);
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

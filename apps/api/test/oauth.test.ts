import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { userIdentities } from '../src/db/schema';
import { attachPendingIdentity, checkPendingIdentity } from '../src/modules/oauth/pending';
import {
  expectFailure,
  mailedToken,
  smsCode,
  solvedCaptcha,
  uniqueEmail,
  uniqueIp,
} from './auth-helpers';
import { buildTestApp, forgetRedisKeys, makeUser, sessionFor, uniquePhone } from './helpers';
import { type OidcServer, signIn, startOidcServer } from './oidc-server';

/** The SPA's origin, which also serves the API; the provider sends browsers back to it. */
const SITE = 'http://folio.test';
const callbackFor = (id: string) => `${SITE}/api/v1/auth/oauth/${id}/callback`;

let idp: OidcServer;
let app: App;

beforeAll(async () => {
  const client = (id: string) => ({
    client_id: `folio-${id}`,
    client_secret: `${id}-secret-0123456789`,
    redirect_uris: [callbackFor(id)],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  });
  idp = await startOidcServer({ clients: [client('corp'), client('plain')] });
  ({ app } = await buildTestApp({
    SITE_ORIGIN: SITE,
    OAUTH_PROVIDERS: 'corp,plain',
    // OpenID Connect, found by discovery.
    OAUTH_CORP_NAME: 'Corp SSO',
    OAUTH_CORP_CLIENT_ID: 'folio-corp',
    OAUTH_CORP_CLIENT_SECRET: 'corp-secret-0123456789',
    OAUTH_CORP_ISSUER: idp.issuer,
    // Plain OAuth 2 by its endpoints (the same provider, another client): the account from userinfo.
    OAUTH_PLAIN_NAME: 'Plain OAuth',
    OAUTH_PLAIN_CLIENT_ID: 'folio-plain',
    OAUTH_PLAIN_CLIENT_SECRET: 'plain-secret-0123456789',
    OAUTH_PLAIN_AUTHORIZATION_URL: `${idp.issuer}/auth`,
    OAUTH_PLAIN_TOKEN_URL: `${idp.issuer}/token`,
    OAUTH_PLAIN_USERINFO_URL: `${idp.issuer}/me`,
    OAUTH_PLAIN_SCOPE: 'openid email profile',
  }));
  // Per-IP limits count in Redis across runs; this file's many sign-ins start each run afresh.
  await forgetRedisKeys(app, 'rl:*/auth/oauth/*');
});
afterAll(async () => {
  await app?.close();
  await idp?.close();
});

let unique = 0;
/** An account at the provider that no other test uses. */
function providerAccount(fields: { email?: string | null; name?: string } = {}) {
  unique += 1;
  const sub = `sub-${Date.now()}-${unique}`;
  const email = fields.email === null ? undefined : (fields.email ?? `${sub}@idp.test`);
  idp.accounts.set(sub, { email, name: fields.name ?? `Person ${unique}` });
  return { sub, email: email ?? null };
}

function cookieOf(res: LightMyRequestResponse, name: string) {
  return res.cookies.find((c) => c.name === name);
}

/** GET /auth/oauth/:provider/start as the SPA does; the browser keeps the cookie it is given. */
async function start(
  provider: string,
  query: Record<string, string> = {},
  headers: Record<string, string> = {},
) {
  const res = await app.inject({
    method: 'GET',
    url: `/api/v1/auth/oauth/${provider}/start`,
    query,
    headers,
  });
  expect(res.statusCode, res.body).toBe(200);
  const browser = cookieOf(res, 'folio_oauth')?.value ?? '';
  return { url: res.json().data.url as string, browser, res };
}

/** The browser arriving back at the app from the provider. */
function callback(url: URL, browser: string | undefined) {
  return app.inject({
    method: 'GET',
    url: `${url.pathname}${url.search}`,
    headers: browser ? { cookie: `folio_oauth=${browser}` } : {},
  });
}

/** The whole round trip: start, sign in and consent at the provider, land on the callback. */
async function roundTrip(
  provider: string,
  sub: string,
  query: Record<string, string> = {},
  headers: Record<string, string> = {},
) {
  const started = await start(provider, query, headers);
  const landing = await signIn(started.url, sub);
  const res = await callback(landing, started.browser);
  return { res, landing, browser: started.browser, location: redirectOf(res) };
}

function redirectOf(res: LightMyRequestResponse): URL {
  expect(res.statusCode, res.body).toBe(302);
  const location = new URL(String(res.headers.location));
  expect(location.origin).toBe(SITE);
  return location;
}

function refresh(token: string) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/refresh',
    headers: { origin: SITE, cookie: `folio_refresh=${token}` },
  });
}

async function bindDirectly(userId: number, provider: string, subject: string) {
  await app.users.addIdentity(userId, { kind: 'oauth', provider, subject, label: subject });
}

describe('OAuth providers', () => {
  it('lists every configured provider, in order', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/auth/oauth/providers' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      result: true,
      data: [
        { id: 'corp', name: 'Corp SSO' },
        { id: 'plain', name: 'Plain OAuth' },
      ],
    });
  });

  it('answers 404 for an unknown provider, and its callback sends the browser back to log in', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/auth/oauth/nope/start' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      result: false,
      code: 'NOT_FOUND',
      msg: 'No such sign-in provider.',
    });
    const back = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/oauth/nope/callback?code=x&state=y',
    });
    expect(redirectOf(back).href).toBe(`${SITE}/login?oauthError=TOKEN_INVALID`);
  });

  it('answers 503 naming a provider it cannot reach, and tries its discovery again next time', async () => {
    // A provider whose discovery fails once, then works (its endpoints are the test provider's).
    let calls = 0;
    const flaky = createServer((_req, res) => {
      calls += 1;
      if (calls === 1) {
        res.statusCode = 503;
        res.end();
        return;
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ...discovery, issuer }));
    });
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(flaky.address() as AddressInfo).port}`;
    const discovery = await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json();
    const { app: other } = await buildTestApp({
      SITE_ORIGIN: SITE,
      OAUTH_PROVIDERS: 'flaky',
      OAUTH_FLAKY_NAME: 'Flaky SSO',
      OAUTH_FLAKY_CLIENT_ID: 'folio-corp',
      OAUTH_FLAKY_CLIENT_SECRET: 'corp-secret-0123456789',
      OAUTH_FLAKY_ISSUER: issuer,
    });
    try {
      const url = '/api/v1/auth/oauth/flaky/start';
      const down = await other.inject({ method: 'GET', url });
      expect(expectFailure(down, 503, 'UNAVAILABLE').msg).toBe('Flaky SSO is unavailable.');
      const up = await other.inject({ method: 'GET', url });
      expect(up.statusCode, up.body).toBe(200);
      expect(up.json().data.url).toMatch(`${idp.issuer}/auth?`);
      await other.inject({ method: 'GET', url });
      expect(calls).toBe(2);
    } finally {
      await other.close();
      flaky.closeAllConnections();
      flaky.close();
    }
  });

  it('documents the endpoints in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/oauth/providers',
        '/api/v1/auth/oauth/{provider}/start',
        '/api/v1/auth/oauth/{provider}/callback',
        '/api/v1/auth/oauth/pending/{ticket}',
      ]),
    );
    const startDoc = doc.paths['/api/v1/auth/oauth/{provider}/start'].get;
    expect(startDoc.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['provider', 'intent', 'next']),
    );
    expect(
      Object.keys(doc.paths['/api/v1/auth/oauth/{provider}/callback'].get.responses),
    ).toContain('302');
  });
});

describe('starting a sign-in', () => {
  it('answers the provider URL with state, nonce and an S256 PKCE challenge, and keeps the checks in Redis for 10 minutes', async () => {
    const { url, res } = await start('corp', { next: '/blogs?page=2' });
    expect(res.headers['cache-control']).toBe('no-store');
    const target = new URL(url);
    expect(target.origin).toBe(idp.issuer);
    const q = target.searchParams;
    expect(q.get('client_id')).toBe('folio-corp');
    expect(q.get('redirect_uri')).toBe(callbackFor('corp'));
    expect(q.get('response_type')).toBe('code');
    expect(q.get('scope')).toBe('openid email profile');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(q.get('nonce')).toMatch(/^[\w-]{20,}$/);
    const state = q.get('state')!;
    const key = `oauth:state:${state}`;
    const saved = JSON.parse((await app.redis.get(key))!);
    expect(saved).toMatchObject({
      provider: 'corp',
      intent: 'login',
      userId: null,
      next: '/blogs?page=2',
    });
    expect(saved.codeVerifier).toMatch(/^[\w-]{43}$/);
    expect(saved.codeVerifier).not.toBe(q.get('code_challenge'));
    const ttl = await app.redis.ttl(key);
    expect(ttl).toBeGreaterThan(590);
    expect(ttl).toBeLessThanOrEqual(600);

    const cookie = cookieOf(res, 'folio_oauth')!;
    expect(cookie).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
      path: '/api/v1/auth',
      maxAge: 600,
    });
  });

  it('keeps only a local `next`', async () => {
    for (const next of ['//evil.test/x', 'https://evil.test/', '/\\evil.test']) {
      const { url } = await start('corp', { next });
      const state = new URL(url).searchParams.get('state')!;
      expect(JSON.parse((await app.redis.get(`oauth:state:${state}`))!).next).toBe('/');
    }
  });

  it('needs a login to bind', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/oauth/corp/start?intent=bind',
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });
});

describe('logging in with a provider', () => {
  it('logs in a bound account: refresh cookie set, redirect to `next`, and the session refreshes', async () => {
    const user = await makeUser(app);
    const { sub } = providerAccount();
    await bindDirectly(user.id, 'corp', sub);

    const { res, location } = await roundTrip('corp', sub, { next: '/blogs?page=2' });
    expect(location.href).toBe(`${SITE}/blogs?page=2`);
    const cookie = cookieOf(res, 'folio_refresh')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });
    expect(cookie.maxAge).toBeUndefined();

    // The SPA then trades the cookie for its access token, as after any login.
    const refreshed = await refresh(cookie.value);
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${refreshed.json().data.accessToken}` },
    });
    expect(me.json().data).toMatchObject({ id: user.id });
    expect(me.json().data.lastLoginAt).not.toBeNull();
  });

  it('goes to / without a `next`', async () => {
    const user = await makeUser(app);
    const { sub } = providerAccount();
    await bindDirectly(user.id, 'corp', sub);
    const { location } = await roundTrip('corp', sub);
    expect(location.href).toBe(`${SITE}/`);
  });

  it.each([
    ['pending', 'ACCOUNT_PENDING'],
    ['locked', 'ACCOUNT_DISABLED'],
  ] as const)('refuses a %s account with %s and starts no session', async (status, code) => {
    const user = await makeUser(app, { status });
    const { sub } = providerAccount();
    await bindDirectly(user.id, 'corp', sub);
    const { res, location } = await roundTrip('corp', sub, { next: '/blogs' });
    expect(location.pathname).toBe('/login');
    expect(Object.fromEntries(location.searchParams)).toEqual({ oauthError: code, next: '/blogs' });
    expect(cookieOf(res, 'folio_refresh')).toBeUndefined();
  });

  it('refuses an account locked for a while, saying until when', async () => {
    const user = await makeUser(app);
    const until = new Date(Date.now() + 3_600_000);
    await app.users.update(user.id, { lockedUntil: until });
    const { sub } = providerAccount();
    await bindDirectly(user.id, 'corp', sub);
    const { res, location } = await roundTrip('corp', sub);
    expect(location.searchParams.get('oauthError')).toBe('ACCOUNT_LOCKED');
    expect(new Date(location.searchParams.get('until')!).getTime()).toBeCloseTo(
      until.getTime(),
      -3,
    );
    expect(cookieOf(res, 'folio_refresh')).toBeUndefined();
  });

  it('does not log into a deleted account: its provider account is unbound again', async () => {
    const user = await makeUser(app);
    const { sub } = providerAccount();
    await bindDirectly(user.id, 'corp', sub);
    await app.users.softDelete(user.id);
    const { res, location } = await roundTrip('corp', sub);
    expect(location.pathname).toBe('/login');
    expect(location.searchParams.get('oauth')).toMatch(/^[\w-]{32}$/);
    expect(cookieOf(res, 'folio_refresh')).toBeUndefined();
  });

  it('says OAUTH_FAILED when the person does not sign in at the provider', async () => {
    const started = await start('corp');
    const landing = await signIn(started.url, 'nobody-at-the-provider');
    expect(landing.searchParams.get('error')).toBe('access_denied');
    const location = redirectOf(await callback(landing, started.browser));
    expect(location.href).toBe(`${SITE}/login?oauthError=OAUTH_FAILED`);
  });
});

describe('state', () => {
  it('works once: the same callback again is refused with TOKEN_INVALID and logs nobody in', async () => {
    const user = await makeUser(app);
    const { sub } = providerAccount();
    await bindDirectly(user.id, 'corp', sub);
    const { landing, browser, res } = await roundTrip('corp', sub);
    expect(cookieOf(res, 'folio_refresh')).toBeDefined();

    const again = await callback(landing, browser);
    expect(redirectOf(again).href).toBe(`${SITE}/login?oauthError=TOKEN_INVALID`);
    expect(cookieOf(again, 'folio_refresh')).toBeUndefined();
  });

  it('refuses a missing, unknown or tampered state', async () => {
    const user = await makeUser(app);
    const { sub } = providerAccount();
    await bindDirectly(user.id, 'corp', sub);
    const started = await start('corp');
    const landing = await signIn(started.url, sub);

    for (const change of [
      (u: URL) => u.searchParams.delete('state'),
      (u: URL) => u.searchParams.set('state', 'x'.repeat(43)),
      (u: URL) => u.searchParams.set('state', 'y'.repeat(5000)),
    ]) {
      const url = new URL(landing);
      change(url);
      const res = await callback(url, started.browser);
      expect(redirectOf(res).href).toBe(`${SITE}/login?oauthError=TOKEN_INVALID`);
      expect(cookieOf(res, 'folio_refresh')).toBeUndefined();
    }
    // The real state was not touched by the bad ones.
    expect(redirectOf(await callback(landing, started.browser)).href).toBe(`${SITE}/`);
  });

  it('refuses a state made for another provider', async () => {
    const { sub } = providerAccount();
    const started = await start('corp');
    const landing = await signIn(started.url, sub);
    const elsewhere = new URL(`/api/v1/auth/oauth/plain/callback${landing.search}`, SITE);
    const res = await callback(elsewhere, started.browser);
    expect(redirectOf(res).href).toBe(`${SITE}/login?oauthError=TOKEN_INVALID`);
  });

  it('refuses a callback in another browser (a link someone was sent)', async () => {
    const user = await makeUser(app);
    const { sub } = providerAccount();
    await bindDirectly(user.id, 'corp', sub);
    const started = await start('corp');
    const landing = await signIn(started.url, sub);
    for (const browser of [undefined, 'z'.repeat(43)]) {
      const res = await callback(landing, browser);
      expect(redirectOf(res).href).toBe(`${SITE}/login?oauthError=TOKEN_INVALID`);
      expect(cookieOf(res, 'folio_refresh')).toBeUndefined();
    }
  });
});

describe('PKCE', () => {
  it('is required by the provider: an authorization without a challenge is refused there', async () => {
    const { sub } = providerAccount();
    const started = await start('corp');
    const url = new URL(started.url);
    url.searchParams.delete('code_challenge');
    url.searchParams.delete('code_challenge_method');
    const landing = await signIn(url.href, sub);
    expect(landing.searchParams.get('error')).toBe('invalid_request');
    expect(landing.searchParams.get('error_description')).toMatch(/PKCE/);
    const res = await callback(landing, started.browser);
    expect(redirectOf(res).href).toBe(`${SITE}/login?oauthError=OAUTH_FAILED`);
  });

  it('sends the verifier with the code: a different one is refused by the provider', async () => {
    const user = await makeUser(app);
    const { sub } = providerAccount();
    await bindDirectly(user.id, 'corp', sub);
    const started = await start('corp');
    const key = `oauth:state:${new URL(started.url).searchParams.get('state')}`;
    const saved = JSON.parse((await app.redis.get(key))!);
    await app.redis.set(key, JSON.stringify({ ...saved, codeVerifier: 'w'.repeat(43) }), 'EX', 600);
    const errorsBefore = idp.grantErrors.length;

    const res = await callback(await signIn(started.url, sub), started.browser);
    expect(redirectOf(res).href).toBe(`${SITE}/login?oauthError=OAUTH_FAILED`);
    expect(cookieOf(res, 'folio_refresh')).toBeUndefined();
    expect(idp.grantErrors.slice(errorsBefore)).toEqual([
      'invalid_grant: code_verifier does not match code_challenge',
    ]);
  });
});

describe('an unbound provider account', () => {
  it('leaves a pending ticket the SPA can show, only to the browser that signed in', async () => {
    const { sub, email } = providerAccount({ name: 'Ada Lovelace' });
    const { location, browser, res } = await roundTrip('corp', sub, { next: '/blogs' });
    expect(location.pathname).toBe('/login');
    expect(location.searchParams.get('next')).toBe('/blogs');
    expect(cookieOf(res, 'folio_refresh')).toBeUndefined();
    const ticket = location.searchParams.get('oauth')!;
    expect(await app.redis.ttl(`oauth:pending:${ticket}`)).toBeGreaterThan(590);

    const info = await app.inject({
      method: 'GET',
      url: `/api/v1/auth/oauth/pending/${ticket}`,
      headers: { cookie: `folio_oauth=${browser}` },
    });
    expect(info.statusCode).toBe(200);
    expect(info.json().data).toEqual({
      provider: { id: 'corp', name: 'Corp SSO' },
      email,
      name: 'Ada Lovelace',
    });

    for (const headers of [{}, { cookie: `folio_oauth=${'q'.repeat(43)}` }]) {
      const other = await app.inject({
        method: 'GET',
        url: `/api/v1/auth/oauth/pending/${ticket}`,
        headers,
      });
      expect(other.statusCode).toBe(422);
      expect(other.json().code).toBe('TOKEN_INVALID');
    }
    const unknown = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/oauth/pending/no-such-ticket',
      headers: { cookie: `folio_oauth=${browser}` },
    });
    expect(unknown.json().code).toBe('TOKEN_INVALID');
  });

  it('is bound by attachPendingIdentity once, then logs in', async () => {
    const user = await makeUser(app);
    const { sub, email } = providerAccount();
    const { location, browser } = await roundTrip('corp', sub);
    const ticket = location.searchParams.get('oauth')!;

    await attachPendingIdentity(app, user.id, ticket, browser);
    const rows = await app.db
      .select()
      .from(userIdentities)
      .where(and(eq(userIdentities.provider, 'corp'), eq(userIdentities.subject, sub)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: user.id, kind: 'oauth', label: email });
    expect(rows[0]!.verifiedAt).not.toBeNull();

    await expect(attachPendingIdentity(app, user.id, ticket, browser)).rejects.toMatchObject({
      code: 'TOKEN_INVALID',
    });
    const again = await roundTrip('corp', sub);
    expect(again.location.href).toBe(`${SITE}/`);
    expect(cookieOf(again.res, 'folio_refresh')).toBeDefined();
  });

  it('is not bound from another browser, nor when someone else has it by then', async () => {
    const [first, second] = [await makeUser(app), await makeUser(app)];
    const { sub } = providerAccount();
    const one = await roundTrip('corp', sub);
    const ticket = one.location.searchParams.get('oauth')!;
    await expect(attachPendingIdentity(app, first.id, ticket, undefined)).rejects.toMatchObject({
      code: 'TOKEN_INVALID',
    });

    const two = await roundTrip('corp', sub);
    await bindDirectly(first.id, 'corp', sub);
    await expect(
      attachPendingIdentity(app, second.id, two.location.searchParams.get('oauth')!, two.browser),
    ).rejects.toMatchObject({ code: 'IDENTITY_TAKEN' });
  });

  it('can be checked before an account is made, without using it up', async () => {
    const user = await makeUser(app);
    const { sub } = providerAccount();
    const { location, browser } = await roundTrip('corp', sub);
    const ticket = location.searchParams.get('oauth')!;

    await checkPendingIdentity(app, ticket, browser);
    await checkPendingIdentity(app, ticket, browser);
    await expect(checkPendingIdentity(app, ticket, undefined)).rejects.toMatchObject({
      code: 'TOKEN_INVALID',
    });
    await expect(checkPendingIdentity(app, 'no-such-ticket', browser)).rejects.toMatchObject({
      code: 'TOKEN_INVALID',
    });
    await bindDirectly(user.id, 'corp', sub);
    await expect(checkPendingIdentity(app, ticket, browser)).rejects.toMatchObject({
      code: 'IDENTITY_TAKEN',
    });
  });
});

describe('binding a provider from a logged-in account', () => {
  it('binds it, labels it with the email, and it then logs in', async () => {
    const user = await makeUser(app);
    const session = await sessionFor(app, user.id);
    const { sub, email } = providerAccount();
    const { location, res } = await roundTrip('corp', sub, { intent: 'bind' }, session.headers);
    expect(location.href).toBe(`${SITE}/account/connections?bound=corp`);
    expect(cookieOf(res, 'folio_refresh')).toBeUndefined();

    const identities = await app.users.identities(user.id);
    expect(identities.find((i) => i.provider === 'corp')).toMatchObject({
      kind: 'oauth',
      subject: sub,
      label: email,
    });

    const login = await roundTrip('corp', sub);
    expect(login.location.href).toBe(`${SITE}/`);
    const refreshed = await app.sessions.refresh(cookieOf(login.res, 'folio_refresh')!.value, {
      ip: '127.0.0.1',
    });
    expect(refreshed.user.id).toBe(user.id);
  });

  it('labels it with the name when the provider gives no email', async () => {
    const user = await makeUser(app);
    const session = await sessionFor(app, user.id);
    const { sub } = providerAccount({ email: null, name: 'No Mail' });
    const { location } = await roundTrip('corp', sub, { intent: 'bind' }, session.headers);
    expect(location.searchParams.get('bound')).toBe('corp');
    const identity = (await app.users.identities(user.id)).find((i) => i.provider === 'corp');
    expect(identity!.label).toBe('No Mail');
  });

  it('refuses a provider account bound to someone else with IDENTITY_TAKEN', async () => {
    const [owner, other] = [await makeUser(app), await makeUser(app)];
    const { sub } = providerAccount();
    await bindDirectly(owner.id, 'corp', sub);
    const session = await sessionFor(app, other.id);
    const { location } = await roundTrip('corp', sub, { intent: 'bind' }, session.headers);
    expect(location.href).toBe(`${SITE}/account/connections?oauthError=IDENTITY_TAKEN`);
    expect((await app.users.identities(other.id)).some((i) => i.provider === 'corp')).toBe(false);
  });

  it('binding the same account again is fine', async () => {
    const user = await makeUser(app);
    const session = await sessionFor(app, user.id);
    const { sub } = providerAccount();
    await bindDirectly(user.id, 'corp', sub);
    const { location } = await roundTrip('corp', sub, { intent: 'bind' }, session.headers);
    expect(location.href).toBe(`${SITE}/account/connections?bound=corp`);
  });
});

describe('a second provider at the same time (plain OAuth 2, account from userinfo)', () => {
  it('binds and logs in on its own, apart from the first', async () => {
    const user = await makeUser(app);
    const session = await sessionFor(app, user.id);
    const { sub, email } = providerAccount();
    const { url } = await start('plain');
    const q = new URL(url).searchParams;
    expect(q.get('client_id')).toBe('folio-plain');
    expect(q.get('redirect_uri')).toBe(callbackFor('plain'));
    expect(q.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(q.has('nonce')).toBe(false);

    const bound = await roundTrip('plain', sub, { intent: 'bind' }, session.headers);
    expect(bound.location.href).toBe(`${SITE}/account/connections?bound=plain`);
    const identities = await app.users.identities(user.id);
    expect(identities.find((i) => i.provider === 'plain')).toMatchObject({
      subject: sub,
      label: email,
    });
    expect(identities.some((i) => i.provider === 'corp')).toBe(false);

    // The same person at the other provider is another identity, unbound.
    const viaCorp = await roundTrip('corp', sub);
    expect(viaCorp.location.searchParams.get('oauth')).toBeTruthy();

    const login = await roundTrip('plain', sub, { next: '/account' });
    expect(login.location.href).toBe(`${SITE}/account`);
    expect(cookieOf(login.res, 'folio_refresh')).toBeDefined();
  });
});

describe('unbinding (DELETE /me/identities/:id)', () => {
  it('unbinds a provider, but never the last way to log in', async () => {
    const user = await makeUser(app);
    const session = await sessionFor(app, user.id);
    const { sub } = providerAccount();
    await roundTrip('corp', sub, { intent: 'bind' }, session.headers);
    const identities = await app.users.identities(user.id);
    const corp = identities.find((i) => i.provider === 'corp')!;
    const email = identities.find((i) => i.provider === 'email')!;

    const unbind = (id: number) =>
      app.inject({
        method: 'DELETE',
        url: `/api/v1/me/identities/${id}`,
        headers: session.headers,
      });

    // Without its email the account still logs in with the provider...
    const first = await unbind(email.id);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().data.identities.map((i: { provider: string }) => i.provider)).toEqual([
      'corp',
    ]);
    // ...which is now the last way in, so it stays.
    const last = await unbind(corp.id);
    expect(last.statusCode).toBe(409);
    expect(last.json().code).toBe('LAST_LOGIN_METHOD');
    const login = await roundTrip('corp', sub);
    expect(login.location.href).toBe(`${SITE}/`);
    expect(cookieOf(login.res, 'folio_refresh')).toBeDefined();
  });

  it('after unbinding, the provider account signs in unbound again', async () => {
    const user = await makeUser(app);
    const session = await sessionFor(app, user.id);
    const { sub } = providerAccount();
    await roundTrip('corp', sub, { intent: 'bind' }, session.headers);
    const corp = (await app.users.identities(user.id)).find((i) => i.provider === 'corp')!;

    const res = await app.inject({
      method: 'DELETE',
      url: `/api/v1/me/identities/${corp.id}`,
      headers: session.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const again = await roundTrip('corp', sub);
    expect(again.location.pathname).toBe('/login');
    expect(again.location.searchParams.get('oauth')).toBeTruthy();
    expect(cookieOf(again.res, 'folio_refresh')).toBeUndefined();
  });
});

describe('binding a pending ticket while logging in or registering', () => {
  /** An unbound sign-in at the provider: its ticket and the browser that holds it. */
  async function pendingTicket() {
    const account = providerAccount();
    const { location, browser } = await roundTrip('corp', account.sub);
    return { ...account, ticket: location.searchParams.get('oauth')!, browser };
  }

  function post(url: string, payload: Record<string, unknown>, browser?: string) {
    return app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      remoteAddress: uniqueIp(),
      headers: browser ? { cookie: `folio_oauth=${browser}` } : {},
      payload,
    });
  }

  async function askCode(phone: string, purpose: 'register' | 'login') {
    const res = await post('/auth/sms-codes', { phone, purpose, ...(await solvedCaptcha(app)) });
    expect(res.statusCode, res.body).toBe(202);
    return smsCode(app, phone);
  }

  const corpOf = (res: LightMyRequestResponse) =>
    (res.json().data.user.identities as { provider: string; label: string }[]).find(
      (i) => i.provider === 'corp',
    );

  it('POST /auth/login with oauthTicket binds it; the provider then logs in', async () => {
    const user = await makeUser(app);
    const pending = await pendingTicket();
    const res = await post(
      '/auth/login',
      { account: user.email, password: user.password, oauthTicket: pending.ticket },
      pending.browser,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(corpOf(res)).toMatchObject({ label: pending.email });

    const login = await roundTrip('corp', pending.sub);
    expect(login.location.href).toBe(`${SITE}/`);
    const refreshed = await refresh(cookieOf(login.res, 'folio_refresh')!.value);
    expect(refreshed.json().data.user.id).toBe(user.id);
  });

  it('refuses a ticket from another browser, or used, with TOKEN_INVALID and no session', async () => {
    const user = await makeUser(app);
    const pending = await pendingTicket();
    const body = { account: user.email, password: user.password, oauthTicket: pending.ticket };

    const elsewhere = await post('/auth/login', body);
    expect(expectFailure(elsewhere, 422, 'TOKEN_INVALID').errors).toEqual({
      oauthTicket: 'This link is invalid, used or expired.',
    });
    expect(cookieOf(elsewhere, 'folio_refresh')).toBeUndefined();

    const other = await pendingTicket();
    const first = await post('/auth/login', { ...body, oauthTicket: other.ticket }, other.browser);
    expect(first.statusCode).toBe(200);
    const again = await post('/auth/login', { ...body, oauthTicket: other.ticket }, other.browser);
    expectFailure(again, 422, 'TOKEN_INVALID');
    expect(cookieOf(again, 'folio_refresh')).toBeUndefined();
  });

  it('refuses IDENTITY_TAKEN when the provider account was bound to someone else meanwhile', async () => {
    const [owner, user] = [await makeUser(app), await makeUser(app)];
    const pending = await pendingTicket();
    await bindDirectly(owner.id, 'corp', pending.sub);
    const res = await post(
      '/auth/login',
      { account: user.email, password: user.password, oauthTicket: pending.ticket },
      pending.browser,
    );
    expectFailure(res, 409, 'IDENTITY_TAKEN');
    expect(cookieOf(res, 'folio_refresh')).toBeUndefined();
  });

  it('POST /auth/login/sms with oauthTicket binds it', async () => {
    const phone = uniquePhone();
    const user = await makeUser(app, { phone });
    const pending = await pendingTicket();
    const code = await askCode(phone, 'login');
    const res = await post(
      '/auth/login/sms',
      { phone, code, oauthTicket: pending.ticket },
      pending.browser,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data.user.id).toBe(user.id);
    expect(corpOf(res)).toBeDefined();
  });

  it('POST /auth/register/phone with oauthTicket makes the account with the provider bound', async () => {
    const phone = uniquePhone();
    const pending = await pendingTicket();
    const code = await askCode(phone, 'register');
    const payload = { phone, code, password: 'a fine long password', nickname: 'Bound' };

    // A bad ticket stops registration before anything is made, and the code stays good.
    const bad = await post('/auth/register/phone', { ...payload, oauthTicket: pending.ticket });
    expectFailure(bad, 422, 'TOKEN_INVALID');
    expect(await app.users.findByIdentity('phone', phone)).toBeUndefined();

    const res = await post(
      '/auth/register/phone',
      { ...payload, oauthTicket: pending.ticket },
      pending.browser,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(corpOf(res)).toMatchObject({ label: pending.email });
    const login = await roundTrip('corp', pending.sub);
    expect(login.location.href).toBe(`${SITE}/`);
  });

  it('POST /auth/register/email with oauthTicket binds it to the new account, which logs in once verified', async () => {
    const email = uniqueEmail('oauth');
    const pending = await pendingTicket();
    const res = await post(
      '/auth/register/email',
      {
        email,
        password: 'a fine long password',
        nickname: 'Mailer',
        oauthTicket: pending.ticket,
        ...(await solvedCaptcha(app)),
      },
      pending.browser,
    );
    expect(res.statusCode, res.body).toBe(202);
    // The account is made after the answer, and its link mailed once it is.
    const token = await mailedToken(app, email, '/verify-email');
    const made = await app.users.findByIdentity('corp', pending.sub);
    expect(made?.user.status).toBe('pending');

    const early = await roundTrip('corp', pending.sub);
    expect(early.location.searchParams.get('oauthError')).toBe('ACCOUNT_PENDING');

    const verified = await post('/auth/verify-email', { token });
    expect(verified.statusCode, verified.body).toBe(200);
    const login = await roundTrip('corp', pending.sub);
    expect(login.location.href).toBe(`${SITE}/`);
  });
});

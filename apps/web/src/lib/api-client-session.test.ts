import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authResult, fail, fakeApi, me, ok } from '../test/fake-api';
import { ApiError, apiRequest } from './api-client';
import { getAuthState, setSession, setSessionLostHandler } from './auth-store';
import { setLocale } from './i18n';

const expired = () => fail(401, 'SESSION_EXPIRED', 'Your session has ended.');

describe('apiRequest with a session', () => {
  let lost: ReturnType<typeof vi.fn<(url: string) => void>>;
  let restoreHandler: () => void;

  beforeEach(() => {
    setLocale('en');
    lost = vi.fn<(url: string) => void>();
    restoreHandler = setSessionLostHandler(lost);
    window.history.replaceState(null, '', '/account/sessions?tab=all');
  });

  afterEach(() => {
    restoreHandler();
    window.history.replaceState(null, '', '/');
  });

  it('sends the access token it holds', async () => {
    setSession(authResult('token-a'));
    const api = fakeApi({ 'GET /me': ok(me) });
    await apiRequest('/me');
    expect(api.calls('GET /me')[0]?.headers.get('Authorization')).toBe('Bearer token-a');
  });

  it('on a refused token refreshes once, then retries with the new one', async () => {
    setSession(authResult('old'));
    const api = fakeApi({
      'GET /me': (request) =>
        request.headers.get('Authorization') === 'Bearer new' ? ok(me) : expired(),
      'POST /auth/refresh': ok(authResult('new')),
    });

    await expect(apiRequest('/me')).resolves.toMatchObject({ id: 7 });
    expect(api.calls('POST /auth/refresh')).toHaveLength(1);
    // The refresh rides on the HttpOnly cookie alone: no token, no body.
    const refresh = api.calls('POST /auth/refresh')[0]!;
    expect(refresh.headers.get('Authorization')).toBeNull();
    expect(refresh.body).toBeUndefined();
    expect(api.calls('GET /me')).toHaveLength(2);
    expect(getAuthState()).toMatchObject({ status: 'authenticated', accessToken: 'new' });
    expect(lost).not.toHaveBeenCalled();
  });

  it('shares one refresh between requests refused at the same time', async () => {
    setSession(authResult('old'));
    const api = fakeApi({
      'GET /me': (request) =>
        request.headers.get('Authorization') === 'Bearer new' ? ok(me) : expired(),
      'POST /auth/refresh': ok(authResult('new')),
    });

    await Promise.all([apiRequest('/me'), apiRequest('/me'), apiRequest('/me')]);
    // A second use of the same refresh token would end the session: only one may go.
    expect(api.calls('POST /auth/refresh')).toHaveLength(1);
  });

  it('when the refresh is refused too, forgets the session and sends to the login page once', async () => {
    setSession(authResult('old'));
    const api = fakeApi({
      'GET /me': expired(),
      'POST /auth/refresh': fail(401, 'SESSION_EXPIRED', 'Your session has ended.'),
    });

    const results = await Promise.allSettled([apiRequest('/me'), apiRequest('/me')]);

    for (const result of results) {
      expect(result.status).toBe('rejected');
      const reason = (result as PromiseRejectedResult).reason as ApiError;
      expect(reason).toBeInstanceOf(ApiError);
      expect(reason.code).toBe('SESSION_EXPIRED');
    }
    expect(api.calls('POST /auth/refresh')).toHaveLength(1);
    expect(api.calls('GET /me')).toHaveLength(2);
    expect(getAuthState()).toMatchObject({ status: 'anonymous', accessToken: null });
    expect(lost).toHaveBeenCalledTimes(1);
    expect(lost).toHaveBeenCalledWith('/login?next=%2Faccount%2Fsessions%3Ftab%3Dall');
  });

  it('does not refresh for a wrong password, which is a 401 too', async () => {
    const api = fakeApi({
      'POST /auth/login': fail(401, 'CREDENTIALS_INVALID', 'The account or password is wrong.'),
    });
    await expect(
      apiRequest('/auth/login', {
        method: 'POST',
        body: { account: 'a@b.c', password: 'x' },
      }),
    ).rejects.toMatchObject({ code: 'CREDENTIALS_INVALID', status: 401 });
    expect(api.calls('POST /auth/refresh')).toHaveLength(0);
    expect(lost).not.toHaveBeenCalled();
  });

  it('keeps the session when the refresh cannot reach the API', async () => {
    setSession(authResult('old'));
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        if (String(input).endsWith('/auth/refresh')) throw new TypeError('Failed to fetch');
        const { status, body } = expired();
        return new Response(JSON.stringify(body), { status });
      }),
    );
    await expect(apiRequest('/me')).rejects.toMatchObject({
      code: 'SESSION_EXPIRED',
    });
    expect(getAuthState().status).toBe('authenticated');
    expect(lost).not.toHaveBeenCalled();
  });

  it('sends a page that is already the login page to plain /login', async () => {
    window.history.replaceState(null, '', '/login?next=%2Faccount');
    setSession(authResult('old'));
    fakeApi({ 'GET /me': expired(), 'POST /auth/refresh': expired() });
    await expect(apiRequest('/me')).rejects.toBeInstanceOf(ApiError);
    expect(lost).toHaveBeenCalledWith('/login');
  });

  it('reads Retry-After into the error', async () => {
    fakeApi({
      'POST /auth/sms-codes': {
        ...fail(429, 'RATE_LIMITED', 'Too many requests, please wait.'),
        headers: { 'Retry-After': '42' },
      },
    });
    await expect(apiRequest('/auth/sms-codes', { method: 'POST', body: {} })).rejects.toMatchObject(
      { code: 'RATE_LIMITED', retryAfter: 42 },
    );
  });

  it('sends FormData as multipart, leaving the content type to the browser', async () => {
    setSession(authResult('token-a'));
    const api = fakeApi({ 'POST /me/avatar': ok(me) });
    const body = new FormData();
    body.append('file', new Blob(['x'], { type: 'image/png' }), 'a.png');
    await apiRequest('/me/avatar', { method: 'POST', body });
    const request = api.calls('POST /me/avatar')[0]!;
    expect(request.body).toBe(body);
    expect(request.headers.get('Content-Type')).toBeNull();
  });
});

describe('restoring the session at start-up', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  it('logs back in through the refresh cookie', async () => {
    const api = fakeApi({ 'POST /auth/refresh': ok(authResult('restored')) });
    const client = await import('./api-client');
    const store = await import('./auth-store');
    expect(store.getAuthState().status).toBe('unknown');
    await client.restoreSession();
    expect(store.getAuthState()).toMatchObject({
      status: 'authenticated',
      accessToken: 'restored',
      user: { nickname: 'Lily' },
    });
    expect(api.calls('POST /auth/refresh')).toHaveLength(1);
  });

  it('without a session is simply logged out, with no trip to the login page', async () => {
    fakeApi({ 'POST /auth/refresh': fail(401, 'UNAUTHENTICATED', 'Please log in first.') });
    const client = await import('./api-client');
    const store = await import('./auth-store');
    const lost = vi.fn();
    store.setSessionLostHandler(lost);
    await client.restoreSession();
    expect(store.getAuthState().status).toBe('anonymous');
    expect(lost).not.toHaveBeenCalled();
  });
});

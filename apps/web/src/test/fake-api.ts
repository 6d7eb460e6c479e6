import type { Permission } from '@folio/schema';
import { vi } from 'vitest';

export interface FakeRequest {
  method: string;
  path: string;
  url: URL;
  headers: Headers;
  /** The parsed JSON body, when there was one. */
  body: unknown;
}

const inflight = new Set<Promise<Response>>();

/**
 * Stubs `fetch` with `answer`, keeping each call's promise until it settles so that a test's
 * requests can be waited for after it.
 */
export function stubFetch(
  answer: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>,
) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const reply = answer(input, init);
    inflight.add(reply);
    void reply.finally(() => inflight.delete(reply)).catch(() => undefined);
    return reply;
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/**
 * Resolves once every stubbed request has been answered and what its answer set off without a
 * timer (parsing, mutation callbacks, the session store) has run.
 */
export async function requestsSettled(): Promise<void> {
  while (inflight.size > 0) await Promise.allSettled([...inflight]);
  // Promise callbacks run before the next task: once it comes, the answers' consequences are done.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

type Reply = { status?: number; body: unknown; headers?: Record<string, string> };
type Handler = (request: FakeRequest) => Reply | Promise<Reply>;

export const ok = (data: unknown): Reply => ({ status: 200, body: { result: true, data } });

export const fail = (
  status: number,
  code: string,
  msg: string,
  errors?: Record<string, string>,
): Reply => ({
  status,
  body: { result: false, code, msg, requestId: 'test', ...(errors && { errors }) },
});

/** The public settings as a site has them by default (`GET /site`). */
export const site = {
  siteName: 'Folio',
  registration: { phone: true, email: true },
  commentsOpen: true,
};

/**
 * Answers the SPA's API calls by "METHOD /path" (without /api/v1); a route given a list answers
 * with each reply in turn, then keeps the last. `GET /site` answers `site` unless given. Unknown
 * routes answer 404. Records every request.
 */
export function fakeApi(given: Record<string, Handler | Reply | Reply[]>) {
  const routes: Record<string, Handler | Reply | Reply[]> = { 'GET /site': ok(site), ...given };
  const requests: FakeRequest[] = [];
  const served = new Map<string, number>();
  const fetchMock = stubFetch(async (input, init) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const text = typeof init?.body === 'string' ? init.body : undefined;
    const request: FakeRequest = {
      method,
      path,
      url,
      headers: new Headers(init?.headers),
      body: text ? JSON.parse(text) : init?.body,
    };
    requests.push(request);
    const key = `${method} ${path}`;
    const route = routes[key];
    let reply: Reply;
    if (!route) reply = fail(404, 'NOT_FOUND', `No route ${key}`);
    else if (typeof route === 'function') reply = await route(request);
    else if (Array.isArray(route)) {
      const index = served.get(key) ?? 0;
      served.set(key, index + 1);
      reply = route[Math.min(index, route.length - 1)]!;
    } else reply = route;
    return new Response(JSON.stringify(reply.body), {
      status: reply.status ?? 200,
      headers: { 'Content-Type': 'application/json', ...reply.headers },
    });
  });
  return {
    fetchMock,
    requests,
    /** The requests made to "METHOD /path". */
    calls: (key: string) => requests.filter((r) => `${r.method} ${r.path}` === key),
  };
}

export const me = {
  id: 7,
  nickname: 'Lily',
  avatarUrl: null,
  locale: 'en' as const,
  birthday: null,
  status: 'active' as const,
  email: 'lily@example.com',
  phone: null,
  pendingEmail: null,
  identities: [
    {
      id: 1,
      kind: 'email' as const,
      provider: 'email',
      label: 'lily@example.com',
      verifiedAt: '2026-01-01T00:00:00.000Z',
      createdAt: '2026-01-01T00:00:00.000Z',
    },
  ],
  createdAt: '2026-01-01T00:00:00.000Z',
  lastLoginAt: null,
  permissions: [] as Permission[],
};

export const authResult = (accessToken = 'access-1') => ({ accessToken, expiresIn: 900, user: me });

export const captcha = (id = 'cap-1') => ({
  id,
  svg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>',
});

import { createSigner, createVerifier } from 'fast-jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../src/lib/errors';
import { hashingSlots, POOL_THREADS_KEPT_FREE, threadPoolSizeFor } from '../src/lib/passwords';
import { createRedis } from '../src/lib/redis';
import {
  createSessionService,
  loginRefusal,
  type AccessClaims,
  type SessionService,
} from '../src/modules/sessions/service';
import { createSessionStore, REFRESH_GRACE_MS } from '../src/modules/sessions/store';
import type { UserRepository, UserRow } from '../src/modules/users/repository';
import { TEST_REDIS_URL } from './env';

// The session rules on their own: no HTTP server, no database; Redis is the real one.

const redis = createRedis(TEST_REDIS_URL);
beforeAll(() => redis.connect());
afterAll(() => redis.disconnect());

function user(fields: Partial<UserRow> = {}): UserRow {
  return {
    id: 1,
    nickname: 'Ann',
    passwordHash: null,
    status: 'active',
    locale: 'en',
    avatar: null,
    birthday: null,
    lockedUntil: null,
    registrationIp: null,
    lastLoginAt: null,
    lastLoginIp: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    deletedAt: null,
    ...fields,
  } as UserRow;
}

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as AppError).code;
  }
  return null;
};

async function rejection(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
  } catch (err) {
    return (err as AppError).code;
  }
  return null;
}

describe('who may log in', () => {
  const now = new Date('2026-12-01T12:00:00Z');

  it('lets an active account in, and no pending, disabled or temporarily locked one', () => {
    expect(loginRefusal(user(), now)).toBeNull();
    expect(loginRefusal(user({ status: 'pending' }), now)?.code).toBe('ACCOUNT_PENDING');
    expect(loginRefusal(user({ status: 'locked' }), now)?.code).toBe('ACCOUNT_DISABLED');
    const locked = loginRefusal(user({ lockedUntil: new Date(now.getTime() + 90_000) }), now);
    expect(locked?.code).toBe('ACCOUNT_LOCKED');
    expect(locked?.retryAfter).toBe(90);
    expect(loginRefusal(user({ lockedUntil: new Date(now.getTime() - 1) }), now)).toBeNull();
  });
});

describe('password hashing and the thread pool', () => {
  it('never lets argon2 take the threads files and DNS need, on any machine size', () => {
    for (const cores of [1, 2, 4, 5, 8, 16, 64]) {
      const pool = threadPoolSizeFor(cores);
      const slots = hashingSlots(cores, pool);
      expect(slots).toBeGreaterThanOrEqual(1);
      expect(slots).toBeLessThanOrEqual(Math.max(1, cores - 1));
      expect(pool - slots).toBeGreaterThanOrEqual(POOL_THREADS_KEPT_FREE);
    }
    // An operator's small pool wins over the core count.
    expect(hashingSlots(16, 4)).toBe(2);
    expect(hashingSlots(2, 4)).toBe(1);
  });
});

describe('the session service', () => {
  const key = Buffer.alloc(32, 7);
  const accounts = new Map<number, UserRow>();
  const users = {
    findById: async (id: number) => accounts.get(id),
    markLogin: async () => undefined,
    identities: async () => [],
    permissionsOf: async () => [],
  } as unknown as UserRepository;
  const sign = createSigner({ key, algorithm: 'HS256', aud: 'folio' });
  const verify = createVerifier({
    key,
    algorithms: ['HS256'],
    allowedAud: 'folio',
    requiredClaims: ['aud', 'exp', 'sub', 'sid', 'typ'],
  });
  let sessions: SessionService;
  let nextId = 1000 + Math.floor(Math.random() * 1e6);

  const warnings: { obj: object; msg: string }[] = [];
  const sessionService = (siteOrigin: string) =>
    createSessionService({
      store: createSessionStore(redis, Buffer.alloc(32, 9)),
      users,
      redis,
      accessTokens: {
        sign: (payload, options) =>
          sign({ ...payload, sub: options.sub, exp: Math.floor(Date.now() / 1000) + 60 }) as never,
        verify: (token) => verify(token) as AccessClaims,
      },
      config: {
        ACCESS_TOKEN_TTL_SECONDS: 900,
        NODE_ENV: 'production',
        SITE_ORIGIN: siteOrigin,
      },
      log: { warn: (obj, msg) => warnings.push({ obj, msg }) },
    });

  beforeAll(() => {
    sessions = sessionService('https://folio.example');
  });

  const account = (fields: Partial<UserRow> = {}) => {
    const row = user({ id: ++nextId, ...fields });
    accounts.set(row.id, row);
    return row;
  };
  const meta = { ip: '127.0.0.1', userAgent: 'unit', remember: false };

  it('uses the __Secure- cookie form, path-scoped, in production', async () => {
    const issued = await sessions.start(account(), meta);
    expect(issued.cookie).toMatchObject({
      name: '__Secure-folio_refresh',
      options: { secure: true, httpOnly: true, sameSite: 'strict', path: '/api/v1/auth' },
    });
  });

  it('refuses to start a session for an account that may not log in', async () => {
    expect(await rejection(sessions.start(account({ status: 'locked' }), meta))).toBe(
      'ACCOUNT_DISABLED',
    );
    expect(await rejection(sessions.start(account({ status: 'pending' }), meta))).toBe(
      'ACCOUNT_PENDING',
    );
  });

  it('rotates atomically: concurrent refreshes share one new token, old ones end the session', async () => {
    const issued = await sessions.start(account(), meta);
    const first = issued.cookie.value;
    const racing = await Promise.all(
      Array.from({ length: 5 }, () => sessions.refresh(first, meta)),
    );
    const next = racing[0]!.cookie.value;
    expect(new Set(racing.map((r) => r.cookie.value))).toEqual(new Set([next]));
    const third = (await sessions.refresh(next, meta)).cookie.value;
    const fourth = (await sessions.refresh(third, meta)).cookie.value;
    // `first` is three generations back: theft, whatever the grace window.
    expect(await rejection(sessions.refresh(first, meta))).toBe('SESSION_EXPIRED');
    expect(await rejection(sessions.refresh(fourth, meta))).toBe('UNAUTHENTICATED');
    expect(await sessions.get(issued.sid)).toBeNull();
  });

  it('keeps the grace window short', () => {
    expect(REFRESH_GRACE_MS).toBeGreaterThan(0);
    expect(REFRESH_GRACE_MS).toBeLessThanOrEqual(30_000);
  });

  it('refuses an access token once the account is locked, and ends the session', async () => {
    const row = account();
    const issued = await sessions.start(row, meta);
    const bearer = `Bearer ${issued.result.accessToken}`;
    expect(await sessions.authenticate(bearer)).toEqual({ userId: row.id, sid: issued.sid });
    accounts.set(row.id, { ...row, status: 'locked' });
    expect(await rejection(sessions.authenticate(bearer))).toBe('ACCOUNT_DISABLED');
    expect(await sessions.get(issued.sid)).toBeNull();
    accounts.delete(row.id);
    expect(await rejection(sessions.authenticate(bearer))).toBe('SESSION_EXPIRED');
  });

  it('takes refresh only from the site itself', () => {
    expect(code(() => sessions.assertSameSite({ origin: 'https://folio.example' }))).toBeNull();
    expect(code(() => sessions.assertSameSite({ 'sec-fetch-site': 'same-origin' }))).toBeNull();
    expect(code(() => sessions.assertSameSite({}))).toBe('ORIGIN_FORBIDDEN');
    expect(code(() => sessions.assertSameSite({ origin: 'https://evil.example' }))).toBe(
      'ORIGIN_FORBIDDEN',
    );
    expect(
      code(() =>
        sessions.assertSameSite({
          origin: 'https://evil.example',
          'sec-fetch-site': 'same-origin',
        }),
      ),
    ).toBe('ORIGIN_FORBIDDEN');
  });

  it('takes the loopback aliases of a plain-http loopback site, on its port only', () => {
    const local = sessionService('http://localhost:3000');
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']) {
      expect(code(() => local.assertSameSite({ origin }))).toBeNull();
    }
    for (const origin of [
      'http://127.0.0.1:3001',
      'https://127.0.0.1:3000',
      'https://localhost:3000',
      'http://localhost',
      'http://folio.example:3000',
      'null',
    ]) {
      expect(code(() => local.assertSameSite({ origin }))).toBe('ORIGIN_FORBIDDEN');
    }
    const onPort80 = sessionService('http://127.0.0.1');
    expect(code(() => onPort80.assertSameSite({ origin: 'http://localhost' }))).toBeNull();
    expect(code(() => onPort80.assertSameSite({ origin: 'http://localhost:3000' }))).toBe(
      'ORIGIN_FORBIDDEN',
    );
    // https is a real site's name (its certificate is for that name): only itself.
    const secureLocal = sessionService('https://localhost:8443');
    expect(code(() => secureLocal.assertSameSite({ origin: 'https://localhost:8443' }))).toBeNull();
    expect(code(() => secureLocal.assertSameSite({ origin: 'https://127.0.0.1:8443' }))).toBe(
      'ORIGIN_FORBIDDEN',
    );
  });

  it('logs one line naming SITE_ORIGIN and the Origin it got when it refuses', () => {
    warnings.length = 0;
    expect(code(() => sessions.assertSameSite({ origin: 'http://127.0.0.1:3000' }))).toBe(
      'ORIGIN_FORBIDDEN',
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.obj).toEqual({
      siteOrigin: 'https://folio.example',
      origin: 'http://127.0.0.1:3000',
    });
    expect(warnings[0]!.msg).toContain('SITE_ORIGIN https://folio.example');
    expect(warnings[0]!.msg).toContain('http://127.0.0.1:3000');
    expect(code(() => sessions.assertSameSite({ origin: 'https://folio.example' }))).toBeNull();
    expect(warnings).toHaveLength(1);
  });
});

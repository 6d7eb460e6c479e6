import type { AuthResult, Permission } from '@folio/schema';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { Redis } from 'ioredis';
import type { Config } from '../../config';
import { AppError } from '../../lib/errors';
import { sameSiteOrigins } from '../../lib/loopback';
import { loadMe } from '../users/me';
import type { AuditLog } from '../audit/service';
import type { UserRepository, UserRow } from '../users/repository';
import { REMEMBER_TTL_SECONDS, type SessionRecord, type SessionStore } from './store';

export const ACCESS_AUDIENCE = 'folio';
/** The refresh cookie is only ever sent to the auth endpoints. */
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

/** Who a request acts for: the user and the session its access token belongs to. */
export interface AuthContext {
  userId: number;
  sid: string;
}

export interface AccessClaims {
  sub: string;
  sid: string;
  typ: string;
}

/** Signs and checks access tokens; the checker requires aud, exp, sub, sid and typ. */
export interface AccessTokenSigner {
  sign(
    payload: { sid: string; typ: 'access' },
    options: { sub: string; expiresIn: number },
  ): string;
  verify(token: string): AccessClaims;
}

export interface CookieSpec {
  name: string;
  value: string;
  options: CookieSerializeOptions;
}

/** A session just started or renewed: what the client is answered, and the cookie to set. */
export interface IssuedSession {
  sid: string;
  user: UserRow;
  result: AuthResult;
  cookie: CookieSpec;
}

export interface ClientMeta {
  ip: string;
  userAgent?: string | undefined;
}

export interface SessionServiceDeps {
  store: SessionStore;
  users: UserRepository;
  redis: Redis;
  accessTokens: AccessTokenSigner;
  config: Pick<Config, 'ACCESS_TOKEN_TTL_SECONDS' | 'NODE_ENV' | 'SITE_ORIGIN'>;
  log: { warn: (obj: object, msg: string) => void };
  /** Where every login is recorded (the audit log). */
  audit?: Pick<AuditLog, 'record'>;
  now?: () => Date;
}

const unauthenticated = () => new AppError('UNAUTHENTICATED', { location: '/login' });
const expired = () => new AppError('SESSION_EXPIRED', { location: '/login' });

/**
 * Whether an account may have a session at all right now, whatever the way in (password, code,
 * link, provider) and whether starting one or keeping one (refresh, access token): the one rule.
 */
export function loginRefusal(user: UserRow, now: Date = new Date()): AppError | null {
  if (user.status === 'pending')
    return new AppError('ACCOUNT_PENDING', { location: '/verify-email' });
  if (user.status === 'locked') return new AppError('ACCOUNT_DISABLED');
  if (user.lockedUntil && user.lockedUntil.getTime() > now.getTime()) {
    return new AppError('ACCOUNT_LOCKED', {
      params: { until: user.lockedUntil.toISOString() },
      retryAfter: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000),
    });
  }
  return null;
}

/**
 * The one session service: starting, renewing and ending sessions, the refresh cookie's policy
 * and who may log in. Every way in (password, SMS code, verify-email, OAuth callback) starts its
 * session here, and every authenticated request is checked here.
 */
export function createSessionService(deps: SessionServiceDeps) {
  const { store, users, redis, accessTokens, config, log } = deps;
  const now = deps.now ?? (() => new Date());
  const siteOrigins = sameSiteOrigins(config.SITE_ORIGIN);
  const production = config.NODE_ENV === 'production';
  // `__Secure-` makes browsers refuse the cookie unless it came, and goes, over a secure origin.
  const cookieName = production ? '__Secure-folio_refresh' : 'folio_refresh';

  function cookie(token: string, remember: boolean): CookieSpec {
    return {
      name: cookieName,
      value: token,
      options: {
        path: REFRESH_COOKIE_PATH,
        httpOnly: true,
        sameSite: 'strict',
        secure: production,
        // Without "remember me" the cookie ends with the browser session.
        ...(remember && { maxAge: REMEMBER_TTL_SECONDS }),
      },
    };
  }

  async function issue(user: UserRow, sid: string, token: string, remember: boolean) {
    const result: AuthResult = {
      accessToken: accessTokens.sign(
        { sid, typ: 'access' },
        { sub: String(user.id), expiresIn: config.ACCESS_TOKEN_TTL_SECONDS },
      ),
      expiresIn: config.ACCESS_TOKEN_TTL_SECONDS,
      user: await loadMe(users, redis, user),
    };
    return { sid, user, result, cookie: cookie(token, remember) };
  }

  /** The account behind a session, while it may still be logged in; otherwise the session ends. */
  async function holder(
    sid: string,
    userId: number,
    found: Promise<UserRow | undefined> = users.findById(userId),
  ): Promise<UserRow> {
    const user = await found;
    const refusal = user ? loginRefusal(user, now()) : expired();
    if (refusal) {
      await store.revoke(sid);
      throw refusal;
    }
    return user!;
  }

  /** The claims of a valid access token in an `Authorization: Bearer` header. */
  function accessClaimsOf(authorization: string | undefined): { userId: number; sid: string } {
    const token = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : '';
    if (!token) throw unauthenticated();
    let claims: AccessClaims;
    try {
      claims = accessTokens.verify(token);
    } catch {
      throw unauthenticated();
    }
    const userId = Number(claims.sub);
    if (
      claims.typ !== 'access' ||
      !Number.isSafeInteger(userId) ||
      typeof claims.sid !== 'string'
    ) {
      throw unauthenticated();
    }
    return { userId, sid: claims.sid };
  }

  /** The request's session, live and the user's, and the account, still allowed to log in. */
  async function checked(
    { userId, sid }: { userId: number; sid: string },
    found: Promise<UserRow | undefined>,
  ): Promise<AuthContext> {
    const session = await store.get(sid);
    if (!session || session.userId !== userId) throw expired();
    await holder(sid, userId, found);
    return { userId, sid };
  }

  function assertMayLogIn(user: UserRow): void {
    const refusal = loginRefusal(user, now());
    if (refusal) throw refusal;
  }

  return {
    cookieName,
    cookie,
    clearedCookie: (): CookieSpec => ({
      name: cookieName,
      value: '',
      options: {
        path: REFRESH_COOKIE_PATH,
        httpOnly: true,
        sameSite: 'strict',
        secure: production,
      },
    }),

    /** Throws why the account may not log in, if it may not. */
    assertMayLogIn,

    /** Logs a user in: a new session, its refresh cookie, an access token and the account. */
    async start(user: UserRow, meta: ClientMeta & { remember: boolean }): Promise<IssuedSession> {
      assertMayLogIn(user);
      const { sid, refreshToken } = await store.create(user.id, {
        remember: meta.remember,
        userAgent: meta.userAgent?.slice(0, 512) ?? null,
        ip: meta.ip,
      });
      await users.markLogin(user.id, meta.ip);
      await deps.audit?.record(
        { actorId: user.id, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 512) ?? null },
        {
          action: 'login',
          target: { type: 'user', id: user.id },
          after: { remember: meta.remember },
        },
      );
      return issue((await users.findById(user.id)) ?? user, sid, refreshToken, meta.remember);
    },

    /**
     * Refresh may only be asked for by the site's own pages: a cross-site form or script can't
     * send this `Origin`, and browsers that omit it still say `Sec-Fetch-Site: same-origin`. A
     * refusal is logged, since a site opened under another name than SITE_ORIGIN looks to its
     * user like being logged out on every reload.
     */
    assertSameSite(headers: { origin?: string | undefined; 'sec-fetch-site'?: string | string[] }) {
      const { origin } = headers;
      const ok =
        origin !== undefined
          ? siteOrigins.has(origin)
          : headers['sec-fetch-site'] === 'same-origin';
      if (ok) return;
      log.warn(
        { siteOrigin: config.SITE_ORIGIN, origin: origin ?? null },
        `refresh refused: Origin ${origin ?? '(none)'} is not SITE_ORIGIN ${config.SITE_ORIGIN}`,
      );
      throw new AppError('ORIGIN_FORBIDDEN');
    },

    /** Trades a refresh token for the next one; an old token of the family ends the session. */
    async refresh(token: string | undefined, meta: ClientMeta): Promise<IssuedSession> {
      if (!token) throw unauthenticated();
      const rotated = await store.rotate(token, { ip: meta.ip });
      if (rotated.kind === 'invalid') throw unauthenticated();
      if (rotated.kind === 'reused') throw expired();
      const user = await holder(rotated.sid, rotated.session.userId);
      return issue(user, rotated.sid, rotated.refreshToken, rotated.session.remember);
    },

    /**
     * The user and session an `Authorization: Bearer` header stands for. Checked on every request:
     * an ended session, or an account that may no longer log in, is refused at once.
     */
    async authenticate(authorization: string | undefined): Promise<AuthContext> {
      const claims = accessClaimsOf(authorization);
      // The session and the account at the same time: every authenticated request waits for both.
      const found = users.findById(claims.userId);
      found.catch(() => undefined);
      return checked(claims, found);
    },

    /**
     * `authenticate`, and whether the user's roles hold `permission` now, read with the account
     * in one statement.
     */
    async authorize(
      authorization: string | undefined,
      permission: Permission,
    ): Promise<{ auth: AuthContext; holds: boolean }> {
      const claims = accessClaimsOf(authorization);
      const found = users.findHolding(claims.userId, permission);
      found.catch(() => undefined);
      const auth = await checked(
        claims,
        found.then((row) => row?.user),
      );
      return { auth, holds: (await found)!.holds };
    },

    /** The session a refresh token (of any generation) belongs to, if it is still live. */
    sessionOf: (token: string | undefined) => store.sessionOf(token),
    get: (sid: string): Promise<SessionRecord | null> => store.get(sid),
    list: (userId: number) => store.list(userId),
    end: (sid: string) => store.revoke(sid),
    /** Which of these sessions are still live (the event streams drop the others). */
    alive: (sids: string[]) => store.alive(sids),
    /** Ends every session of a user but `keep`: a password change, a reset, an account deleted. */
    endAll: (userId: number, keep?: string) => store.revokeAll(userId, keep),
  };
}

export type SessionService = ReturnType<typeof createSessionService>;

import { createHash, timingSafeEqual } from 'node:crypto';
import type { AuthResult } from '@folio/schema';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { REMEMBER_TTL_SECONDS } from '../sessions/store';
import { loadMe } from '../users/me';
import type { UserRepository, UserRow } from '../users/repository';

export const REFRESH_COOKIE = 'folio_refresh';
/** The refresh cookie is only ever sent to the auth endpoints. */
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

export function setRefreshCookie(
  app: FastifyInstance,
  reply: FastifyReply,
  token: string,
  remember: boolean,
) {
  reply.setCookie(REFRESH_COOKIE, token, {
    path: REFRESH_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure: app.config.NODE_ENV === 'production' && app.config.SITE_ORIGIN.startsWith('https:'),
    // Without "remember me" the cookie ends with the browser session.
    ...(remember && { maxAge: REMEMBER_TTL_SECONDS }),
  });
}

export function clearRefreshCookie(reply: FastifyReply) {
  reply.clearCookie(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH });
}

/** Logs a user in: a new session, its refresh cookie, an access token and the account. */
export async function startSession(
  app: FastifyInstance,
  users: UserRepository,
  request: FastifyRequest,
  reply: FastifyReply,
  user: UserRow,
  remember: boolean,
): Promise<AuthResult> {
  const userAgent = request.headers['user-agent']?.slice(0, 512) ?? null;
  const { sid, refreshToken } = await app.sessions.create(user.id, {
    remember,
    userAgent,
    ip: request.ip,
  });
  await users.markLogin(user.id, request.ip);
  setRefreshCookie(app, reply, refreshToken, remember);
  return authResultFor(app, users, (await users.findById(user.id)) ?? user, sid);
}

/** What a refresh answers: a new access token for the session and the account as it is now. */
export async function authResultFor(
  app: FastifyInstance,
  users: UserRepository,
  user: UserRow,
  sid: string,
): Promise<AuthResult> {
  return {
    accessToken: app.signAccessToken({ userId: user.id, sid }),
    expiresIn: app.config.ACCESS_TOKEN_TTL_SECONDS,
    user: await loadMe(users, app.redis, user),
  };
}

/**
 * The session a refresh token belongs to, when the token is its current one or the one just
 * before (so a logout right after a rotation still ends it); null otherwise.
 */
export async function sessionIdOfRefreshToken(
  app: FastifyInstance,
  token: string | undefined,
): Promise<string | null> {
  const [sid, secret] = token?.split('.') ?? [];
  if (!sid || !secret || !/^[A-Za-z0-9_-]{16,64}$/.test(sid)) return null;
  const session = await app.sessions.get(sid);
  if (!session) return null;
  const presented = Buffer.from(createHash('sha256').update(secret).digest('base64url'));
  const matches = (hash: string | null) =>
    !!hash && hash.length === presented.length && timingSafeEqual(Buffer.from(hash), presented);
  return matches(session.refreshHash) || matches(session.previousHash) ? sid : null;
}

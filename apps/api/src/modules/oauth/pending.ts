import { randomBytes, timingSafeEqual } from 'node:crypto';
import { LIMITS } from '@folio/schema';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { Config } from '../../config';
import { AppError } from '../../lib/errors';
import type { UserRepository } from '../users/repository';
import type { ProviderAccount } from './providers';

/** What binding a provider account needs. */
export interface PendingDeps {
  redis: Redis;
  users: UserRepository;
  config: Pick<Config, 'OAUTH_PROVIDERS'>;
}

/**
 * A random value that ties a sign-in to the browser that started it: a state or ticket presented
 * from another browser (a link someone was sent) is refused, so nobody can log a person into their
 * own account or bind their own provider account to someone else's.
 */
export const OAUTH_BROWSER_COOKIE = 'folio_oauth';
/** Sent to the callback and to the login and register endpoints that take an `oauthTicket`. */
const OAUTH_BROWSER_COOKIE_PATH = '/api/v1/auth';

/** How long a started sign-in and an unbound provider account wait. */
export const OAUTH_TTL_SECONDS = 600;

/** An unbound provider account waiting for the person to log in or register. */
export interface PendingIdentity extends ProviderAccount {
  provider: string;
  browser: string;
}

const pendingKey = (ticket: string) => `oauth:pending:${ticket}`;

export function sameSecret(a: string, b: string | undefined): boolean {
  if (!b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The browser's value, made and set on the first sign-in it starts. */
export function browserKey(secure: boolean, request: FastifyRequest, reply: FastifyReply) {
  const existing = request.cookies[OAUTH_BROWSER_COOKIE];
  if (existing && /^[\w-]{43}$/.test(existing)) return existing;
  const key = randomBytes(32).toString('base64url');
  reply.setCookie(OAUTH_BROWSER_COOKIE, key, {
    path: OAUTH_BROWSER_COOKIE_PATH,
    httpOnly: true,
    // Lax: the provider sends the browser back with a top-level GET from its own site.
    sameSite: 'lax',
    secure,
    maxAge: OAUTH_TTL_SECONDS,
  });
  return key;
}

export async function savePending(redis: Redis, pending: PendingIdentity): Promise<string> {
  const ticket = randomBytes(24).toString('base64url');
  await redis.set(pendingKey(ticket), JSON.stringify(pending), 'EX', OAUTH_TTL_SECONDS);
  return ticket;
}

function parse(raw: string | null, browser: string | undefined): PendingIdentity | null {
  const pending = raw ? (JSON.parse(raw) as PendingIdentity) : null;
  return pending && sameSecret(pending.browser, browser) ? pending : null;
}

/** The pending account behind a ticket, for the browser that made it; TOKEN_INVALID otherwise. */
export async function peekPending(
  redis: Redis,
  ticket: string,
  browser: string | undefined,
): Promise<PendingIdentity> {
  const pending = parse(await redis.get(pendingKey(ticket)), browser);
  if (!pending) throw new AppError('TOKEN_INVALID');
  return pending;
}

function usable(deps: PendingDeps, pending: PendingIdentity | null): PendingIdentity {
  if (!pending || !deps.config.OAUTH_PROVIDERS.some((p) => p.id === pending.provider)) {
    throw new AppError('TOKEN_INVALID', { errors: { oauthTicket: 'tokenInvalid' } });
  }
  return pending;
}

/**
 * Checks, without using it, that a ticket could be bound to a new account: registration calls this
 * before it makes the account, so a bad ticket stops it early (TOKEN_INVALID, IDENTITY_TAKEN)
 * whatever else the request holds.
 */
export async function checkPendingIdentity(
  deps: PendingDeps,
  ticket: string,
  browser: string | undefined,
): Promise<void> {
  const pending = usable(deps, parse(await deps.redis.get(pendingKey(ticket)), browser));
  if (await deps.users.findByIdentity(pending.provider, pending.subject)) {
    throw new AppError('IDENTITY_TAKEN');
  }
}

/**
 * Binds the provider account a ticket stands for to a user who just logged in or registered, in the
 * browser that signed in at the provider (`browser`: its `folio_oauth` cookie). The ticket works
 * once; TOKEN_INVALID when it is unknown, used, expired or from another browser, IDENTITY_TAKEN
 * when that account is bound to someone else.
 */
export async function attachPendingIdentity(
  deps: PendingDeps,
  userId: number,
  ticket: string,
  browser: string | undefined,
): Promise<void> {
  const pending = usable(deps, parse(await deps.redis.getdel(pendingKey(ticket)), browser));
  await bindIdentity(deps, userId, pending);
}

/** Adds a provider account to a user; binding the same one again is fine, someone else's is not. */
export async function bindIdentity(
  deps: PendingDeps,
  userId: number,
  account: ProviderAccount & { provider: string },
): Promise<void> {
  const owner = await deps.users.findByIdentity(account.provider, account.subject);
  if (owner) {
    if (owner.user.id === userId) return;
    throw new AppError('IDENTITY_TAKEN');
  }
  await deps.users.addIdentity(userId, {
    kind: 'oauth',
    provider: account.provider,
    subject: account.subject,
    label: (account.email ?? account.name ?? account.subject).slice(0, LIMITS.email),
    verifiedAt: new Date(),
  });
}

import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Failures for an account or an IP within this window make the next attempt need a captcha (for
 * an account, after the `captchaAfterFailedLogins` setting's count).
 */
export const LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60;
/**
 * Many people share one address (an office, a carrier's NAT): an address needs far more failures,
 * for any accounts, before everyone behind it is asked for a captcha.
 */
export const CAPTCHA_AFTER_IP_FAILURES = 30;
/**
 * Failures one source (a device, else an IP) may make for one account within the window before
 * each next one makes it wait, twice as long every time, up to MAX_DELAY_SECONDS.
 */
export const SOURCE_WINDOW_SECONDS = 3600;
export const FREE_FAILURES_PER_SOURCE = 5;
export const MAX_DELAY_SECONDS = 15 * 60;
/** A browser that logged in to an account is known to it for this long. */
export const DEVICE_TTL_SECONDS = 365 * 24 * 3600;
export const DEVICE_COOKIE = 'folio_device';

/**
 * Keys are by the account as typed (normalized), not by user, so an unknown account is throttled
 * exactly like a known one and the answers tell nothing apart.
 */
export const loginGuardKeys = {
  account: (account: string) => `login-fail:account:${account}`,
  ip: (ip: string) => `login-fail:ip:${ip}`,
  /** A hash: failures per source within SOURCE_WINDOW_SECONDS. */
  sources: (account: string) => `login-fail:sources:${account}`,
  /** A hash: until when (ms) each source must wait. */
  waits: (account: string) => `login-wait:${account}`,
  devices: (userId: number) => `login-devices:${userId}`,
};

/** Where an attempt comes from: a browser that logged in to the account before, or an IP. */
export interface LoginSource {
  ip: string;
  /** The device id, when the browser's device cookie is known to this account. */
  knownDevice: string | null;
}

const sourceId = (s: LoginSource) => (s.knownDevice ? `device:${s.knownDevice}` : `ip:${s.ip}`);
const DEVICE_ID = /^[A-Za-z0-9_-]{22}$/;

/**
 * Password-login throttling in Redis. Nobody can lock an owner out: failures slow down only the
 * source that makes them (growing delays) and ask strangers for a captcha, while the owner's own
 * device, or an SMS code, still gets in.
 */
export function createLoginGuard(redis: Redis) {
  const k = loginGuardKeys;
  return {
    /** The id of a browser's device cookie when it is known to `userId`; null otherwise. */
    async knownDevice(userId: number | undefined, cookie: string | undefined) {
      if (!userId || !cookie || !DEVICE_ID.test(cookie)) return null;
      return (await redis.sismember(k.devices(userId), cookie)) ? cookie : null;
    },

    /** Remembers the browser as one that logged in to the account; answers its cookie value. */
    async rememberDevice(userId: number, cookie: string | undefined): Promise<string> {
      const id = cookie && DEVICE_ID.test(cookie) ? cookie : randomBytes(16).toString('base64url');
      await redis
        .multi()
        .sadd(k.devices(userId), id)
        .expire(k.devices(userId), DEVICE_TTL_SECONDS)
        .exec();
      return id;
    },

    /**
     * A known device is trusted; anyone else needs a captcha after `afterFailures` failures for
     * the account (0: always), or CAPTCHA_AFTER_IP_FAILURES for the IP.
     */
    async needsCaptcha(
      account: string,
      source: LoginSource,
      afterFailures: number,
    ): Promise<boolean> {
      if (source.knownDevice) return false;
      const [a, i] = await redis.mget(k.account(account), k.ip(source.ip));
      return Number(a ?? 0) >= afterFailures || Number(i ?? 0) >= CAPTCHA_AFTER_IP_FAILURES;
    },

    /** When this source may try this account again, if it must wait. */
    async waitUntil(account: string, source: LoginSource): Promise<Date | null> {
      const until = await redis.hget(k.waits(account), sourceId(source));
      return until && Number(until) > Date.now() ? new Date(Number(until)) : null;
    },

    /** Counts a failure; returns until when the source must now wait, if it must. */
    async recordFailure(account: string, source: LoginSource): Promise<Date | null> {
      const id = sourceId(source);
      // Fixed windows from the first failure: EXPIRE NX leaves a running window alone.
      const results = await redis
        .multi()
        .incr(k.account(account))
        .expire(k.account(account), LOGIN_FAILURE_WINDOW_SECONDS, 'NX')
        .incr(k.ip(source.ip))
        .expire(k.ip(source.ip), LOGIN_FAILURE_WINDOW_SECONDS, 'NX')
        .hincrby(k.sources(account), id, 1)
        .expire(k.sources(account), SOURCE_WINDOW_SECONDS, 'NX')
        .exec();
      const failures = Number(results?.[4]?.[1] ?? 0);
      if (failures < FREE_FAILURES_PER_SOURCE) return null;
      const seconds = Math.min(MAX_DELAY_SECONDS, 2 ** (failures - FREE_FAILURES_PER_SOURCE));
      const until = new Date(Date.now() + seconds * 1000);
      await redis
        .multi()
        .hset(k.waits(account), id, String(until.getTime()))
        .expire(k.waits(account), seconds, 'NX')
        .expire(k.waits(account), seconds, 'GT')
        .exec();
      return until;
    },

    /** After a successful login: this source starts afresh, and so does the account's captcha. */
    async clear(account: string, source: LoginSource): Promise<void> {
      const id = sourceId(source);
      await redis
        .multi()
        .del(k.account(account))
        .hdel(k.sources(account), id)
        .hdel(k.waits(account), id)
        .exec();
    },

    /** After a password reset: every source starts afresh. */
    async clearAll(account: string): Promise<void> {
      await redis.del(k.account(account), k.sources(account), k.waits(account));
    },
  };
}

export type LoginGuard = ReturnType<typeof createLoginGuard>;

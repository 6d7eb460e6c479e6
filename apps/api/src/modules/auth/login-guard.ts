import type { Redis } from 'ioredis';

/** Failures for an account or an IP within this window make the next attempt need a captcha. */
export const LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60;
export const CAPTCHA_AFTER_FAILURES = 3;
/** This many failures for an account within an hour lock it for LOCK_SECONDS. */
export const LOCK_WINDOW_SECONDS = 3600;
export const LOCK_AFTER_FAILURES = 100;
export const LOCK_SECONDS = 30 * 60;

/**
 * Keys are by the account as typed (normalized), not by user, so an unknown account is throttled
 * and locked exactly like a known one and the answers tell nothing apart.
 */
export const loginGuardKeys = {
  account: (account: string) => `login-fail:account:${account}`,
  ip: (ip: string) => `login-fail:ip:${ip}`,
  hour: (account: string) => `login-fail-hour:${account}`,
  lock: (account: string) => `login-lock:${account}`,
};

/** Password-login throttling in Redis: captcha after a few failures, a lock after many. */
export function createLoginGuard(redis: Redis) {
  const k = loginGuardKeys;
  return {
    async needsCaptcha(account: string, ip: string): Promise<boolean> {
      const [a, i] = await redis.mget(k.account(account), k.ip(ip));
      return Number(a ?? 0) >= CAPTCHA_AFTER_FAILURES || Number(i ?? 0) >= CAPTCHA_AFTER_FAILURES;
    },

    async lockedUntil(account: string): Promise<Date | null> {
      const until = await redis.get(k.lock(account));
      return until ? new Date(until) : null;
    },

    /** Counts a failure; returns the lock's end when this failure locks the account. */
    async recordFailure(account: string, ip: string): Promise<Date | null> {
      // Fixed windows from the first failure: EXPIRE NX leaves a running window alone.
      const results = await redis
        .multi()
        .incr(k.account(account))
        .expire(k.account(account), LOGIN_FAILURE_WINDOW_SECONDS, 'NX')
        .incr(k.ip(ip))
        .expire(k.ip(ip), LOGIN_FAILURE_WINDOW_SECONDS, 'NX')
        .incr(k.hour(account))
        .expire(k.hour(account), LOCK_WINDOW_SECONDS, 'NX')
        .exec();
      const hourly = Number(results?.[4]?.[1] ?? 0);
      if (hourly < LOCK_AFTER_FAILURES) return null;
      const until = new Date(Date.now() + LOCK_SECONDS * 1000);
      await redis.set(k.lock(account), until.toISOString(), 'EX', LOCK_SECONDS);
      return until;
    },

    /** After a successful login or a password reset: the account starts afresh. */
    async clear(account: string): Promise<void> {
      await redis.del(k.account(account), k.hour(account), k.lock(account));
    },
  };
}

export type LoginGuard = ReturnType<typeof createLoginGuard>;

import { createHash, randomInt } from 'node:crypto';
import type { Locale, SmsPurpose } from '@folio/schema';
import type { Redis } from 'ioredis';
import { AppError } from '../../lib/errors';
import { cooldown, dailyCap } from '../../lib/throttle';
import type { Notifier } from '../notifications/queue';

export const SMS_CODE_TTL_SECONDS = 300;
export const SMS_COOLDOWN_SECONDS = 60;
export const SMS_DAILY_LIMIT = 10;
export const SMS_MAX_TRIES = 5;

const codeKey = (purpose: SmsPurpose, phone: string) => `sms:${purpose}:${phone}`;
const cooldownKey = (purpose: SmsPurpose, phone: string) => `sms-cooldown:${purpose}:${phone}`;
const digest = (phone: string, code: string) =>
  createHash('sha256').update(`${phone}:${code}`).digest('base64url');

/**
 * Six-digit SMS codes at `sms:<purpose>:<phone>`: 5 minutes, single use, dead after 5 wrong
 * tries; one per phone and purpose a minute, ten per phone a day.
 */
export function createSmsCodes(redis: Redis, notifier: Notifier) {
  return {
    /**
     * Applies the limits, then sends a code, or (`deliver: false`, for requests that must not
     * reveal whether an account exists) does everything a send does except sending.
     */
    async request(phone: string, purpose: SmsPurpose, locale: Locale, deliver: boolean) {
      await cooldown(redis, cooldownKey(purpose, phone), SMS_COOLDOWN_SECONDS);
      await dailyCap(redis, `sms-daily:${phone}`, SMS_DAILY_LIMIT);
      if (!deliver) return;
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      await redis
        .multi()
        .del(codeKey(purpose, phone))
        .hset(codeKey(purpose, phone), { hash: digest(phone, code), tries: 0 })
        .expire(codeKey(purpose, phone), SMS_CODE_TTL_SECONDS)
        .exec();
      await notifier.send('sms-code', phone, locale, { code });
    },

    /** Uses up a code; CODE_INVALID when it is wrong, used, expired or out of tries. */
    async consume(phone: string, purpose: SmsPurpose, code: string): Promise<void> {
      const key = codeKey(purpose, phone);
      const stored = await redis.hget(key, 'hash');
      if (stored && stored === digest(phone, code)) {
        // Only the request that deletes it gets to use it.
        if ((await redis.del(key)) === 1) return;
      } else if (stored) {
        const tries = await redis.hincrby(key, 'tries', 1);
        if (tries >= SMS_MAX_TRIES) await redis.del(key);
      }
      throw new AppError('CODE_INVALID', { errors: { code: 'codeWrong' } });
    },
  };
}

export type SmsCodes = ReturnType<typeof createSmsCodes>;

import { createHash, randomInt } from 'node:crypto';
import type { Locale, SmsPurpose } from '@folio/schema';
import type { Redis } from 'ioredis';
import { AppError } from '../../lib/errors';
import { phoneCountry } from '../../lib/phones';
import { cooldown, dailyCap } from '../../lib/throttle';
import type { Notifier } from '../messaging/queue';

export const SMS_CODE_TTL_SECONDS = 300;
export const SMS_COOLDOWN_SECONDS = 60;
export const SMS_DAILY_LIMIT = 10;
export const SMS_MAX_TRIES = 5;

const codeKey = (purpose: SmsPurpose, phone: string) => `sms:${purpose}:${phone}`;
const cooldownKey = (purpose: SmsPurpose, phone: string) => `sms-cooldown:${purpose}:${phone}`;
const digest = (phone: string, code: string) =>
  createHash('sha256').update(`${phone}:${code}`).digest('base64url');

/** The clock hour (UTC) the site-wide SMS budget counts in, e.g. `2026-12-01T21`. */
const budgetHour = (now: Date) => now.toISOString().slice(0, 13);
const budgetKey = (hour: string) => `sms-budget:${hour}`;
const budgetAlertKey = (hour: string) => `sms-budget-alert:${hour}`;
const secondsLeftInHour = (now: Date) => 3600 - Math.floor((now.getTime() / 1000) % 3600);

export interface SmsLimits {
  /** ISO 3166 codes of the countries codes may be texted to. */
  countries: readonly string[];
  /** Texts the whole site may send in a clock hour. */
  hourlyBudget: number;
  log: { error: (obj: object, msg: string) => void };
}

/**
 * Six-digit SMS codes at `sms:<purpose>:<phone>`: 5 minutes, single use, dead after 5 wrong
 * tries; one per phone and purpose a minute, ten per phone a day. Against toll fraud (paid texts
 * to numbers an attacker earns from) only the configured countries get codes, and the whole site
 * sends at most `hourlyBudget` an hour.
 */
export function createSmsCodes(redis: Redis, notifier: Notifier, limits: SmsLimits) {
  const countries = new Set(limits.countries);

  /**
   * The answer once this hour's budget is spent, said in the log once an hour. A 503, not a 429:
   * the site can't send now, whoever asks.
   */
  async function spent(now: Date): Promise<AppError> {
    const hour = budgetHour(now);
    if ((await redis.set(budgetAlertKey(hour), '1', 'EX', 7200, 'NX')) === 'OK') {
      limits.log.error(
        { budget: limits.hourlyBudget, hour },
        `SMS hourly budget of ${limits.hourlyBudget} spent: no codes are sent until the next hour ` +
          '(a toll-fraud attack, or real traffic that needs a bigger SMS_HOURLY_BUDGET)',
      );
    }
    return new AppError('UNAVAILABLE', { detail: 'smsPaused', retryAfter: secondsLeftInHour(now) });
  }

  /** Takes one text from this hour's budget, or refuses when it is spent. */
  async function spendBudget(now: Date) {
    const key = budgetKey(budgetHour(now));
    const count = await redis.incr(key);
    if (count === 1) await redis.expire(key, 7200);
    if (count > limits.hourlyBudget) throw await spent(now);
  }

  return {
    /**
     * Applies the limits, then sends a code, or (`deliver: false`, for requests that must not
     * reveal whether an account exists) does everything a send does except sending. A phone
     * outside the allowed countries is a VALIDATION_FAILED on `field`.
     */
    async request(
      phone: string,
      purpose: SmsPurpose,
      locale: Locale,
      deliver: boolean,
      field = 'phone',
    ) {
      const country = phoneCountry(phone);
      if (!country || !countries.has(country)) {
        throw new AppError('VALIDATION_FAILED', { errors: { [field]: 'phoneCountryUnsupported' } });
      }
      // A spent budget refuses every request alike, sent or pretended, so it tells nothing.
      const now = new Date();
      if (Number(await redis.get(budgetKey(budgetHour(now)))) >= limits.hourlyBudget) {
        throw await spent(now);
      }
      await cooldown(redis, cooldownKey(purpose, phone), SMS_COOLDOWN_SECONDS);
      await dailyCap(redis, `sms-daily:${phone}`, SMS_DAILY_LIMIT);
      if (!deliver) return;
      await spendBudget(now);
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

import { randomBytes } from 'node:crypto';
import type { Captcha } from '@folio/schema';
import type { Redis } from 'ioredis';
import svgCaptcha from 'svg-captcha';
import { AppError } from '../../lib/errors';

export const CAPTCHA_TTL_SECONDS = 300;
const key = (id: string) => `captcha:${id}`;

/**
 * Picture captchas. The expected answer (lower-cased) waits at `captcha:<id>` for 5 minutes and
 * is used up by the first check, right or wrong.
 */
export function createCaptchaService(redis: Redis) {
  return {
    async create(): Promise<Captcha> {
      const { text, data } = svgCaptcha.create({
        size: 4,
        noise: 2,
        ignoreChars: '0oO1ilI',
        color: true,
        background: '#f8f9fa',
      });
      const id = randomBytes(16).toString('base64url');
      await redis.set(key(id), text.toLowerCase(), 'EX', CAPTCHA_TTL_SECONDS);
      return { id, svg: data };
    },

    /** Throws CAPTCHA_INVALID unless `text` answers captcha `id`; either way the captcha is gone. */
    async check(id: string | undefined, text: string | undefined): Promise<void> {
      const expected = id ? await redis.getdel(key(id)) : null;
      if (!expected || !text || expected !== text.trim().toLowerCase()) {
        throw new AppError('CAPTCHA_INVALID', { errors: { captchaText: 'captchaWrong' } });
      }
    },
  };
}

export type CaptchaService = ReturnType<typeof createCaptchaService>;

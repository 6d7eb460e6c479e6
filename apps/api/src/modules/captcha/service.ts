import { randomBytes, randomInt } from 'node:crypto';
import type { Captcha } from '@folio/schema';
import type { Redis } from 'ioredis';
import type svgCaptcha from 'svg-captcha';
import { AppError } from '../../lib/errors';

export const CAPTCHA_TTL_SECONDS = 300;
const key = (id: string) => `captcha:${id}`;

/** Letters and digits that can't be taken for one another (no 0/o/O, 1/i/l/I). */
const CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789';
const WIDTH = 200;
const HEIGHT = 50;
/** Dark inks that read on the light background; noise uses the same, so colour can't sort it out. */
const INKS = [
  '#1f4e79',
  '#7b2d26',
  '#2e6b30',
  '#5b2a86',
  '#8a5a00',
  '#222222',
  '#0f5e66',
  '#a0325a',
];

/** `svgCaptcha(text, options)`: documented in its README, missing from its type declarations. */
type DrawText = (text: string, options: svgCaptcha.ConfigObject) => string;

let drawing: Promise<DrawText> | undefined;
/** svg-captcha (with the font it parses) is loaded by the first captcha, not at start-up. */
const drawer = () =>
  (drawing ??= import('svg-captcha').then(({ default: draw }) => draw as unknown as DrawText));

const ink = () => INKS[randomInt(INKS.length)]!;
const between = (min: number, max: number) => min + randomInt(1000) * ((max - min) / 1000);

/** 5 or 6 characters, from node:crypto (svg-captcha's own text comes from Math.random). */
function captchaText(): string {
  return Array.from({ length: randomInt(5, 7) }, () => CHARS[randomInt(CHARS.length)]).join('');
}

/** A curve from the left edge to the right one, across the text. */
function noiseCurve(): string {
  const y = () => randomInt(4, HEIGHT - 4);
  const d = `M${randomInt(0, 20)} ${y()} C${randomInt(40, 90)} ${y()},${randomInt(110, 160)} ${y()},${randomInt(WIDTH - 20, WIDTH)} ${y()}`;
  return `<path d="${d}" stroke="${ink()}" stroke-width="${between(0.8, 1.8).toFixed(1)}" fill="none" opacity="0.8"/>`;
}

function noiseDot(): string {
  const r = between(0.6, 1.6).toFixed(1);
  return `<circle cx="${randomInt(WIDTH)}" cy="${randomInt(HEIGHT)}" r="${r}" fill="${ink()}" opacity="0.6"/>`;
}

/**
 * Harder than svg-captcha's defaults: 5 or 6 characters in mixed dark inks, crossed by three
 * curves and sprinkled with dots, and the text and curves bent along a random smooth field (an
 * SVG displacement filter) so no two letters sit on one straight baseline. Still meant for
 * people: the letters stay whole and apart, and the answer ignores case.
 */
function picture(drawText: DrawText, text: string): string {
  const glyphs = drawText(text, {
    width: WIDTH,
    height: HEIGHT,
    noise: 0,
    color: true,
    fontSize: 46,
  })
    .replace(/^<svg[^>]*>|<\/svg>$/g, '')
    .replace(/fill="[^"]*"/g, () => `fill="${ink()}"`);
  const curves = Array.from({ length: 3 }, noiseCurve).join('');
  const dots = Array.from({ length: 40 }, noiseDot).join('');
  const warp =
    `<filter id="warp" x="-10%" y="-20%" width="120%" height="140%">` +
    `<feTurbulence type="fractalNoise" baseFrequency="0.015 0.03" numOctaves="1" seed="${randomInt(1, 10_000)}"/>` +
    `<feDisplacementMap in="SourceGraphic" scale="12" xChannelSelector="R" yChannelSelector="G"/></filter>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0,0,${WIDTH},${HEIGHT}">` +
    `<defs>${warp}</defs><rect width="100%" height="100%" fill="#f8f9fa"/>${dots}` +
    `<g filter="url(#warp)">${glyphs}${curves}</g></svg>`
  );
}

/**
 * Picture captchas. The expected answer (lower-cased) waits at `captcha:<id>` for 5 minutes and
 * is used up by the first check, right or wrong.
 */
export function createCaptchaService(redis: Redis) {
  return {
    async create(): Promise<Captcha> {
      const text = captchaText();
      const id = randomBytes(16).toString('base64url');
      await redis.set(key(id), text.toLowerCase(), 'EX', CAPTCHA_TTL_SECONDS);
      return { id, svg: picture(await drawer(), text) };
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

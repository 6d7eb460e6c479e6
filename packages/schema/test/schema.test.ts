import { describe, expect, it } from 'vitest';
import {
  BlogListQuery,
  ERROR_CODES,
  ERROR_MESSAGES,
  ERROR_STATUS,
  FIELD_MESSAGES,
  IdParam,
  LOCALES,
  PasswordSchema,
  PhoneSchema,
  ResetPasswordBody,
  fieldMessage,
  pickLocale,
  safeNextPath,
} from '../src';

describe('pickLocale', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['fr, en;q=0.5, zh;q=0.4', 'en'],
    ['en;q=0.2, zh-CN;q=0.9', 'zh-CN'],
    ['de, fr', 'en'],
    ['zh;q=0, en;q=0.1', 'en'],
  ])('%s → %s', (header, locale) => {
    expect(pickLocale(header)).toBe(locale);
  });
});

describe('safeNextPath', () => {
  it.each([
    ['/account', '/account'],
    ['/blogs?page=2#top', '/blogs?page=2#top'],
    ['https://evil.example/', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/ok\nSet-Cookie:x', '/'],
    ['', '/'],
    [null, '/'],
  ])('%s → %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});

describe('the message catalogue', () => {
  it('has a status and a message in every locale for every error code', () => {
    for (const code of ERROR_CODES) {
      expect(ERROR_STATUS[code]).toBeGreaterThanOrEqual(400);
      for (const locale of LOCALES) expect(ERROR_MESSAGES[code][locale]).toMatch(/\S/);
    }
  });

  it('translates field message keys and leaves other text alone', () => {
    for (const key of Object.keys(FIELD_MESSAGES) as (keyof typeof FIELD_MESSAGES)[]) {
      expect(fieldMessage(key, 'zh-CN')).toBe(FIELD_MESSAGES[key]['zh-CN']);
      expect(fieldMessage(key, 'en')).toBe(FIELD_MESSAGES[key].en);
    }
    expect(fieldMessage('Too small', 'zh-CN')).toBe('Too small');
  });
});

describe('shared validators', () => {
  it('accepts only decimal positive ids', () => {
    expect(IdParam.parse({ id: '42' })).toEqual({ id: 42 });
    for (const id of ['0', '-1', '1.5', '1e3', '0x10', 'abc', '99999999999']) {
      expect(IdParam.safeParse({ id }).success).toBe(false);
    }
  });

  it('defaults and bounds list queries', () => {
    expect(BlogListQuery.parse({})).toEqual({ page: 1, perPage: 20, sort: '-pubDate' });
    expect(BlogListQuery.safeParse({ perPage: '101' }).success).toBe(false);
    expect(BlogListQuery.safeParse({ sort: 'title' }).success).toBe(false);
  });

  it('wants passwords of 8 to 128 characters and phones in international form', () => {
    expect(PasswordSchema.safeParse('short').success).toBe(false);
    expect(PasswordSchema.safeParse('x'.repeat(129)).success).toBe(false);
    expect(PasswordSchema.safeParse('long enough').success).toBe(true);
    expect(PhoneSchema.safeParse('+86 138 0013 8000').success).toBe(true);
    expect(PhoneSchema.safeParse('13800138000').success).toBe(false);
  });

  it('resets a password by a link token or by phone and code, not both', () => {
    expect(ResetPasswordBody.safeParse({ token: 't', password: 'long enough' }).success).toBe(true);
    expect(
      ResetPasswordBody.safeParse({
        phone: '+8613800138000',
        code: '123456',
        password: 'long enough',
      }).success,
    ).toBe(true);
    expect(
      ResetPasswordBody.safeParse({
        token: 't',
        phone: '+8613800138000',
        code: '123456',
        password: 'long enough',
      }).success,
    ).toBe(false);
    expect(ResetPasswordBody.safeParse({ password: 'long enough' }).success).toBe(false);
  });
});

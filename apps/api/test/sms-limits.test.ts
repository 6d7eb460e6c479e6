import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { loadConfig } from '../src/config';
import { buildTestApp, forgetRedisKeys, outbox, uniquePhone, waitForMessages } from './helpers';
import { expectFailure, solvedCaptcha, uniqueIp } from './auth-helpers';

/** A valid Russian mobile number: outside the default SMS_COUNTRIES. */
const RUSSIAN_PHONE = '+79123456789';
const BRITISH_PHONE = '+447400123456';

async function askCode(app: App, phone: string, purpose = 'register', locale = 'en') {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/sms-codes',
    remoteAddress: uniqueIp(),
    headers: { 'accept-language': locale },
    payload: { phone, purpose, ...(await solvedCaptcha(app)) },
  });
}

describe('the countries SMS codes go to', () => {
  let app: App;
  beforeAll(async () => {
    ({ app } = await buildTestApp());
  });
  afterAll(() => app.close());

  it('refuses a number outside SMS_COUNTRIES on the phone field, in en and zh-CN', async () => {
    const en = expectFailure(await askCode(app, RUSSIAN_PHONE), 422, 'VALIDATION_FAILED');
    expect(en.errors).toEqual({
      phone: 'We cannot send text messages to numbers in this country or region.',
    });
    const zh = expectFailure(
      await askCode(app, RUSSIAN_PHONE, 'register', 'zh-CN'),
      422,
      'VALIDATION_FAILED',
    );
    expect(zh.errors).toEqual({ phone: '暂不支持向该国家或地区的号码发送短信。' });
    expect(await outbox(app, RUSSIAN_PHONE)).toEqual([]);
  });

  it('refuses it for a reset by phone too, on the account field', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password/forgot',
      remoteAddress: uniqueIp(),
      payload: { account: RUSSIAN_PHONE },
    });
    expect(expectFailure(res, 422, 'VALIDATION_FAILED').errors).toHaveProperty('account');
  });

  it('texts the countries the SPA offers by default', async () => {
    expect((await askCode(app, BRITISH_PHONE)).statusCode).toBe(202);
    await waitForMessages(app, BRITISH_PHONE);
  });

  it('stops start-up on a setting that names no known country', () => {
    expect(() => loadConfig({ SMS_COUNTRIES: 'CN,XX' })).toThrow(
      'Invalid setting SMS_COUNTRIES="CN,XX": must be ISO 3166 country codes like CN,GB',
    );
    expect(loadConfig({ SMS_COUNTRIES: 'cn, gb' }).SMS_COUNTRIES).toEqual(['CN', 'GB']);
  });

  it('follows the setting', async () => {
    const { app: cnOnly } = await buildTestApp({ SMS_COUNTRIES: 'CN' });
    try {
      expectFailure(await askCode(cnOnly, '+447400123457'), 422, 'VALIDATION_FAILED');
      expect((await askCode(cnOnly, uniquePhone())).statusCode).toBe(202);
    } finally {
      await cnOnly.close();
    }
  });
});

describe('the hourly SMS budget', { timeout: 30_000 }, () => {
  const BUDGET = 3;
  let app: App;
  let logs: Record<string, unknown>[];
  beforeAll(async () => {
    ({ app, logs } = await buildTestApp(
      { SMS_HOURLY_BUDGET: String(BUDGET) },
      { captureLogs: true },
    ));
  });
  afterAll(() => app.close());
  // The budget is site-wide: other tests' texts this hour count too.
  beforeEach(() => forgetRedisKeys(app, 'sms-budget*'));

  /** The budget counts per clock hour: a test that straddles two would see it reset. */
  async function awayFromTheHour() {
    const left = 3_600_000 - (Date.now() % 3_600_000);
    if (left < 15_000) await new Promise((r) => setTimeout(r, left + 100));
  }

  const alerts = () =>
    logs.filter((l) => l.level === 50 && String(l.msg).includes('SMS hourly budget'));

  it('stops sending when spent, answers every request alike with 503, and alerts once', async () => {
    await awayFromTheHour();
    const sent: string[] = [];
    for (let i = 0; i < BUDGET; i++) {
      const phone = uniquePhone();
      expect((await askCode(app, phone)).statusCode).toBe(202);
      sent.push(phone);
    }
    for (const phone of sent) await waitForMessages(app, phone);
    expect(alerts()).toHaveLength(0);

    const late = uniquePhone();
    const refused = await askCode(app, late);
    const body = expectFailure(refused, 503, 'UNAVAILABLE');
    expect(body.msg).toBe('Text messages are paused for a while; please try again later.');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(3600);

    // A request that would only pretend to send (log in to an unknown phone) gets the same.
    expectFailure(await askCode(app, uniquePhone(), 'login'), 503, 'UNAVAILABLE');
    expectFailure(await askCode(app, uniquePhone()), 503, 'UNAVAILABLE');
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0]).toMatchObject({ budget: BUDGET });

    await new Promise((r) => setTimeout(r, 300));
    expect(await outbox(app, late)).toEqual([]);
  });

  it('does not spend the budget on requests that send nothing', async () => {
    await awayFromTheHour();
    for (let i = 0; i < BUDGET + 2; i++) {
      expect((await askCode(app, uniquePhone(), 'login')).statusCode).toBe(202);
    }
    expect((await askCode(app, uniquePhone())).statusCode).toBe(202);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { IP_LIMITS } from '../src/modules/auth/routes';
import { CAPTCHA_IP_LIMIT } from '../src/modules/captcha/routes';
import {
  SEARCH_LIMIT,
  SMS_NETWORK_LIMIT,
  UNKNOWN_ROUTE_LIMIT,
} from '../src/plugins/external/rate-limit';
import { buildTestApp, uniquePhone } from './helpers';
import { expectFailure } from './auth-helpers';

let app: App;
beforeAll(async () => {
  ({ app } = await buildTestApp());
});
afterAll(() => app.close());

/**
 * Each test drives a limit from its own loopback network (127.<net>.x.y), so no other test's
 * requests count against it.
 */
let nextNet = 100;
const network = () => {
  const net = nextNet++;
  return (host = 1, sub = 0) => `127.${net}.${sub}.${host}`;
};

type Request = Omit<InjectOptions, 'remoteAddress'>;

/** Sends `count` requests from `ip`; none of them may be refused by a limit. */
async function spend(ip: string, count: number, request: Request) {
  for (let i = 0; i < count; i++) {
    const res = await app.inject({ ...request, remoteAddress: ip });
    expect(res.statusCode, `request ${i + 1} of ${count}`).not.toBe(429);
  }
}

/** The answer past a limit: the RATE_LIMITED envelope with a Retry-After within the window. */
async function expectLimited(ip: string, request: Request, windowMs: number) {
  const res = await app.inject({ ...request, remoteAddress: ip });
  expectFailure(res, 429, 'RATE_LIMITED');
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowMs / 1000);
  expect(res.json().requestId).toBe(res.headers['x-request-id']);
  return res;
}

async function expectNotLimited(ip: string, request: Request) {
  const res = await app.inject({ ...request, remoteAddress: ip });
  expect(res.statusCode).not.toBe(429);
  return res;
}

describe.each([
  ['GET /captcha', { method: 'GET', url: '/api/v1/captcha' }, CAPTCHA_IP_LIMIT],
  // Empty bodies: the limit counts a request before it is read, so these stay cheap.
  ['POST /auth/login', { method: 'POST', url: '/api/v1/auth/login', payload: {} }, IP_LIMITS.login],
  ['POST /auth/refresh', { method: 'POST', url: '/api/v1/auth/refresh' }, IP_LIMITS.refresh],
  [
    'POST /auth/verify-email',
    { method: 'POST', url: '/api/v1/auth/verify-email', payload: {} },
    IP_LIMITS.verifyEmail,
  ],
] as const)('the per-IP limit on %s', (_name, request, limit) => {
  it(`answers 429 after ${limit.max} requests from one address, and only to it`, async () => {
    const net = network();
    await spend(net(1), limit.max, request);
    await expectLimited(net(1), request, limit.timeWindow);
    await expectNotLimited(net(2), request);
  });
});

describe('the captcha limit', () => {
  it('stops making captchas (each a Redis key) for a client past it', async () => {
    const net = network();
    await spend(net(1), CAPTCHA_IP_LIMIT.max, { method: 'GET', url: '/api/v1/captcha' });
    const keys = async () => (await app.redis.keys('captcha:*')).length;
    const before = await keys();
    for (let i = 0; i < 20; i++) {
      await expectLimited(net(1), { method: 'GET', url: '/api/v1/captcha' }, 600_000);
    }
    expect(await keys()).toBe(before);
  });
});

describe.each(['/api/v1/blogs', '/api/v1/authors'])('the search limit on %s', (path) => {
  it('counts only requests with a non-empty q, per address', async () => {
    const net = network();
    // Plain pages and an empty q are not searches: they never reach the limit.
    await spend(net(1), SEARCH_LIMIT.max + 10, { method: 'GET', url: `${path}?page=1` });
    await spend(net(1), 5, { method: 'GET', url: `${path}?q=` });
    await spend(net(1), SEARCH_LIMIT.max, { method: 'GET', url: `${path}?q=sea` });
    await expectLimited(net(1), { method: 'GET', url: `${path}?q=old` }, SEARCH_LIMIT.timeWindow);
    // The limited address still reads pages, and others still search.
    expect((await expectNotLimited(net(1), { method: 'GET', url: path })).statusCode).toBe(200);
    const other = await expectNotLimited(net(2), { method: 'GET', url: `${path}?q=sea` });
    expect(other.statusCode).toBe(200);
  });
});

describe('the unknown-route limit', () => {
  it('answers 429 to an address that keeps asking for routes that do not exist', async () => {
    const net = network();
    for (let i = 0; i < UNKNOWN_ROUTE_LIMIT.max; i++) {
      const res = await app.inject({
        method: i % 2 ? 'POST' : 'GET',
        url: `/api/v1/nothing-${i}`,
        remoteAddress: net(1),
      });
      expect(res.statusCode).toBe(404);
    }
    await expectLimited(net(1), { method: 'GET', url: '/wp-login.php' }, 60_000);
    // Existing routes are not affected, nor are other addresses.
    expect(
      (await expectNotLimited(net(1), { method: 'GET', url: '/api/v1/blogs' })).statusCode,
    ).toBe(200);
    const other = await expectNotLimited(net(2), { method: 'GET', url: '/api/v1/nothing' });
    expectFailure(other, 404, 'NOT_FOUND');
  });

  it('counts unknown API paths that the SPA route answers, not its pages', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'folio-spa-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Folio</title>');
    const { app: spaApp } = await buildTestApp({ WEB_DIST: dist });
    try {
      const net = network();
      for (let i = 0; i < UNKNOWN_ROUTE_LIMIT.max + 10; i++) {
        const page = await spaApp.inject({ url: `/blogs/${i}`, remoteAddress: net(1) });
        expect(page.statusCode).toBe(200);
      }
      for (let i = 0; i < UNKNOWN_ROUTE_LIMIT.max; i++) {
        const res = await spaApp.inject({ url: `/api/v1/nothing-${i}`, remoteAddress: net(1) });
        expect(res.statusCode).toBe(404);
      }
      const res = await spaApp.inject({ url: '/api/v1/nothing', remoteAddress: net(1) });
      expectFailure(res, 429, 'RATE_LIMITED');
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    } finally {
      await spaApp.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('the per-network limit on SMS-sending routes', () => {
  const smsCodes = { method: 'POST', url: '/api/v1/auth/sms-codes', payload: {} } as const;
  const perIp = IP_LIMITS.smsCodes.max;
  const share = SMS_NETWORK_LIMIT.max / 4;

  it('counts a /24 as one: addresses under their own limit are refused together', async () => {
    expect(share).toBeLessThan(perIp);
    const net = network();
    for (let host = 1; host <= 4; host++) await spend(net(host), share, smsCodes);
    await expectLimited(net(5), smsCodes, SMS_NETWORK_LIMIT.timeWindow);
    // The next /24 is another network.
    await expectNotLimited(net(1, 1), smsCodes);
  });

  it('counts a /56 of IPv6 as one network', async () => {
    // Four /64s inside 2001:db8:7:100::/56, each its own address for the per-IP limit.
    const inside = (n: number) => `2001:db8:7:1${n.toString(16).padStart(2, '0')}::1`;
    for (let n = 0; n < 4; n++) await spend(inside(n * 60), share, smsCodes);
    await expectLimited(inside(255), smsCodes, SMS_NETWORK_LIMIT.timeWindow);
    await expectNotLimited('2001:db8:7:200::1', smsCodes);
  });

  it('counts resets by phone, not by email', async () => {
    const net = network();
    const forgot = (account: string) =>
      ({ method: 'POST', url: '/api/v1/auth/password/forgot', payload: { account } }) as const;
    for (let host = 1; host <= 3; host++) await spend(net(host), share, smsCodes);
    for (let i = 0; i < share; i++) {
      const res = await app.inject({ ...forgot(uniquePhone()), remoteAddress: net(4) });
      expect(res.statusCode).toBe(202);
    }
    await expectLimited(net(5), forgot(uniquePhone()), SMS_NETWORK_LIMIT.timeWindow);
    const byEmail = await app.inject({
      ...forgot(`nobody-${Date.now()}@example.test`),
      remoteAddress: net(5),
    });
    expect(byEmail.statusCode).toBe(202);
  });
});

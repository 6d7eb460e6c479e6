import argon2 from 'argon2';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { App } from '../src/app';
import { users } from '../src/db/schema';
import {
  DEVICE_COOKIE,
  CAPTCHA_AFTER_IP_FAILURES,
  FREE_FAILURES_PER_SOURCE,
  loginGuardKeys,
  MAX_DELAY_SECONDS,
} from '../src/modules/auth/login-guard';
import { IP_LIMITS } from '../src/modules/auth/routes';
import { OAUTH_BROWSER_COOKIE, savePending } from '../src/modules/oauth/pending';
import { makeUser, testConfig, uniquePhone } from './helpers';

/** The environment's default of the `captchaAfterFailedLogins` setting, which these tests leave alone. */
const CAPTCHA_AFTER_FAILURES = testConfig().CAPTCHA_AFTER_FAILED_LOGINS;
import {
  buildAuthTestApp,
  comparable,
  expectFailure,
  refreshCookie,
  smsCode,
  solvedCaptcha,
  uniqueEmail,
  uniqueIp,
  WHOAMI,
} from './auth-helpers';

let app: App;
beforeAll(async () => {
  app = await buildAuthTestApp();
});
afterAll(() => app.close());
afterEach(() => {
  vi.restoreAllMocks();
});

function login(payload: Record<string, unknown>, ip = uniqueIp(), cookies = {}) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: ip,
    payload,
    cookies,
  });
}

/** Asks for a login code for `phone` from `ip` and reads it from the outbox. */
async function requestLoginCode(phone: string, ip: string, nth = 1) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sms-codes',
    remoteAddress: ip,
    payload: { phone, purpose: 'login', ...(await solvedCaptcha(app)) },
  });
  expect(res.statusCode).toBe(202);
  return smsCode(app, phone, nth);
}

async function fail(account: string, ip = uniqueIp()) {
  const res = await login({ account, password: 'not the password' }, ip);
  expect(res.statusCode).toBe(401);
  return res;
}

describe('POST /auth/login', () => {
  it('logs in by email with a session cookie, and with "remember me" for 30 days', async () => {
    const user = await makeUser(app);
    const res = await login({
      account: `  ${user.email!.toUpperCase()} `,
      password: user.password,
    });
    expect(res.statusCode).toBe(200);
    const { data } = res.json();
    expect(data).toMatchObject({
      accessToken: expect.any(String),
      expiresIn: 900,
      user: { id: user.id, email: user.email, lastLoginAt: expect.any(String) },
    });
    const cookie = refreshCookie(res)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });
    expect(cookie.maxAge).toBeUndefined();
    expect(cookie.secure).toBeUndefined();
    const who = await app.inject({
      method: 'GET',
      url: WHOAMI,
      headers: { authorization: `Bearer ${data.accessToken}` },
    });
    expect(who.json().data.userId).toBe(user.id);
    const [row] = await app.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.lastLoginIp).toMatch(/^10\./);

    const remembered = await login({
      account: user.email,
      password: user.password,
      remember: true,
    });
    expect(refreshCookie(remembered)!.maxAge).toBe(30 * 24 * 3600);
  });

  it('logs in by phone, typed any international way', async () => {
    const phone = uniquePhone();
    const user = await makeUser(app, { phone });
    const typed = `${phone.slice(0, 3)} ${phone.slice(3, 6)}-${phone.slice(6)}`;
    const res = await login({ account: typed, password: user.password });
    expect(res.statusCode).toBe(200);
    expect(res.json().data.user.phone).toBe(phone);
  });

  it('answers an unknown account and a wrong password identically, checking a dummy hash for the unknown one', async () => {
    const user = await makeUser(app);
    const verify = vi.spyOn(app.passwords, 'verify');
    const wrong = await login({ account: user.email, password: 'wrong password!' });
    const unknown = await login({ account: uniqueEmail(), password: 'wrong password!' });
    const unknownPhone = await login({ account: uniquePhone(), password: 'wrong password!' });
    const notAPhone = await login({ account: '+1 000', password: 'wrong password!' });
    const body = expectFailure(wrong, 401, 'CREDENTIALS_INVALID');
    expect(body.msg).toBe('The account or password is wrong.');
    for (const other of [unknown, unknownPhone, notAPhone]) {
      expect(comparable(other)).toEqual(comparable(wrong));
    }
    expect(verify).toHaveBeenCalledTimes(4);
    expect(verify.mock.calls[0]![0]).toMatch(/^\$argon2id\$/);
    for (const call of verify.mock.calls.slice(1)) expect(call[0]).toBeFalsy();
  });

  it(`needs a captcha after ${CAPTCHA_AFTER_FAILURES} failures for an account, known or not`, async () => {
    const user = await makeUser(app);
    const unknown = uniqueEmail();
    for (const account of [user.email!, unknown]) {
      // Each failure says whether the next try needs the picture: the last one before it does.
      for (let i = 1; i <= CAPTCHA_AFTER_FAILURES; i++) {
        const body = expectFailure(await fail(account), 401, 'CREDENTIALS_INVALID');
        expect(body.captchaRequired, `failure ${i}`).toBe(
          i === CAPTCHA_AFTER_FAILURES ? true : undefined,
        );
      }
      // Even the right password, from a fresh address.
      const bare = await login({ account, password: user.password });
      expect(expectFailure(bare, 422, 'CAPTCHA_REQUIRED').errors).toEqual({
        captchaText: 'Required.',
      });
      const captcha = await solvedCaptcha(app);
      const wrong = await login({
        account,
        password: user.password,
        captchaId: captcha.captchaId,
        captchaText: 'nope',
      });
      expectFailure(wrong, 422, 'CAPTCHA_INVALID');
      // Used up by the wrong answer.
      expectFailure(
        await login({ account, password: user.password, ...captcha }),
        422,
        'CAPTCHA_INVALID',
      );
    }
    const ok = await login({
      account: user.email,
      password: user.password,
      ...(await solvedCaptcha(app)),
    });
    expect(ok.statusCode).toBe(200);
    // A success starts the account afresh.
    expect((await login({ account: user.email, password: user.password })).statusCode).toBe(200);
  });

  it(`needs a captcha from an address only after ${CAPTCHA_AFTER_IP_FAILURES} failures for any accounts`, async () => {
    const ip = uniqueIp();
    // A few people behind one address mistyping is no reason to ask everyone there.
    for (let i = 0; i < CAPTCHA_AFTER_FAILURES; i++) await fail(uniqueEmail(), ip);
    const first = await makeUser(app);
    expect((await login({ account: first.email, password: first.password }, ip)).statusCode).toBe(
      200,
    );
    for (let i = CAPTCHA_AFTER_FAILURES; i < CAPTCHA_AFTER_IP_FAILURES; i++) {
      await fail(uniqueEmail(), ip);
    }
    const user = await makeUser(app);
    const res = await login({ account: user.email, password: user.password }, ip);
    expectFailure(res, 422, 'CAPTCHA_REQUIRED');
    const other = await login({ account: user.email, password: user.password }, uniqueIp());
    expect(other.statusCode).toBe(200);
    const withCaptcha = await login(
      { account: user.email, password: user.password, ...(await solvedCaptcha(app)) },
      ip,
    );
    expect(withCaptcha.statusCode).toBe(200);
  });

  it('makes a source that keeps failing wait longer each time, with Retry-After', async () => {
    const user = await makeUser(app, { locale: 'zh-CN' });
    const ip = uniqueIp();
    const attempt = async (password: string) =>
      login({ account: user.email, password, ...(await solvedCaptcha(app)) }, ip);
    for (let i = 1; i < FREE_FAILURES_PER_SOURCE; i++) {
      expectFailure(await attempt('wrong again'), 401, 'CREDENTIALS_INVALID');
    }
    const before = Date.now();
    const first = await attempt('wrong again');
    const body = expectFailure(first, 403, 'ACCOUNT_LOCKED');
    expect(first.headers['retry-after']).toBe('1');
    const until = new Date(/locked until (\S+)\./.exec(body.msg)![1]!);
    expect(until.getTime() - before).toBeGreaterThanOrEqual(900);
    expect(until.getTime() - before).toBeLessThan(5_000);

    // While it waits even the right password is refused, from that source only.
    const waiting = await attempt(user.password);
    expectFailure(waiting, 403, 'ACCOUNT_LOCKED');
    expect(Number(waiting.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refreshCookie(waiting)).toBeUndefined();

    // Each next failure doubles the wait: the tenth past the free ones waits 2^10 s, capped.
    await app.redis.del(loginGuardKeys.waits(user.email!));
    await app.redis.hset(loginGuardKeys.sources(user.email!), `ip:${ip}`, '14');
    const long = await attempt('wrong again');
    expectFailure(long, 403, 'ACCOUNT_LOCKED');
    expect(Number(long.headers['retry-after'])).toBe(MAX_DELAY_SECONDS);
    await app.redis.del(loginGuardKeys.waits(user.email!));
    await app.redis.hset(loginGuardKeys.sources(user.email!), `ip:${ip}`, '8');
    expect((await attempt('wrong again')).headers['retry-after']).toBe('16');
  });

  it('cannot lock the owner out: another source, a known device or an SMS code still gets in', async () => {
    const user = await makeUser(app, { email: uniqueEmail(), phone: uniquePhone() });
    // The owner logged in from this browser once: it carries the device cookie since.
    const first = await login({ account: user.email, password: user.password });
    expect(first.statusCode, first.body).toBe(200);
    const device = first.cookies.find((c) => c.name === DEVICE_COOKIE)!;
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });

    // An attacker behind the same address as the owner fails over a hundred times.
    const shared = uniqueIp();
    for (let i = 0; i < FREE_FAILURES_PER_SOURCE; i++) {
      await login(
        { account: user.email, password: 'guess', ...(await solvedCaptcha(app)) },
        shared,
      );
    }
    await app.redis.del(loginGuardKeys.waits(user.email!));
    await app.redis.hset(loginGuardKeys.sources(user.email!), `ip:${shared}`, '102');
    await app.redis.set(loginGuardKeys.account(user.email!), '102', 'KEEPTTL');
    const attacker = await login(
      { account: user.email, password: 'guess', ...(await solvedCaptcha(app)) },
      shared,
    );
    expectFailure(attacker, 403, 'ACCOUNT_LOCKED');
    expect(Number(attacker.headers['retry-after'])).toBe(MAX_DELAY_SECONDS);
    // Past that, that address without the device cookie waits, even with the right password.
    const sameAddress = await login(
      { account: user.email, password: user.password, ...(await solvedCaptcha(app)) },
      shared,
    );
    expectFailure(sameAddress, 403, 'ACCOUNT_LOCKED');

    // The owner's known browser, from that same address, needs no captcha and is not held up.
    const owner = await login({ account: user.email, password: user.password }, shared, {
      [DEVICE_COOKIE]: device.value,
    });
    expect(owner.statusCode).toBe(200);
    // A cookie value the account never saw counts for nothing: that is the waiting address.
    expectFailure(
      await login({ account: user.email, password: user.password }, shared, {
        [DEVICE_COOKIE]: 'A'.repeat(22),
      }),
      403,
      'ACCOUNT_LOCKED',
    );
    // From anywhere else the right password gets in with a captcha.
    const elsewhere = await login(
      { account: user.email, password: user.password, ...(await solvedCaptcha(app)) },
      uniqueIp(),
    );
    expect(elsewhere.statusCode).toBe(200);
    // And an SMS code gets in from the attacker's address.
    const code = await requestLoginCode(user.phone!, shared);
    const sms = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login/sms',
      remoteAddress: shared,
      payload: { phone: user.phone, code },
    });
    expect(sms.statusCode).toBe(200);
  });

  it('holds up a source for an unknown account the same way', async () => {
    const account = uniqueEmail();
    const ip = uniqueIp();
    await app.redis.hset(loginGuardKeys.sources(account), `ip:${ip}`, '4');
    const res = await login({ account, password: 'whatever it is' }, ip);
    expect(expectFailure(res, 403, 'ACCOUNT_LOCKED').msg).toMatch(/locked until \d{4}-/);
    expect(res.headers['retry-after']).toBe('1');
  });

  it('refuses an account whose lock time is set on the user, until it passes', async () => {
    const user = await makeUser(app);
    await app.users.update(user.id, { lockedUntil: new Date(Date.now() + 60_000) });
    expectFailure(
      await login({ account: user.email, password: user.password }),
      403,
      'ACCOUNT_LOCKED',
    );
    await app.users.update(user.id, { lockedUntil: new Date(Date.now() - 1000) });
    const res = await login({ account: user.email, password: user.password });
    expect(res.statusCode).toBe(200);
    const [row] = await app.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.lockedUntil).toBeNull();
  });

  it('tells a pending account with the right password to verify its email', async () => {
    const user = await makeUser(app, { status: 'pending' });
    const res = await login({ account: user.email, password: user.password });
    const body = expectFailure(res, 403, 'ACCOUNT_PENDING');
    expect(body.location).toBe('/verify-email');
    expect(refreshCookie(res)).toBeUndefined();
    // A wrong password says nothing about the account.
    expectFailure(
      await login({ account: user.email, password: 'nope nope' }),
      401,
      'CREDENTIALS_INVALID',
    );
  });

  it('refuses an account an administrator locked', async () => {
    const user = await makeUser(app, { status: 'locked' });
    const res = await login({ account: user.email, password: user.password });
    expect(expectFailure(res, 403, 'ACCOUNT_DISABLED').msg).toBe(
      'This account has been locked by an administrator.',
    );
    expectFailure(
      await login({ account: user.email, password: 'nope nope' }),
      401,
      'CREDENTIALS_INVALID',
    );
  });

  it('re-hashes a password made with older settings', async () => {
    const user = await makeUser(app);
    const old = await argon2.hash(user.password, {
      type: argon2.argon2id,
      memoryCost: 19_456,
      timeCost: 3,
      parallelism: 1,
    });
    await app.users.update(user.id, { passwordHash: old });
    expect((await login({ account: user.email, password: user.password })).statusCode).toBe(200);
    const [row] = await app.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.passwordHash).not.toBe(old);
    expect(row!.passwordHash).toMatch(/\$m=19456,t=2,p=1\$/);
    expect(await argon2.verify(row!.passwordHash!, user.password)).toBe(true);
  });

  it('binds a pending OAuth sign-in from the same browser after a good login', async () => {
    const user = await makeUser(app);
    const browser = 'b'.repeat(43);
    const pending = {
      provider: 'corp',
      browser,
      subject: `sub-${user.id}`,
      email: null,
      name: 'Corp Person',
    };
    const stolen = await savePending(app.redis, pending);
    const elsewhere = await login(
      { account: user.email, password: user.password, oauthTicket: stolen },
      uniqueIp(),
      { [OAUTH_BROWSER_COOKIE]: 'c'.repeat(43) },
    );
    expectFailure(elsewhere, 422, 'TOKEN_INVALID');
    expect(refreshCookie(elsewhere)).toBeUndefined();
    expect(await app.users.findByIdentity('corp', `sub-${user.id}`)).toBeUndefined();

    const ticket = await savePending(app.redis, pending);
    const res = await login(
      { account: user.email, password: user.password, oauthTicket: ticket },
      uniqueIp(),
      { [OAUTH_BROWSER_COOKIE]: browser },
    );
    expect(res.statusCode).toBe(200);
    expect((await app.users.findByIdentity('corp', `sub-${user.id}`))?.user.id).toBe(user.id);
  });
});

describe('POST /auth/login/sms', () => {
  const codeFor = (phone: string, nth = 1) => requestLoginCode(phone, uniqueIp(), nth);
  const loginSms = (payload: Record<string, unknown>, ip = uniqueIp()) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login/sms', remoteAddress: ip, payload });

  it('logs in with a login code, once', async () => {
    const user = await makeUser(app, { phone: uniquePhone() });
    const code = await codeFor(user.phone!);
    const res = await loginSms({ phone: user.phone, code, remember: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().data.user.id).toBe(user.id);
    expect(refreshCookie(res)!.maxAge).toBe(30 * 24 * 3600);
    expectFailure(await loginSms({ phone: user.phone, code }), 422, 'CODE_INVALID');
  });

  it('refuses an unknown phone (no code was ever sent to it) like a wrong code', async () => {
    const phone = uniquePhone();
    const send = vi.spyOn(app.notifier, 'send');
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sms-codes',
      remoteAddress: uniqueIp(),
      payload: { phone, purpose: 'login', ...(await solvedCaptcha(app)) },
    });
    expect(send).not.toHaveBeenCalled();
    const unknown = await loginSms({ phone, code: '123456' });
    const user = await makeUser(app, { phone: uniquePhone() });
    await codeFor(user.phone!);
    const wrong = await loginSms({ phone: user.phone, code: '000000' });
    expect(comparable(unknown)).toEqual(comparable(wrong));
    expectFailure(unknown, 422, 'CODE_INVALID');
  });

  it('lets the phone in past password failures, but not past an administrator', async () => {
    const user = await makeUser(app, { phone: uniquePhone() });
    await app.redis.hset(loginGuardKeys.sources(user.phone!), `ip:127.0.0.1`, '50');
    await app.redis.hset(loginGuardKeys.waits(user.phone!), `ip:127.0.0.1`, Date.now() + 600_000);
    expect(
      (await loginSms({ phone: user.phone, code: await codeFor(user.phone!) })).statusCode,
    ).toBe(200);
    await app.users.update(user.id, { status: 'locked' });
    await app.redis.del(`sms-cooldown:login:${user.phone}`);
    const res = await loginSms({ phone: user.phone, code: await codeFor(user.phone!, 2) });
    expectFailure(res, 403, 'ACCOUNT_DISABLED');
  });

  it('limits requests per IP', async () => {
    const ip = uniqueIp();
    for (let i = 0; i < IP_LIMITS.loginSms.max; i++) {
      expect((await loginSms({ phone: uniquePhone(), code: '123456' }, ip)).statusCode).toBe(422);
    }
    const over = await loginSms({ phone: uniquePhone(), code: '123456' }, ip);
    expectFailure(over, 429, 'RATE_LIMITED');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { App } from '../src/app';
import { userIdentities } from '../src/db/schema';
import { loginGuardKeys } from '../src/modules/auth/login-guard';
import { IP_LIMITS } from '../src/modules/auth/routes';
import { buildTestApp, makeUser, sessionFor, uniquePhone } from './helpers';
import {
  addWhoami,
  comparable,
  expectFailure,
  mailedToken,
  outbox,
  smsCode,
  solvedCaptcha,
  uniqueEmail,
  uniqueIp,
  waitForMessages,
  WHOAMI,
} from './auth-helpers';

let app: App;
beforeAll(async () => {
  ({ app } = await buildTestApp());
  addWhoami(app);
});
afterAll(() => app.close());
afterEach(() => {
  vi.restoreAllMocks();
});

const forgot = (account: string, ip = uniqueIp()) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/password/forgot',
    remoteAddress: ip,
    payload: { account },
  });
const reset = (payload: Record<string, unknown>, ip = uniqueIp()) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/password/reset',
    remoteAddress: ip,
    payload,
  });
const login = (account: string, password: string, ip = uniqueIp()) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: ip,
    payload: { account, password },
  });
const whoami = (headers: Record<string, string>) =>
  app.inject({ method: 'GET', url: WHOAMI, headers });

const NEW_PASSWORD = 'a brand new passphrase';

describe('POST /auth/password/forgot', () => {
  it('answers the same for a known and an unknown email, and mails only the known one a 1-hour link', async () => {
    const user = await makeUser(app, { locale: 'zh-CN' });
    const unknown = uniqueEmail();
    const send = vi.spyOn(app.notifier, 'send');
    const known = await forgot(user.email!.toUpperCase());
    const other = await forgot(unknown);
    expect(known.statusCode).toBe(202);
    expect(known.json()).toMatchObject({ result: true, data: { accepted: true } });
    expect(comparable(other, unknown)).toEqual(comparable(known, user.email!));
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send.mock.calls[0]!.slice(0, 2)).toEqual(['reset-password', user.email]);

    const [mail] = await waitForMessages(app, user.email!);
    expect(mail!.subject).toBe('重置你的 Folio 密码');
    expect(mail!.body).toContain(`${app.config.SITE_ORIGIN}/reset-password?token=`);
    const token = await mailedToken(app, user.email!, '/reset-password');
    const claims = app.jwt.decode<{ exp: number; iat: number; aud: string }>(token)!;
    expect(claims.exp - claims.iat).toBe(3600);
    expect(claims.aud).toBe('folio:reset-password');
    expect(await outbox(app, unknown)).toEqual([]);
  });

  it('answers the same for a known and an unknown phone, and texts only the known one a reset code', async () => {
    const user = await makeUser(app, { phone: uniquePhone() });
    const unknown = uniquePhone();
    const send = vi.spyOn(app.notifier, 'send');
    const known = await forgot(user.phone!);
    const other = await forgot(unknown);
    expect(known.statusCode).toBe(202);
    expect(comparable(other, unknown)).toEqual(comparable(known, user.phone!));
    expect(send.mock.calls.map((c) => c[1])).toEqual([user.phone]);
    expect(await smsCode(app, user.phone!)).toMatch(/^\d{6}$/);
    expect(await app.redis.exists(`sms:reset:${user.phone}`)).toBe(1);
  });

  it('waits a minute per address or phone, known or not', async () => {
    const byEmail = await makeUser(app);
    const byPhone = await makeUser(app, { phone: uniquePhone() });
    for (const account of [uniqueEmail(), byEmail.email!, byPhone.phone!, uniquePhone()]) {
      expect((await forgot(account)).statusCode).toBe(202);
      const again = await forgot(account);
      expectFailure(again, 429, 'RATE_LIMITED');
      expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('says when the account is neither an email nor a phone', async () => {
    expect(expectFailure(await forgot('nobody'), 422, 'VALIDATION_FAILED').errors).toEqual({
      account: 'Not a valid email address.',
    });
    expect(expectFailure(await forgot('+1 000'), 422, 'VALIDATION_FAILED').errors).toEqual({
      account: 'Not a valid phone number.',
    });
  });

  it('limits requests per IP', async () => {
    const ip = uniqueIp();
    for (let i = 0; i < IP_LIMITS.forgotPassword.max; i++) {
      expect((await forgot(uniqueEmail(), ip)).statusCode).toBe(202);
    }
    expectFailure(await forgot(uniqueEmail(), ip), 429, 'RATE_LIMITED');
  });
});

describe('POST /auth/password/reset', () => {
  it('sets the password from a mailed link once, and ends every session', async () => {
    const user = await makeUser(app);
    const first = await sessionFor(app, user.id);
    const second = await sessionFor(app, user.id, true);
    await forgot(user.email!);
    const token = await mailedToken(app, user.email!, '/reset-password');

    const res = await reset({ token, password: NEW_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      data: { accepted: true },
      msg: 'Your password has been changed; log in with it.',
      location: '/login',
    });
    expect(res.cookies).toEqual([]);
    expectFailure(await whoami(first.headers), 401, 'SESSION_EXPIRED');
    expectFailure(await whoami(second.headers), 401, 'SESSION_EXPIRED');
    expect(await app.sessions.list(user.id)).toEqual([]);
    expectFailure(await login(user.email!, user.password), 401, 'CREDENTIALS_INVALID');
    expect((await login(user.email!, NEW_PASSWORD)).statusCode).toBe(200);

    const reused = await reset({ token, password: 'yet another passphrase' });
    expectFailure(reused, 422, 'TOKEN_INVALID');
  });

  it('refuses a common password without using up the link', async () => {
    const user = await makeUser(app);
    const token = app.linkTokens.sign('reset-password', user.id, 3600, user.email!);
    const common = await reset({ token, password: 'qwertyuiop' });
    expect(expectFailure(common, 422, 'VALIDATION_FAILED').errors).toEqual({
      password: 'This password is too common; choose another.',
    });
    expect((await reset({ token, password: NEW_PASSWORD })).statusCode).toBe(200);
  });

  it('refuses an expired, tampered or other-purpose link', async () => {
    const user = await makeUser(app);
    const short = app.linkTokens.sign('reset-password', user.id, 1, user.email!);
    await new Promise((r) => setTimeout(r, 2100));
    expectFailure(await reset({ token: short, password: NEW_PASSWORD }), 422, 'TOKEN_INVALID');
    const good = app.linkTokens.sign('reset-password', user.id, 3600, user.email!);
    expectFailure(
      await reset({ token: `${good.slice(0, -2)}xx`, password: NEW_PASSWORD }),
      422,
      'TOKEN_INVALID',
    );
    const verify = app.linkTokens.sign('verify-email', user.id, 3600, user.email!);
    expectFailure(await reset({ token: verify, password: NEW_PASSWORD }), 422, 'TOKEN_INVALID');
    const access = (await sessionFor(app, user.id)).accessToken;
    expectFailure(await reset({ token: access, password: NEW_PASSWORD }), 422, 'TOKEN_INVALID');
    expectFailure(await login(user.email!, NEW_PASSWORD), 401, 'CREDENTIALS_INVALID');
  });

  it('sets the password with a phone and its reset code, once', async () => {
    const user = await makeUser(app, { phone: uniquePhone() });
    const session = await sessionFor(app, user.id);
    await forgot(user.phone!);
    const code = await smsCode(app, user.phone!);
    const wrong = await reset({
      phone: user.phone,
      code: code === '000000' ? '111111' : '000000',
      password: NEW_PASSWORD,
    });
    expectFailure(wrong, 422, 'CODE_INVALID');
    const res = await reset({ phone: user.phone, code, password: NEW_PASSWORD });
    expect(res.statusCode).toBe(200);
    expectFailure(await whoami(session.headers), 401, 'SESSION_EXPIRED');
    expect((await login(user.phone!, NEW_PASSWORD)).statusCode).toBe(200);
    expectFailure(
      await reset({ phone: user.phone, code, password: 'yet another passphrase' }),
      422,
      'CODE_INVALID',
    );
  });

  it('refuses a code for an unknown phone like a wrong one, and a login code', async () => {
    const unknown = await reset({ phone: uniquePhone(), code: '123456', password: NEW_PASSWORD });
    expectFailure(unknown, 422, 'CODE_INVALID');
    const user = await makeUser(app, { phone: uniquePhone() });
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sms-codes',
      remoteAddress: uniqueIp(),
      payload: {
        phone: user.phone,
        purpose: 'login',
        ...(await solvedCaptcha(app)),
      },
    });
    const loginCode = await smsCode(app, user.phone!);
    expectFailure(
      await reset({ phone: user.phone, code: loginCode, password: NEW_PASSWORD }),
      422,
      'CODE_INVALID',
    );
  });

  it('wants a token, or a phone and a code, not both', async () => {
    const both = await reset({
      token: 'x',
      phone: uniquePhone(),
      code: '123456',
      password: NEW_PASSWORD,
    });
    expect(expectFailure(both, 422, 'VALIDATION_FAILED').errors).toEqual({
      token: 'Give either the link token or the phone and its code.',
    });
    expectFailure(await reset({ password: NEW_PASSWORD }), 422, 'VALIDATION_FAILED');
  });

  it('confirms a pending account whose mailed link was followed', async () => {
    const user = await makeUser(app, { status: 'pending' });
    await app.db
      .update(userIdentities)
      .set({ verifiedAt: null })
      .where(eq(userIdentities.userId, user.id));
    await forgot(user.email!);
    const token = await mailedToken(app, user.email!, '/reset-password');
    expect((await reset({ token, password: NEW_PASSWORD })).statusCode).toBe(200);
    const found = await app.users.findByIdentity('email', user.email!);
    expect(found?.user.status).toBe('active');
    expect(found?.identity.verifiedAt).not.toBeNull();
    expect((await login(user.email!, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('lifts the waits that failed logins caused, but no lock set on the account', async () => {
    const user = await makeUser(app);
    const ip = uniqueIp();
    await app.redis.hset(loginGuardKeys.sources(user.email!), `ip:${ip}`, '30');
    expectFailure(await login(user.email!, 'wrong password', ip), 403, 'ACCOUNT_LOCKED');
    await app.users.update(user.id, { lockedUntil: new Date(Date.now() + 60_000) });
    const token = app.linkTokens.sign('reset-password', user.id, 3600, user.email!);
    expect((await reset({ token, password: NEW_PASSWORD })).statusCode).toBe(200);
    expect(await app.redis.exists(loginGuardKeys.sources(user.email!))).toBe(0);
    // A lock time set on the account by staff is not lifted by a reset.
    expectFailure(await login(user.email!, NEW_PASSWORD, ip), 403, 'ACCOUNT_LOCKED');
    await app.users.update(user.id, { lockedUntil: null });
    expect((await login(user.email!, NEW_PASSWORD)).statusCode).toBe(200);

    const disabled = await makeUser(app, { status: 'locked' });
    const t2 = app.linkTokens.sign('reset-password', disabled.id, 3600, disabled.email!);
    expect((await reset({ token: t2, password: NEW_PASSWORD })).statusCode).toBe(200);
    expectFailure(await login(disabled.email!, NEW_PASSWORD), 403, 'ACCOUNT_DISABLED');
  });
});

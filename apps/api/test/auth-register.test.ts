import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { App } from '../src/app';
import { userIdentities, users } from '../src/db/schema';
import { IP_LIMITS } from '../src/modules/auth/routes';
import { OAUTH_BROWSER_COOKIE, savePending } from '../src/modules/oauth/pending';
import { buildTestApp, makeUser, sessionFor, uniquePhone } from './helpers';
import {
  buildAuthTestApp,
  comparable,
  expectFailure,
  mailedToken,
  outbox,
  refreshCookie,
  smsCode,
  solvedCaptcha,
  uniqueEmail,
  uniqueIp,
  waitForMessages,
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

async function askCode(
  phone: string,
  purpose = 'register',
  { ip = uniqueIp(), headers = {} as Record<string, string> } = {},
) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/sms-codes',
    remoteAddress: ip,
    headers,
    payload: { phone, purpose, ...(await solvedCaptcha(app)) },
  });
}

function registerPhone(payload: Record<string, unknown>, ip = uniqueIp(), cookies = {}) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/register/phone',
    remoteAddress: ip,
    cookies,
    payload: { nickname: 'Newcomer', password: 'a fine long password', ...payload },
  });
}

async function registerEmail(email: string, extra: Record<string, unknown> = {}, cookies = {}) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/register/email',
    remoteAddress: uniqueIp(),
    cookies,
    payload: {
      email,
      nickname: 'Mailer',
      password: 'a fine long password',
      ...(await solvedCaptcha(app)),
      ...extra,
    },
  });
}

/** Lets the in-process worker deliver anything queued, so an empty outbox means nothing was sent. */
const settle = () => new Promise((r) => setTimeout(r, 400));

describe('POST /auth/sms-codes', () => {
  it('texts a 6-digit code for a new phone and says how long to wait and how long it lasts', async () => {
    const phone = uniquePhone();
    const res = await askCode(phone.replace(/^(\+86)(\d{3})(\d{4})/, '$1 $2 $3 '));
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({
      result: true,
      data: { cooldownSeconds: 60, expiresInSeconds: 300 },
      msg: expect.stringContaining(phone),
    });
    expect(await smsCode(app, phone)).toMatch(/^\d{6}$/);
    expect(await app.redis.ttl(`sms:register:${phone}`)).toBeGreaterThan(290);
  });

  it('refuses a wrong captcha, and a captcha is used up by its first check, right or wrong', async () => {
    const phone = uniquePhone();
    const captcha = await solvedCaptcha(app);
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sms-codes',
      remoteAddress: uniqueIp(),
      payload: { phone, purpose: 'register', captchaId: captcha.captchaId, captchaText: 'zzzz' },
    });
    const body = expectFailure(wrong, 422, 'CAPTCHA_INVALID');
    expect(body.errors).toEqual({ captchaText: 'Wrong picture code.' });
    const retried = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sms-codes',
      remoteAddress: uniqueIp(),
      payload: { phone, purpose: 'register', ...captcha },
    });
    expectFailure(retried, 422, 'CAPTCHA_INVALID');

    const good = await solvedCaptcha(app);
    const first = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sms-codes',
      remoteAddress: uniqueIp(),
      payload: { phone, purpose: 'register', ...good },
    });
    expect(first.statusCode).toBe(202);
    const reused = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sms-codes',
      remoteAddress: uniqueIp(),
      payload: { phone: uniquePhone(), purpose: 'register', ...good },
    });
    expectFailure(reused, 422, 'CAPTCHA_INVALID');
  });

  it('refuses an expired captcha', async () => {
    const captcha = await solvedCaptcha(app);
    await app.redis.del(`captcha:${captcha.captchaId}`);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sms-codes',
      remoteAddress: uniqueIp(),
      payload: { phone: uniquePhone(), purpose: 'register', ...captcha },
    });
    expectFailure(res, 422, 'CAPTCHA_INVALID');
  });

  it('refuses a number that is not a phone anywhere, under the phone field', async () => {
    const res = await askCode('+86 123');
    expect(expectFailure(res, 422, 'VALIDATION_FAILED').errors).toEqual({
      phone: 'Not a valid phone number.',
    });
  });

  it('answers register for a taken phone exactly like a new one, sends nothing, and still counts', async () => {
    const taken = await makeUser(app, { phone: uniquePhone() });
    const free = uniquePhone();
    const send = vi.spyOn(app.notifier, 'send');
    const forTaken = await askCode(taken.phone!);
    const forFree = await askCode(free);
    expect(comparable(forTaken, taken.phone!)).toEqual(comparable(forFree, free));
    expect(send.mock.calls.map((c) => c[1])).toEqual([free]);
    await smsCode(app, free);
    await settle();
    expect(await outbox(app, taken.phone!)).toEqual([]);
    // The limits apply whether or not a text went out.
    expectFailure(await askCode(taken.phone!), 429, 'RATE_LIMITED');
  });

  it.each(['login', 'reset'])(
    'answers %s for an unknown phone exactly like a known one and sends nothing',
    async (purpose) => {
      const known = await makeUser(app, { phone: uniquePhone() });
      const unknown = uniquePhone();
      const send = vi.spyOn(app.notifier, 'send');
      const a = await askCode(known.phone!, purpose);
      const b = await askCode(unknown, purpose);
      expect(comparable(b, unknown)).toEqual(comparable(a, known.phone!));
      expect(a.statusCode).toBe(202);
      expect(send.mock.calls.map((c) => c[1])).toEqual([known.phone]);
      await smsCode(app, known.phone!);
      await settle();
      expect(await outbox(app, unknown)).toEqual([]);
    },
  );

  it('waits 60 s between codes for a phone and purpose, with Retry-After', async () => {
    const phone = uniquePhone();
    expect((await askCode(phone)).statusCode).toBe(202);
    const again = await askCode(phone);
    expectFailure(again, 429, 'RATE_LIMITED');
    const retryAfter = Number(again.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another purpose has its own minute.
    expect((await askCode(phone, 'login')).statusCode).toBe(202);
  });

  it('allows 10 codes per phone a day', async () => {
    const phone = uniquePhone();
    for (let i = 0; i < 10; i++) {
      await app.redis.del(`sms-cooldown:login:${phone}`);
      expect((await askCode(phone, 'login')).statusCode).toBe(202);
    }
    await app.redis.del(`sms-cooldown:login:${phone}`);
    const eleventh = await askCode(phone, 'login');
    expectFailure(eleventh, 429, 'RATE_LIMITED');
    expect(Number(eleventh.headers['retry-after'])).toBeGreaterThan(60);
  });

  it('limits requests per IP through the shared Redis store, answered by the one error handler', async () => {
    const ip = uniqueIp();
    const { max } = IP_LIMITS.smsCodes;
    const payload = { phone: uniquePhone(), purpose: 'register', captchaId: 'x', captchaText: 'y' };
    for (let i = 0; i < max; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sms-codes',
        remoteAddress: ip,
        payload,
      });
      expect(res.statusCode).toBe(422);
    }
    const over = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sms-codes',
      remoteAddress: ip,
      headers: { 'accept-language': 'zh-CN' },
      payload,
    });
    const body = expectFailure(over, 429, 'RATE_LIMITED');
    expect(body.msg).toBe('请求过于频繁，请稍后再试。');
    expect((over.json() as { requestId: string }).requestId).toBe(over.headers['x-request-id']);
    const retryAfter = Number(over.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await app.redis.keys(`rl:*${ip}`)).toHaveLength(1);
    // Another address is not affected.
    expect((await askCode(uniquePhone())).statusCode).toBe(202);
  });

  it('needs a login for change-phone, and pretends for a phone someone already has', async () => {
    const me = await makeUser(app);
    const other = await makeUser(app, { phone: uniquePhone() });
    const { headers } = await sessionFor(app, me.id);
    expectFailure(await askCode(uniquePhone(), 'change-phone'), 401, 'UNAUTHENTICATED');

    const free = uniquePhone();
    const send = vi.spyOn(app.notifier, 'send');
    const toFree = await askCode(free, 'change-phone', { headers });
    const toTaken = await askCode(other.phone!, 'change-phone', { headers });
    expect(comparable(toTaken, other.phone!)).toEqual(comparable(toFree, free));
    expect(send.mock.calls.map((c) => c[1])).toEqual([free]);
    await smsCode(app, free);
  });
});

describe('POST /auth/register/phone', () => {
  it('makes an active account with a verified phone and logs it in', async () => {
    const phone = uniquePhone();
    await askCode(phone);
    const code = await smsCode(app, phone);
    const res = await registerPhone({
      phone: `${phone.slice(0, 3)} ${phone.slice(3)}`,
      code,
      nickname: '  Ada  ',
    });
    expect(res.statusCode).toBe(201);
    const { data, location } = res.json();
    expect(location).toBe('/');
    expect(data).toMatchObject({
      accessToken: expect.any(String),
      expiresIn: 900,
      user: { nickname: 'Ada', phone, email: null, status: 'active', locale: 'en' },
    });
    expect(data.user.identities[0]).toMatchObject({
      kind: 'phone',
      verifiedAt: expect.any(String),
    });
    const cookie = refreshCookie(res)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });
    expect(cookie.maxAge).toBeUndefined();
    const who = await app.inject({
      method: 'GET',
      url: WHOAMI,
      headers: { authorization: `Bearer ${data.accessToken}` },
    });
    expect(who.json().data.userId).toBe(data.user.id);
    const [row] = await app.db.select().from(users).where(eq(users.id, data.user.id));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row!.registrationIp).toMatch(/^10\./);

    // The code was used up.
    const again = await registerPhone({ phone, code });
    expect(expectFailure(again, 422, 'CODE_INVALID').errors).toEqual({
      code: 'Wrong or expired code.',
    });
  });

  it('kills a code after 5 wrong tries', async () => {
    const phone = uniquePhone();
    await askCode(phone);
    const code = await smsCode(app, phone);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      expectFailure(await registerPhone({ phone, code: wrong }), 422, 'CODE_INVALID');
    }
    expectFailure(await registerPhone({ phone, code }), 422, 'CODE_INVALID');
    expect(await app.redis.exists(`sms:register:${phone}`)).toBe(0);
  });

  it('refuses an expired code', async () => {
    const phone = uniquePhone();
    await askCode(phone);
    const code = await smsCode(app, phone);
    await app.redis.pexpire(`sms:register:${phone}`, 1);
    await new Promise((r) => setTimeout(r, 20));
    expectFailure(await registerPhone({ phone, code }), 422, 'CODE_INVALID');
  });

  it('refuses a code asked for another purpose', async () => {
    const user = await makeUser(app, { phone: uniquePhone() });
    await askCode(user.phone!, 'login');
    const code = await smsCode(app, user.phone!);
    expectFailure(await registerPhone({ phone: user.phone, code }), 422, 'CODE_INVALID');
  });

  it('refuses a common or short password without using up the code', async () => {
    const phone = uniquePhone();
    await askCode(phone);
    const code = await smsCode(app, phone);
    const common = await registerPhone({ phone, code, password: 'password123' });
    expect(expectFailure(common, 422, 'VALIDATION_FAILED').errors).toEqual({
      password: 'This password is too common; choose another.',
    });
    const short = await registerPhone({ phone, code, password: 'short' });
    expect(expectFailure(short, 422, 'VALIDATION_FAILED').errors).toEqual({
      password: 'Use 8 to 128 characters.',
    });
    expect((await registerPhone({ phone, code })).statusCode).toBe(201);
  });
});

describe('POST /auth/register/email and /auth/verify-email', () => {
  it('makes a pending account, mails a 24-hour link, and the link activates and logs in once', async () => {
    const email = uniqueEmail();
    const res = await registerEmail(email.toUpperCase());
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({
      result: true,
      data: { accepted: true },
      msg: expect.stringContaining(email),
    });
    // The account is made after the answer, and its mail queued once it is.
    const [mail] = await waitForMessages(app, email);
    const found = await app.users.findByIdentity('email', email);
    expect(found?.user.status).toBe('pending');
    expect(found?.identity.verifiedAt).toBeNull();

    expect(mail!.subject).toBe('Confirm your email for Folio');
    expect(mail!.body).toContain(`${app.config.SITE_ORIGIN}/verify-email?token=`);
    const token = await mailedToken(app, email, '/verify-email');
    const claims = app.jwt.decode<{ exp: number; iat: number; aud: string }>(token)!;
    expect(claims.exp - claims.iat).toBe(24 * 3600);
    expect(claims.aud).toBe('folio:verify-email');

    const verified = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/verify-email',
      payload: { token },
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json().data.user).toMatchObject({ email, status: 'active' });
    expect(verified.json().data.user.identities[0].verifiedAt).not.toBeNull();
    expect(refreshCookie(verified)?.value).toBeTruthy();

    const reused = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/verify-email',
      payload: { token },
    });
    expect(expectFailure(reused, 422, 'TOKEN_INVALID').errors).toEqual({
      token: 'This link is invalid, used or expired.',
    });
  });

  it('answers a taken address the same way, hashes the password all the same, and mails a notice instead', async () => {
    const owner = await makeUser(app, { locale: 'zh-CN' });
    const fresh = uniqueEmail();
    const hash = vi.spyOn(app.passwords, 'hash');
    const forTaken = await registerEmail(owner.email!);
    const forFresh = await registerEmail(fresh);
    expect(comparable(forTaken, owner.email!)).toEqual(comparable(forFresh, fresh));
    expect(hash).toHaveBeenCalledTimes(2);
    const [notice] = await waitForMessages(app, owner.email!);
    expect(notice!.subject).toBe('有人尝试用你的邮箱注册 Folio');
    expect(notice!.body).toContain(`${app.config.SITE_ORIGIN}/forgot-password`);
    expect(notice!.body).not.toContain('token=');
    const rows = await app.db
      .select()
      .from(userIdentities)
      .where(and(eq(userIdentities.provider, 'email'), eq(userIdentities.subject, owner.email!)));
    expect(rows).toHaveLength(1);
  });

  it('refuses a wrong captcha and makes nothing', async () => {
    const email = uniqueEmail();
    const res = await registerEmail(email, { captchaText: '????' });
    expectFailure(res, 422, 'CAPTCHA_INVALID');
    expect(await app.users.findByIdentity('email', email)).toBeUndefined();
  });

  it('refuses a common password', async () => {
    const res = await registerEmail(uniqueEmail(), { password: 'iloveyou' });
    expect(expectFailure(res, 422, 'VALIDATION_FAILED').errors).toHaveProperty('password');
  });

  it('refuses an expired, tampered or other-purpose link', async () => {
    const email = uniqueEmail();
    await registerEmail(email);
    await waitForMessages(app, email);
    const { user } = (await app.users.findByIdentity('email', email))!;
    const verify = (token: string) =>
      app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });

    const short = app.linkTokens.sign('verify-email', user.id, 1, email);
    await new Promise((r) => setTimeout(r, 2100));
    expectFailure(await verify(short), 422, 'TOKEN_INVALID');

    const good = app.linkTokens.sign('verify-email', user.id, 3600, email);
    const [h, p, s] = good.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...payload, sub: '1' })).toString('base64url');
    expectFailure(await verify(`${h}.${forged}.${s}`), 422, 'TOKEN_INVALID');
    expectFailure(await verify(`${good}x`), 422, 'TOKEN_INVALID');

    const reset = app.linkTokens.sign('reset-password', user.id, 3600, email);
    expectFailure(await verify(reset), 422, 'TOKEN_INVALID');
    // A link for an address the account no longer has is worthless.
    const stale = app.linkTokens.sign('verify-email', user.id, 3600, uniqueEmail());
    expectFailure(await verify(stale), 422, 'TOKEN_INVALID');

    expect((await verify(good)).statusCode).toBe(200);
  });

  it('verifies but does not log in an account an administrator locked', async () => {
    const email = uniqueEmail();
    await registerEmail(email);
    const token = await mailedToken(app, email, '/verify-email');
    const { user } = (await app.users.findByIdentity('email', email))!;
    await app.users.update(user.id, { status: 'locked' });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/verify-email',
      payload: { token },
    });
    expectFailure(res, 403, 'ACCOUNT_DISABLED');
    expect(refreshCookie(res)).toBeUndefined();
    expect((await app.users.findByIdentity('email', email))!.identity.verifiedAt).not.toBeNull();
  });
});

describe('POST /auth/verify-email/resend', () => {
  const resend = (email: string, ip = uniqueIp()) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/verify-email/resend',
      remoteAddress: ip,
      payload: { email },
    });

  it('sends a new link to a pending account only, and answers the same for any address', async () => {
    const pending = uniqueEmail();
    await registerEmail(pending);
    await waitForMessages(app, pending, 1);
    const active = await makeUser(app);
    const unknown = uniqueEmail();

    const send = vi.spyOn(app.notifier, 'send');
    const a = await resend(pending);
    const b = await resend(active.email!);
    const c = await resend(unknown);
    expect(a.statusCode).toBe(202);
    expect(comparable(b, active.email!)).toEqual(comparable(a, pending));
    expect(comparable(c, unknown)).toEqual(comparable(a, pending));
    await vi.waitFor(() => expect(send.mock.calls.map((x) => x[1])).toEqual([pending]));

    const token = await mailedToken(app, pending, '/verify-email', 2);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/verify-email',
      payload: { token },
    });
    expect(res.statusCode).toBe(200);
  });

  it('waits a minute per address, known or not', async () => {
    for (const email of [uniqueEmail(), (await makeUser(app, { status: 'pending' })).email!]) {
      expect((await resend(email)).statusCode).toBe(202);
      const again = await resend(email);
      expectFailure(again, 429, 'RATE_LIMITED');
      expect(Number(again.headers['retry-after'])).toBeLessThanOrEqual(60);
    }
  });

  it('limits requests per IP', async () => {
    const ip = uniqueIp();
    for (let i = 0; i < IP_LIMITS.resendVerification.max; i++) {
      expect((await resend(uniqueEmail(), ip)).statusCode).toBe(202);
    }
    expectFailure(await resend(uniqueEmail(), ip), 429, 'RATE_LIMITED');
  });
});

describe('registration switches', () => {
  let closed: App;
  beforeAll(async () => {
    ({ app: closed } = await buildTestApp({
      REGISTER_PHONE_ENABLED: 'false',
      REGISTER_EMAIL_ENABLED: 'false',
    }));
  });
  afterAll(() => closed.close());

  it('says a closed way is closed before checking anything else', async () => {
    const phone = await closed.inject({
      method: 'POST',
      url: '/api/v1/auth/register/phone',
      remoteAddress: uniqueIp(),
      payload: {
        phone: uniquePhone(),
        code: '123456',
        password: 'a fine long password',
        nickname: 'N',
      },
    });
    expect(expectFailure(phone, 403, 'REGISTRATION_CLOSED').msg).toBe(
      'Registration this way is closed.',
    );
    const code = await closed.inject({
      method: 'POST',
      url: '/api/v1/auth/sms-codes',
      remoteAddress: uniqueIp(),
      payload: { phone: uniquePhone(), purpose: 'register', captchaId: 'x', captchaText: 'y' },
    });
    expectFailure(code, 403, 'REGISTRATION_CLOSED');
    const email = await closed.inject({
      method: 'POST',
      url: '/api/v1/auth/register/email',
      remoteAddress: uniqueIp(),
      headers: { 'accept-language': 'zh-CN' },
      payload: {
        email: uniqueEmail(),
        password: 'a fine long password',
        nickname: 'N',
        captchaId: 'x',
        captchaText: 'y',
      },
    });
    expect(expectFailure(email, 403, 'REGISTRATION_CLOSED').msg).toBe('此方式的注册已关闭。');
  });

  it('still sends login codes and lets people log in', async () => {
    const user = await makeUser(app, { phone: uniquePhone() });
    const res = await closed.inject({
      method: 'POST',
      url: '/api/v1/auth/sms-codes',
      remoteAddress: uniqueIp(),
      payload: { phone: user.phone, purpose: 'login', ...(await solvedCaptcha(closed)) },
    });
    expect(res.statusCode).toBe(202);
    const login = await closed.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: uniqueIp(),
      payload: { account: user.phone, password: user.password },
    });
    expect(login.statusCode).toBe(200);
  });
});

describe('registering with a pending OAuth sign-in', () => {
  const browser = 'r'.repeat(43);
  const cookies = { [OAUTH_BROWSER_COOKIE]: browser };
  const pendingFor = (subject: string) =>
    savePending(app.redis, { provider: 'corp', browser, subject, email: null, name: 'P' });

  it('binds it to a new phone account, and refuses a taken one before using the code', async () => {
    const phone = uniquePhone();
    await askCode(phone);
    const code = await smsCode(app, phone);
    const bound = await makeUser(app);
    await app.users.addIdentity(bound.id, {
      kind: 'oauth',
      provider: 'corp',
      subject: 'taken-sub',
    });
    const taken = await registerPhone(
      { phone, code, oauthTicket: await pendingFor('taken-sub') },
      uniqueIp(),
      cookies,
    );
    expectFailure(taken, 409, 'IDENTITY_TAKEN');
    const subject = `new-${phone}`;
    const res = await registerPhone(
      { phone, code, oauthTicket: await pendingFor(subject) },
      uniqueIp(),
      cookies,
    );
    expect(res.statusCode).toBe(201);
    expect((await app.users.findByIdentity('corp', subject))?.user.id).toBe(
      res.json().data.user.id,
    );
  });

  it('binds it to a new email account only, never to the owner of a taken address', async () => {
    const owner = await makeUser(app);
    const onTaken = `taken-${owner.id}`;
    const res = await registerEmail(
      owner.email!,
      { oauthTicket: await pendingFor(onTaken) },
      cookies,
    );
    expect(res.statusCode).toBe(202);
    await waitForMessages(app, owner.email!);
    expect(await app.users.findByIdentity('corp', onTaken)).toBeUndefined();

    const email = uniqueEmail();
    const subject = `fresh-${email}`;
    expect(
      (await registerEmail(email, { oauthTicket: await pendingFor(subject) }, cookies)).statusCode,
    ).toBe(202);
    await waitForMessages(app, email);
    const made = await app.users.findByIdentity('email', email);
    expect((await app.users.findByIdentity('corp', subject))?.user.id).toBe(made!.user.id);
  });
});

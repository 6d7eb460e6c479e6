import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { authors, userIdentities, users } from '../src/db/schema';
import { PASSWORD_CONFIRM_TRIES } from '../src/modules/me/service';
import {
  buildTestApp,
  forgetRedisKeys,
  makeUser,
  outbox,
  sessionFor,
  uniquePhone,
  waitForMessages,
} from './helpers';

let app: App;
let uploads: string;

beforeAll(async () => {
  uploads = await mkdtemp(join(tmpdir(), 'folio-me-'));
  ({ app } = await buildTestApp({ UPLOADS_DIR: uploads }));
  await forgetRedisKeys(app, 'email-change*', 'me-password-fails:*', 'user-sess:*');
});
afterAll(async () => {
  await app.close();
  await rm(uploads, { recursive: true, force: true });
});

let unique = 0;
const freshEmail = () => `me${++unique}-${Date.now()}@example.test`;

/** The newest outbox message to an address or phone, waiting for the worker to deliver it. */
async function messageTo(recipient: string) {
  return (await waitForMessages(app, recipient)).at(-1)!;
}

function tokenIn(body: string): string {
  const match = /confirm-email\?token=([^\s]+)/.exec(body);
  if (!match) throw new Error(`no link in ${body}`);
  return decodeURIComponent(match[1]!);
}

async function smsCode(phone: string): Promise<string> {
  await app.smsCodes.request(phone, 'change-phone', 'en', true);
  const message = await messageTo(phone);
  return /\b(\d{6})\b/.exec(message.body)![1]!;
}

async function loggedIn(fields: Parameters<typeof makeUser>[1] = {}) {
  const user = await makeUser(app, fields);
  const session = await sessionFor(app, user.id);
  return { user, session, headers: session.headers };
}

describe('every account route needs a login', () => {
  const routes: [string, string][] = [
    ['GET', '/api/v1/me'],
    ['PATCH', '/api/v1/me'],
    ['DELETE', '/api/v1/me'],
    ['POST', '/api/v1/me/avatar'],
    ['POST', '/api/v1/me/password'],
    ['POST', '/api/v1/me/email'],
    ['POST', '/api/v1/me/phone'],
    ['GET', '/api/v1/me/sessions'],
    ['DELETE', '/api/v1/me/sessions'],
    ['DELETE', '/api/v1/me/sessions/abcdefghijklmnopqrst'],
    ['DELETE', '/api/v1/me/identities/1'],
  ];

  it('answers 401 UNAUTHENTICATED without a token or with a bad one', async () => {
    for (const [method, url] of routes) {
      for (const headers of [{}, { authorization: 'Bearer not.a.token' }]) {
        const res = await app.inject({ method: method as 'GET', url, headers, payload: {} });
        expect(res.statusCode, `${method} ${url}`).toBe(401);
        expect(res.json()).toMatchObject({
          result: false,
          code: 'UNAUTHENTICATED',
          location: '/login',
        });
      }
    }
  });

  it('refuses an access token of another kind (a link token)', async () => {
    const { user } = await loggedIn();
    const link = app.linkTokens.sign('change-email', user.id, 600, 'x@example.test');
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${link}` },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('GET and PATCH /me', () => {
  it('answers the account with its identities', async () => {
    const phone = uniquePhone();
    const { user, headers } = await loggedIn({ phone, email: freshEmail() });
    const res = await app.inject({ method: 'GET', url: '/api/v1/me', headers });
    expect(res.statusCode).toBe(200);
    const me = res.json().data;
    expect(me).toMatchObject({
      id: user.id,
      nickname: user.nickname,
      email: user.email,
      phone,
      pendingEmail: null,
      avatarUrl: null,
      birthday: null,
      locale: 'en',
      status: 'active',
    });
    expect(me.identities.map((i: { kind: string }) => i.kind)).toEqual(['email', 'phone']);
    expect(me).not.toHaveProperty('passwordHash');
  });

  it('changes nickname, birthday and locale, and clears the birthday with null', async () => {
    const { user, headers } = await loggedIn();
    const res = await app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers,
      payload: { nickname: '  Ada  ', birthday: '1990-04-21', locale: 'zh-CN' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({
      nickname: 'Ada',
      birthday: '1990-04-21',
      locale: 'zh-CN',
    });
    const [row] = await app.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ nickname: 'Ada', birthday: '1990-04-21', locale: 'zh-CN' });

    const cleared = await app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers,
      payload: { birthday: null },
    });
    expect(cleared.json().data).toMatchObject({ nickname: 'Ada', birthday: null });

    const nothing = await app.inject({ method: 'PATCH', url: '/api/v1/me', headers, payload: {} });
    expect(nothing.statusCode).toBe(200);
    expect(nothing.json().data.nickname).toBe('Ada');
  });

  it('refuses bad fields with 422 and a message per field', async () => {
    const { headers } = await loggedIn();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ nickname: '   ' }, 'nickname', 'Use 1 to 32 characters.'],
      [{ nickname: 'x'.repeat(33) }, 'nickname', 'Use 1 to 32 characters.'],
      [{ birthday: '21/04/1990' }, 'birthday', 'Use a date like 1990-04-21.'],
      [{ birthday: '2999-01-01' }, 'birthday', 'Use a date between 1900-01-01 and today.'],
      [{ birthday: '1899-12-31' }, 'birthday', 'Use a date between 1900-01-01 and today.'],
      [{ locale: 'fr' }, 'locale', ''],
    ];
    for (const [payload, field, message] of cases) {
      const res = await app.inject({ method: 'PATCH', url: '/api/v1/me', headers, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(422);
      const body = res.json();
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.errors).toHaveProperty(field);
      if (message) expect(body.errors[field]).toBe(message);
    }
  });

  it('says field messages in the reader language', async () => {
    const { headers } = await loggedIn();
    const res = await app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { ...headers, 'accept-language': 'zh-CN' },
      payload: { birthday: '2999-01-01' },
    });
    expect(res.json().errors.birthday).toBe('请填写 1900-01-01 到今天之间的日期。');
  });
});

describe('POST /me/password', () => {
  it('sets the new password and ends the other sessions, keeping this one', async () => {
    const { user, session, headers } = await loggedIn();
    const other = await sessionFor(app, user.id);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers,
      payload: { currentPassword: user.password, newPassword: 'a new and long passphrase' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ result: true, data: { accepted: true } });

    const [row] = await app.db.select().from(users).where(eq(users.id, user.id));
    expect(await app.passwords.verify(row!.passwordHash, 'a new and long passphrase')).toBe(true);
    expect(await app.passwords.verify(row!.passwordHash, user.password)).toBe(false);

    expect(await app.sessions.get(other.sid)).toBeNull();
    const stale = await app.inject({ method: 'GET', url: '/api/v1/me', headers: other.headers });
    expect(stale.statusCode).toBe(401);
    expect(stale.json().code).toBe('SESSION_EXPIRED');
    expect(await app.sessions.get(session.sid)).not.toBeNull();
    const still = await app.inject({ method: 'GET', url: '/api/v1/me', headers });
    expect(still.statusCode).toBe(200);
  });

  it('refuses a wrong current password, a common or short new one', async () => {
    const { user, headers } = await loggedIn();
    const other = await sessionFor(app, user.id);
    const post = (payload: object) =>
      app.inject({ method: 'POST', url: '/api/v1/me/password', headers, payload });

    const wrong = await post({
      currentPassword: 'not my password',
      newPassword: 'fine new password',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: { currentPassword: 'The password is wrong.' },
    });

    const common = await post({ currentPassword: user.password, newPassword: 'password123' });
    expect(common.statusCode).toBe(422);
    expect(common.json().errors).toEqual({
      newPassword: 'This password is too common; choose another.',
    });

    const short = await post({ currentPassword: user.password, newPassword: 'short' });
    expect(short.statusCode).toBe(422);
    expect(short.json().errors).toEqual({ newPassword: 'Use 8 to 128 characters.' });

    const missing = await post({ newPassword: 'fine new password' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors).toHaveProperty('currentPassword');

    // Nothing changed: the old password still works and the other session lives on.
    const [row] = await app.db.select().from(users).where(eq(users.id, user.id));
    expect(await app.passwords.verify(row!.passwordHash, user.password)).toBe(true);
    expect(await app.sessions.get(other.sid)).not.toBeNull();
  });

  it('makes a stolen token wait after repeated wrong current passwords', async () => {
    const { user, headers } = await loggedIn();
    const post = (currentPassword: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/me/password',
        headers,
        payload: { currentPassword, newPassword: 'fine new password' },
      });
    for (let i = 0; i < PASSWORD_CONFIRM_TRIES; i += 1) {
      expect((await post(`guess ${i}`)).statusCode).toBe(422);
    }
    const limited = await post(user.password);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await app.redis.del(`me-password-fails:${user.id}`);
    expect((await post(user.password)).statusCode).toBe(200);
  });
});

describe('changing the email', () => {
  it('mails a link to the new address, keeps the old one until it is followed', async () => {
    const { user, headers } = await loggedIn({ locale: 'zh-CN' });
    const next = freshEmail();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/me/email',
      headers,
      payload: { email: `  ${next.toUpperCase()} ` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({ email: user.email, pendingEmail: next });
    expect(await app.redis.get(`email-change:${user.id}`)).toBe(next);
    expect(await app.redis.ttl(`email-change:${user.id}`)).toBeGreaterThan(23 * 3600);

    const mail = await messageTo(next);
    expect(mail.subject).toBe('确认你在 Folio 的新邮箱');
    expect(mail.body).toContain(`${app.config.SITE_ORIGIN}/confirm-email?token=`);
    expect(await outbox(app, user.email!)).toHaveLength(0);

    const before = await app.inject({ method: 'GET', url: '/api/v1/me', headers });
    expect(before.json().data).toMatchObject({ email: user.email, pendingEmail: next });

    // No login needed to follow the link: it is opened from the mailbox.
    const token = tokenIn(mail.body);
    const confirm = await app.inject({
      method: 'POST',
      url: '/api/v1/me/email/confirm',
      payload: { token },
    });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json()).toEqual({ result: true, data: { email: next } });

    const after = await app.inject({ method: 'GET', url: '/api/v1/me', headers });
    expect(after.json().data).toMatchObject({ email: next, pendingEmail: null });
    const emails = after.json().data.identities.filter((i: { kind: string }) => i.kind === 'email');
    expect(emails).toHaveLength(1);
    expect(emails[0].verifiedAt).not.toBeNull();
    expect(await app.users.findByIdentity('email', user.email!)).toBeUndefined();
    expect((await app.users.findByIdentity('email', next))?.user.id).toBe(user.id);

    // The old address is told, in the person's language, with the new one masked.
    const notices = await waitForMessages(app, user.email!);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.subject).toBe('你的 Folio 邮箱已更改');
    expect(notices[0]!.body).toContain(`${next[0]}***@example.test`);
    expect(notices[0]!.body).not.toContain(next);
    expect(notices[0]!.body).toContain(`${app.config.SITE_ORIGIN}/forgot-password`);
    expect(notices[0]!.body).toContain('退出所有设备');

    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/me/email/confirm',
      payload: { token },
    });
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({
      code: 'TOKEN_INVALID',
      errors: { token: expect.any(String) },
    });
  });

  it('tells the old address in English, with a way to secure the account', async () => {
    const { user, headers } = await loggedIn();
    const next = freshEmail();
    await app.inject({
      method: 'POST',
      url: '/api/v1/me/email',
      headers,
      payload: { email: next },
    });
    // Asking is not yet a change: the old address hears nothing until the link is followed.
    await messageTo(next);
    expect(await outbox(app, user.email!)).toHaveLength(0);
    const token = tokenIn((await messageTo(next)).body);
    await app.inject({ method: 'POST', url: '/api/v1/me/email/confirm', payload: { token } });
    const notice = await messageTo(user.email!);
    expect(notice.subject).toBe('Your Folio email address was changed');
    expect(notice.body).toContain(`changed to ${next[0]}***@example.test.`);
    expect(notice.body).toContain('sign out everywhere');
    expect(notice.body).toContain(`${app.config.SITE_ORIGIN}/forgot-password`);
  });

  it('gives a phone-only account an email', async () => {
    const { user, headers } = await loggedIn({ phone: uniquePhone() });
    const next = freshEmail();
    await app.inject({
      method: 'POST',
      url: '/api/v1/me/email',
      headers,
      payload: { email: next },
    });
    const token = tokenIn((await messageTo(next)).body);
    const confirm = await app.inject({
      method: 'POST',
      url: '/api/v1/me/email/confirm',
      payload: { token },
    });
    expect(confirm.statusCode).toBe(200);
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers });
    expect(me.json().data).toMatchObject({ email: next, phone: user.phone });
  });

  it("answers the same for another account's address and sends it nothing", async () => {
    const owner = await makeUser(app);
    const { headers } = await loggedIn();
    const { headers: otherHeaders } = await loggedIn();
    const free = freshEmail();

    const taken = await app.inject({
      method: 'POST',
      url: '/api/v1/me/email',
      headers,
      payload: { email: owner.email },
    });
    const fine = await app.inject({
      method: 'POST',
      url: '/api/v1/me/email',
      headers: otherHeaders,
      payload: { email: free },
    });
    expect(taken.statusCode).toBe(fine.statusCode);
    expect(taken.json().data.pendingEmail).toBe(owner.email);
    expect(Object.keys(taken.json().data).sort()).toEqual(Object.keys(fine.json().data).sort());

    // The mail for the free address arrives; nothing is ever queued for the taken one.
    await messageTo(free);
    await new Promise((r) => setTimeout(r, 500));
    expect(await outbox(app, owner.email!)).toHaveLength(0);
  });

  it('honours only the latest request, and refuses an address taken meanwhile', async () => {
    const { user, headers } = await loggedIn();
    const first = freshEmail();
    const second = freshEmail();
    await app.inject({
      method: 'POST',
      url: '/api/v1/me/email',
      headers,
      payload: { email: first },
    });
    const firstToken = tokenIn((await messageTo(first)).body);
    await app.redis.del(`email-change-cooldown:${user.id}`);
    await app.inject({
      method: 'POST',
      url: '/api/v1/me/email',
      headers,
      payload: { email: second },
    });
    const secondToken = tokenIn((await messageTo(second)).body);

    const stale = await app.inject({
      method: 'POST',
      url: '/api/v1/me/email/confirm',
      payload: { token: firstToken },
    });
    expect(stale.statusCode).toBe(422);
    expect(stale.json().code).toBe('TOKEN_INVALID');

    await makeUser(app, { email: second });
    const taken = await app.inject({
      method: 'POST',
      url: '/api/v1/me/email/confirm',
      payload: { token: secondToken },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('IDENTITY_TAKEN');
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers });
    expect(me.json().data.email).toBe(user.email);
  });

  it('refuses its own address, a bad address, a second request within a minute, a bad token', async () => {
    const { user, headers } = await loggedIn();
    const post = (email: unknown) =>
      app.inject({ method: 'POST', url: '/api/v1/me/email', headers, payload: { email } });

    const same = await post(user.email!.toUpperCase());
    expect(same.statusCode).toBe(422);
    expect(same.json().errors).toEqual({ email: 'This is already your email address.' });

    const bad = await post('not an address');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual({ email: 'Not a valid email address.' });

    expect((await post(freshEmail())).statusCode).toBe(200);
    const soon = await post(freshEmail());
    expect(soon.statusCode).toBe(429);
    expect(Number(soon.headers['retry-after'])).toBeGreaterThan(0);

    for (const token of [
      'garbage',
      app.linkTokens.sign('verify-email', user.id, 600, 'a@b.test'),
    ]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/me/email/confirm',
        payload: { token },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('TOKEN_INVALID');
    }
    const empty = await app.inject({
      method: 'POST',
      url: '/api/v1/me/email/confirm',
      payload: {},
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().code).toBe('VALIDATION_FAILED');
  });
});

describe('POST /me/phone', () => {
  it('sets the phone proven by an SMS code, stored in E.164', async () => {
    const { user, headers } = await loggedIn({ phone: uniquePhone() });
    const next = uniquePhone();
    const code = await smsCode(next);
    const typed = `${next.slice(0, 3)} ${next.slice(3, 6)} ${next.slice(6, 10)} ${next.slice(10)}`;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/me/phone',
      headers,
      payload: { phone: typed, code },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({ phone: next, email: user.email });
    const phones = res.json().data.identities.filter((i: { kind: string }) => i.kind === 'phone');
    expect(phones).toHaveLength(1);
    expect(await app.users.findByIdentity('phone', user.phone!)).toBeUndefined();

    // The code was used up.
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/me/phone',
      headers,
      payload: { phone: next, code },
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe('CODE_INVALID');
  });

  it("refuses a wrong code, an invalid number, and another account's phone", async () => {
    const { user, headers } = await loggedIn();
    const post = (payload: object) =>
      app.inject({ method: 'POST', url: '/api/v1/me/phone', headers, payload });

    const next = uniquePhone();
    const code = await smsCode(next);
    const wrong = await post({ phone: next, code: code === '000000' ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({
      code: 'CODE_INVALID',
      errors: { code: expect.any(String) },
    });

    const invalid = await post({ phone: '+1 000', code: '123456' });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors).toEqual({ phone: 'Not a valid phone number.' });
    const format = await post({ phone: next, code: '12ab' });
    expect(format.statusCode).toBe(422);
    expect(format.json().errors).toEqual({ code: 'The code has 6 digits.' });

    const owner = await makeUser(app, { phone: uniquePhone() });
    const ownerCode = await smsCode(owner.phone!);
    const taken = await post({ phone: owner.phone, code: ownerCode });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('IDENTITY_TAKEN');
    expect((await app.users.findByIdentity('phone', owner.phone!))?.user.id).toBe(owner.id);
    const me = await app.users.identities(user.id);
    expect(me.some((i) => i.kind === 'phone')).toBe(false);
  });
});

describe('DELETE /me', () => {
  it('refuses a wrong or missing password', async () => {
    const { headers } = await loggedIn();
    const wrong = await app.inject({
      method: 'DELETE',
      url: '/api/v1/me',
      headers,
      payload: { password: 'not it at all' },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: { password: 'The password is wrong.' },
    });
    const missing = await app.inject({ method: 'DELETE', url: '/api/v1/me', headers, payload: {} });
    expect(missing.statusCode).toBe(422);
    const still = await app.inject({ method: 'GET', url: '/api/v1/me', headers });
    expect(still.statusCode).toBe(200);
  });

  it('soft-deletes, frees the logins, ends every session and keeps the blogs author', async () => {
    const phone = uniquePhone();
    const { user, headers } = await loggedIn({ phone });
    const other = await sessionFor(app, user.id);
    const [author] = await app.db
      .insert(authors)
      .values({ name: 'Writer', email: `author-${user.email}`, userId: user.id });

    const res = await app.inject({
      method: 'DELETE',
      url: '/api/v1/me',
      headers,
      payload: { password: user.password },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ result: true, data: { accepted: true } });
    expect(String(res.headers['set-cookie'])).toMatch(/folio_refresh=;.*Path=\/api\/v1\/auth/);

    for (const h of [headers, other.headers]) {
      const after = await app.inject({ method: 'GET', url: '/api/v1/me', headers: h });
      expect(after.statusCode).toBe(401);
    }
    expect(await app.sessions.list(user.id)).toEqual([]);

    const [row] = await app.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.deletedAt).not.toBeNull();
    expect(row!.passwordHash).toBeNull();
    expect(await app.users.identities(user.id)).toEqual([]);
    const [kept] = await app.db.select().from(authors).where(eq(authors.id, author.insertId));
    expect(kept).toMatchObject({ name: 'Writer', userId: user.id });

    // Someone else may now register with the same email and phone.
    const again = await makeUser(app, { email: user.email!, phone });
    expect(again.id).not.toBe(user.id);
  });
});

describe('DELETE /me/identities/:id', () => {
  async function addOauth(userId: number) {
    await app.users.addIdentity(userId, {
      kind: 'oauth',
      provider: 'testidp',
      subject: `sub-${userId}-${Date.now()}`,
      label: 'someone@idp.test',
      verifiedAt: new Date(),
    });
    const rows = await app.db
      .select()
      .from(userIdentities)
      .where(and(eq(userIdentities.userId, userId), eq(userIdentities.provider, 'testidp')));
    return rows[0]!;
  }
  const unbind = (headers: Record<string, string>, id: number) =>
    app.inject({ method: 'DELETE', url: `/api/v1/me/identities/${id}`, headers });

  it('unbinds a provider while another way to log in is left', async () => {
    const { user, headers } = await loggedIn();
    const oauth = await addOauth(user.id);
    const res = await unbind(headers, oauth.id);
    expect(res.statusCode).toBe(200);
    expect(res.json().data.identities.map((i: { kind: string }) => i.kind)).toEqual(['email']);
  });

  it('never removes the last way to log in', async () => {
    const { user, headers } = await loggedIn({ email: freshEmail(), phone: uniquePhone() });
    const [email, phone] = await app.users.identities(user.id);
    expect((await unbind(headers, phone!.id)).statusCode).toBe(200);
    const last = await unbind(headers, email!.id);
    expect(last.statusCode).toBe(409);
    expect(last.json()).toMatchObject({ code: 'LAST_LOGIN_METHOD' });
    expect(await app.users.identities(user.id)).toHaveLength(1);
  });

  it('counts an email only together with a password', async () => {
    const { user, headers } = await loggedIn();
    const oauth = await addOauth(user.id);
    await app.db.update(users).set({ passwordHash: null }).where(eq(users.id, user.id));
    const res = await unbind(headers, oauth.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('LAST_LOGIN_METHOD');

    // With a provider left, the email (useless without a password anyway) may go.
    const [email] = await app.users.identities(user.id);
    expect((await unbind(headers, email!.id)).statusCode).toBe(200);
  });

  it("answers 404 for another account's identity or an unknown one, 422 for a bad id", async () => {
    const { headers } = await loggedIn({ phone: uniquePhone() });
    const stranger = await makeUser(app, { email: freshEmail(), phone: uniquePhone() });
    const [theirs] = await app.users.identities(stranger.id);
    const res = await unbind(headers, theirs!.id);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    expect(await app.users.identities(stranger.id)).toHaveLength(2);
    expect((await unbind(headers, 4_000_000_000)).statusCode).toBe(404);
    const bad = await app.inject({ method: 'DELETE', url: '/api/v1/me/identities/abc', headers });
    expect(bad.statusCode).toBe(422);
  });
});

describe('the OpenAPI document', () => {
  it('lists the account endpoints', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/me',
        '/api/v1/me/avatar',
        '/api/v1/me/password',
        '/api/v1/me/email',
        '/api/v1/me/email/confirm',
        '/api/v1/me/phone',
        '/api/v1/me/sessions',
        '/api/v1/me/sessions/{id}',
        '/api/v1/me/identities/{id}',
      ]),
    );
    expect(Object.keys(doc.paths['/api/v1/me'])).toEqual(
      expect.arrayContaining(['get', 'patch', 'delete']),
    );
    expect(doc.paths['/api/v1/me/avatar'].post.requestBody.content).toHaveProperty(
      'multipart/form-data',
    );
    expect(doc.components.schemas).toHaveProperty('Me');
    expect(doc.components.schemas).toHaveProperty('Session');
  });
});

describe('a pending change of email', () => {
  it('shows in what a refresh answers, not only in GET /me', async () => {
    const user = await makeUser(app);
    const session = await sessionFor(app, user.id);
    const email = freshEmail();
    const change = await app.inject({
      method: 'POST',
      url: '/api/v1/me/email',
      headers: session.headers,
      payload: { email },
    });
    expect(change.statusCode).toBe(200);
    const refreshed = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { origin: app.config.SITE_ORIGIN },
      cookies: { folio_refresh: session.refreshToken },
    });
    expect(refreshed.statusCode).toBe(200);
    expect(refreshed.json().data.user).toMatchObject({ email: user.email, pendingEmail: email });
  });
});

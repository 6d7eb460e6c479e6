import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SiteSettings } from '@folio/schema';
import { and, desc, eq, gt } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { auditLog, settings } from '../src/db/schema';
import { settingsChannel, settingsDefaults } from '../src/modules/settings/service';
import { expectFailure, solvedCaptcha, uniqueEmail, uniqueIp } from './auth-helpers';
import {
  buildTestApp,
  grant,
  makeAuthor,
  makeBlog,
  makeUser,
  resetData,
  resetSettings,
  sessionFor,
  testConfig,
  uniquePhone,
  waitFor,
  waitForMessages,
} from './helpers';

const INDEX_HTML = '<!doctype html><html><head><title>Folio</title></head><body></body></html>';
const DEFAULTS = settingsDefaults(testConfig());

let app: App;
let other: App;
let dist: string;
let staff: Record<string, string>;
beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'folio-settings-'));
  await writeFile(join(dist, 'index.html'), INDEX_HTML);
  ({ app } = await buildTestApp({ WEB_DIST: dist }));
  // A second API process on the same database and Redis.
  ({ app: other } = await buildTestApp({ RUN_WORKER: 'false' }));
  // Files before this one may have left settings behind.
  await resetSettings(app);
  const admin = await makeUser(app);
  await grant(app, admin.id, 'system.settings');
  staff = (await sessionFor(app, admin.id)).headers;
});
afterAll(async () => {
  await app.close();
  await other.close();
  await rm(dist, { recursive: true, force: true });
});

/** Back to the environment's values: the rows go, and both processes hear of it. */
afterEach(async () => {
  await app.db.delete(settings);
  await app.redis.publish(settingsChannel(testConfig().DATABASE_URL), 'reset');
  for (const instance of [app, other]) {
    await waitFor(
      async () => JSON.stringify(await instance.siteSettings.get()) === JSON.stringify(DEFAULTS),
      'the settings to be the defaults again',
    );
  }
});

function patch(payload: unknown, headers = staff, on = app) {
  return on.inject({
    method: 'PATCH',
    url: '/api/v1/admin/settings',
    headers,
    payload: payload as object,
  });
}

async function changed(payload: unknown): Promise<SiteSettings> {
  const res = await patch(payload);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data;
}

/** The audit log's latest `settings.changed`. */
async function lastSettingsChange() {
  const [entry] = await app.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, 'settings.changed'))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return entry;
}

const site = async (on = app) =>
  (await on.inject({ method: 'GET', url: '/api/v1/site' })).json().data;

describe('GET /admin/settings and GET /site', () => {
  it('read the environment’s values while the database has none', async () => {
    const { app: configured } = await buildTestApp({
      RUN_WORKER: 'false',
      SITE_NAME: '  Quill  ',
      REGISTER_EMAIL_ENABLED: 'false',
      CAPTCHA_AFTER_FAILED_LOGINS: '5',
      COMMENTS_OPEN: 'false',
    });
    try {
      const admin = await makeUser(configured);
      await grant(configured, admin.id, 'system.settings');
      const res = await configured.inject({
        method: 'GET',
        url: '/api/v1/admin/settings',
        headers: (await sessionFor(configured, admin.id)).headers,
      });
      expect(res.json().data).toEqual({
        siteName: 'Quill',
        registration: { phone: true, email: false },
        captchaAfterFailedLogins: 5,
        commentsOpen: false,
      });
      // Anyone may read what the public site needs; the captcha threshold is not part of it.
      const open = await configured.inject({ method: 'GET', url: '/api/v1/site' });
      expect(open.statusCode).toBe(200);
      expect(open.json().data).toEqual({
        siteName: 'Quill',
        registration: { phone: true, email: false },
        commentsOpen: false,
      });
    } finally {
      await configured.close();
    }
  });
});

describe('PATCH /admin/settings', () => {
  it('changes only what it names, stores only that, and audits it before and after', async () => {
    const after = await changed({ registration: { email: false }, siteName: ' Quill ' });
    expect(after).toEqual({
      ...DEFAULTS,
      siteName: 'Quill',
      registration: { ...DEFAULTS.registration, email: false },
    });
    const rows = await app.db.select().from(settings);
    expect(rows.map((r) => [r.name, r.value]).sort()).toEqual([
      ['registration.email', false],
      ['siteName', 'Quill'],
    ]);
    const entry = await lastSettingsChange();
    expect(entry).toMatchObject({
      before: { siteName: DEFAULTS.siteName, registration: { email: true } },
      after: { siteName: 'Quill', registration: { email: false } },
    });
    expect(entry!.actorId).toBeGreaterThan(0);
    // The same values again change nothing, and nothing more is logged.
    const again = await changed({ siteName: 'Quill', registration: { email: false } });
    expect(again).toEqual(after);
    const later = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'settings.changed'), gt(auditLog.id, entry!.id)));
    expect(later).toEqual([]);
    const read = await app.inject({ method: 'GET', url: '/api/v1/admin/settings', headers: staff });
    expect(read.json().data).toEqual(after);
  });

  it('answers field messages for bad values, in the reader’s language', async () => {
    const bad = await patch({
      siteName: '   ',
      captchaAfterFailedLogins: -1,
      registration: { phone: 'yes' },
      commentsOpen: 1,
    });
    expect(expectFailure(bad, 422, 'VALIDATION_FAILED').errors).toEqual({
      siteName: 'A site name is 1 to 60 characters.',
      captchaAfterFailedLogins: 'Use a whole number from 0 to 100.',
      'registration.phone': 'Must be true or false.',
      commentsOpen: 'Must be true or false.',
    });
    const zh = await patch(
      { siteName: 'x'.repeat(61), captchaAfterFailedLogins: 1.5 },
      { ...staff, 'accept-language': 'zh-CN' },
    );
    expect(expectFailure(zh, 422, 'VALIDATION_FAILED').errors).toEqual({
      siteName: '站点名称为 1 到 60 个字符。',
      captchaAfterFailedLogins: '请填写 0 到 100 之间的整数。',
    });
    expect(
      expectFailure(await patch({ captchaAfterFailedLogins: 101 }), 422, 'VALIDATION_FAILED')
        .errors,
    ).toEqual({ captchaAfterFailedLogins: 'Use a whole number from 0 to 100.' });
    expect(await app.db.select().from(settings)).toEqual([]);
  });

  it('is seen by another API process at once, without a restart', async () => {
    // The other process holds its copy (good for 10 s) before the change.
    expect((await site(other)).siteName).toBe(DEFAULTS.siteName);
    await changed({ siteName: 'Heard everywhere', commentsOpen: false });
    const started = Date.now();
    await waitFor(
      async () => (await site(other)).siteName === 'Heard everywhere',
      'the other process to see the new name',
      3_000,
    );
    // Well within the copy's 10 s: the announcement, not the copy running out, did it.
    expect(Date.now() - started).toBeLessThan(3_000);
    expect((await site(other)).commentsOpen).toBe(false);
    // And the other way round.
    const admin = await makeUser(other);
    await grant(other, admin.id, 'system.settings');
    const res = await patch(
      { siteName: 'Back again' },
      (await sessionFor(other, admin.id)).headers,
      other,
    );
    expect(res.statusCode).toBe(200);
    await waitFor(async () => (await site(app)).siteName === 'Back again', 'this process', 3_000);
  });

  it('leaves out a stored value that does not fit, for its default', async () => {
    await app.db.insert(settings).values([
      { name: 'siteName', value: 12 },
      { name: 'commentsOpen', value: false },
      { name: 'noSuchSetting', value: true },
    ]);
    await app.redis.publish(settingsChannel(testConfig().DATABASE_URL), 'changed');
    await waitFor(async () => (await site()).commentsOpen === false, 'the stored rows to be read');
    expect((await site()).siteName).toBe(DEFAULTS.siteName);
  });
});

describe('GET /admin/settings/defaults and DELETE /admin/settings/:name', () => {
  const defaults = async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/admin/settings/defaults',
      headers: staff,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data;
  };
  const reset = (name: string, headers = staff) =>
    app.inject({ method: 'DELETE', url: `/api/v1/admin/settings/${name}`, headers });

  it('says which settings staff set, and resets one to the environment’s value everywhere', async () => {
    expect(await defaults()).toEqual({ defaults: DEFAULTS, stored: [] });
    await changed({
      siteName: 'Set by staff',
      registration: { email: false },
      commentsOpen: false,
    });
    await waitFor(async () => (await site(other)).siteName === 'Set by staff', 'the other process');
    expect(await defaults()).toEqual({
      defaults: DEFAULTS,
      stored: ['siteName', 'registration.email', 'commentsOpen'],
    });

    const res = await reset('registration.email');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toEqual({
      ...DEFAULTS,
      siteName: 'Set by staff',
      commentsOpen: false,
    });
    const rows = await app.db.select().from(settings);
    expect(rows.map((row) => row.name).sort()).toEqual(['commentsOpen', 'siteName']);
    expect((await defaults()).stored).toEqual(['siteName', 'commentsOpen']);
    const entry = await lastSettingsChange();
    expect(entry).toMatchObject({
      before: { registration: { email: false } },
      after: { registration: { email: DEFAULTS.registration.email } },
    });
    await waitFor(
      async () => (await site(other)).registration.email === DEFAULTS.registration.email,
      'the other process to see the environment’s value',
      3_000,
    );

    // A setting never set (or reset already) stays as it is, and nothing more is logged.
    const again = await reset('registration.email');
    expect(again.statusCode).toBe(200);
    const later = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'settings.changed'), gt(auditLog.id, entry!.id)));
    expect(later).toEqual([]);
  });

  it('forgets a stored value equal to the environment’s, so it follows the environment after', async () => {
    await changed({ siteName: 'Changed' });
    await changed({ siteName: DEFAULTS.siteName });
    expect((await defaults()).stored).toEqual(['siteName']);
    const res = await reset('siteName');
    expect(res.json().data).toEqual(DEFAULTS);
    expect((await defaults()).stored).toEqual([]);
    expect(await app.db.select().from(settings)).toEqual([]);
  });

  it('names the settings to a reset of one that does not exist, in the reader’s language', async () => {
    for (const [locale, text] of [
      ['en', 'No such setting.'],
      ['zh-CN', '没有这个设置。'],
    ] as const) {
      const res = await reset('registration', { ...staff, 'accept-language': locale });
      const { errors } = expectFailure(res, 422, 'VALIDATION_FAILED');
      expect(errors?.name).toContain(text);
      expect(errors?.name).toContain('registration.phone');
    }
  });
});

describe('the settings, applied', () => {
  it('refuses registration by a closed way, and says so on the public endpoint', async () => {
    await changed({ registration: { phone: false } });
    expect((await site()).registration).toEqual({ phone: false, email: true });
    const code = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sms-codes',
      remoteAddress: uniqueIp(),
      payload: { phone: uniquePhone(), purpose: 'register', ...(await solvedCaptcha(app)) },
    });
    expect(expectFailure(code, 403, 'REGISTRATION_CLOSED').msg).toBe(
      'Registration this way is closed.',
    );
    const phone = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register/phone',
      remoteAddress: uniqueIp(),
      headers: { 'accept-language': 'zh-CN' },
      payload: {
        phone: uniquePhone(),
        code: '123456',
        password: 'a fine long password',
        nickname: 'N',
      },
    });
    expect(expectFailure(phone, 403, 'REGISTRATION_CLOSED').msg).toBe('此方式的注册已关闭。');

    await changed({ registration: { phone: true, email: false } });
    const email = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register/email',
      remoteAddress: uniqueIp(),
      payload: {
        email: uniqueEmail('closed'),
        password: 'a fine long password',
        nickname: 'N',
        ...(await solvedCaptcha(app)),
      },
    });
    expectFailure(email, 403, 'REGISTRATION_CLOSED');
    // Phone registration is open again: its code goes out.
    const reopened = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sms-codes',
      remoteAddress: uniqueIp(),
      payload: { phone: uniquePhone(), purpose: 'register', ...(await solvedCaptcha(app)) },
    });
    expect(reopened.statusCode, reopened.body).toBe(202);
  });

  it('asks for a captcha after the set number of failed logins', async () => {
    const user = await makeUser(app);
    const login = async (extra: Record<string, string> = {}) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: uniqueIp(),
        payload: { account: user.email!, password: 'wrong password here', ...extra },
      });
    await changed({ captchaAfterFailedLogins: 1 });
    expect(expectFailure(await login(), 401, 'CREDENTIALS_INVALID').captchaRequired).toBe(true);
    expectFailure(await login(), 422, 'CAPTCHA_REQUIRED');
    expectFailure(await login(await solvedCaptcha(app)), 401, 'CREDENTIALS_INVALID');

    // 0: every attempt from a browser the account doesn't know, even the first.
    const fresh = await makeUser(app);
    await changed({ captchaAfterFailedLogins: 0 });
    const first = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: uniqueIp(),
      payload: { account: fresh.email!, password: fresh.password },
    });
    expectFailure(first, 422, 'CAPTCHA_REQUIRED');
    const solved = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: uniqueIp(),
      payload: { account: fresh.email!, password: fresh.password, ...(await solvedCaptcha(app)) },
    });
    expect(solved.statusCode, solved.body).toBe(200);
  });

  it('refuses new comments site-wide while comments are off; reading them still works', async () => {
    await resetData(app);
    const owner = await makeUser(app);
    const blog = await makeBlog(app, (await makeAuthor(app, { userId: owner.id })).id);
    const writer = (await sessionFor(app, (await makeUser(app)).id)).headers;
    const post = (body: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/blogs/${blog.id}/comments`,
        headers: writer,
        payload: { body },
      });
    expect((await post('Before the switch')).statusCode).toBe(201);
    await changed({ commentsOpen: false });
    const refused = expectFailure(await post('After the switch'), 403, 'COMMENTS_CLOSED');
    expect(refused.msg).toBe('Comments are closed on this site for now.');
    const list = await app.inject({ method: 'GET', url: `/api/v1/blogs/${blog.id}/comments` });
    expect(list.statusCode).toBe(200);
    expect(list.json().data.items.map((c: { body: string }) => c.body)).toEqual([
      'Before the switch',
    ]);
    await changed({ commentsOpen: true });
    expect((await post('Open again')).statusCode).toBe(201);
  });

  it('names the site in mail, feeds and shared pages', async () => {
    await resetData(app);
    await changed({ siteName: 'Quill & Ink' });
    const to = uniqueEmail('named');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register/email',
      remoteAddress: uniqueIp(),
      payload: {
        email: to,
        password: 'a fine long password',
        nickname: 'Named',
        ...(await solvedCaptcha(app)),
      },
    });
    expect(res.statusCode, res.body).toBe(202);
    const [mail] = await waitForMessages(app, to);
    expect(mail!.subject).toBe('Confirm your email for Quill & Ink');
    expect(mail!.body).toContain('activate your Quill & Ink account');

    const author = await makeAuthor(app, { name: 'Ann' });
    const blog = await makeBlog(app, author.id, { title: 'Shared' });
    const feed = await app.inject({ method: 'GET', url: '/feed.xml' });
    expect(feed.body).toContain('<title>Quill &amp; Ink</title>');
    expect(feed.body).toContain('The latest blogs on Quill &amp; Ink');
    const page = await app.inject({ method: 'GET', url: `/blogs/${blog.id}` });
    expect(page.body).toContain('<title>Shared · Quill &amp; Ink</title>');
    expect(page.body).toContain('<meta property="og:site_name" content="Quill &amp; Ink" />');

    // A rename is in the next feed at once, not after the cached one runs out.
    await changed({ siteName: 'Renamed' });
    expect((await app.inject({ method: 'GET', url: '/feed.xml' })).body).toContain(
      '<title>Renamed</title>',
    );
  });
});

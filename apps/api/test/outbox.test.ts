import type { OutboxEntry } from '@folio/schema';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { outboxMessages } from '../src/db/schema';
import { createOutboxRepository } from '../src/modules/outbox/repository';
import { expectFailure, smsCode, solvedCaptcha, uniqueEmail, uniqueIp } from './auth-helpers';
import { buildTestApp, grant, makeUser, sessionFor, uniquePhone } from './helpers';

let app: App;
let staff: Record<string, string>;
beforeAll(async () => {
  ({ app } = await buildTestApp());
  const admin = await makeUser(app);
  await grant(app, admin.id, 'system.settings');
  staff = (await sessionFor(app, admin.id)).headers;
});
afterAll(() => app.close());

const list = (query: string, headers = staff, on = app) =>
  on.inject({ method: 'GET', url: `/api/v1/admin/outbox${query}`, headers });

async function page(query: string) {
  const res = await list(query);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as {
    items: OutboxEntry[];
    page: number;
    perPage: number;
    total: number;
    pages: number;
  };
}

describe('GET /admin/outbox', () => {
  it('lists what was sent, newest first, with the link of a mail and the code of an SMS', async () => {
    const email = uniqueEmail('outbox');
    const phone = uniquePhone();
    const register = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register/email',
      remoteAddress: uniqueIp(),
      payload: {
        email,
        password: 'a fine long password',
        nickname: 'Boxed',
        ...(await solvedCaptcha(app)),
      },
    });
    expect(register.statusCode, register.body).toBe(202);
    const texted = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sms-codes',
      remoteAddress: uniqueIp(),
      headers: { 'accept-language': 'zh-CN' },
      payload: { phone, purpose: 'register', ...(await solvedCaptcha(app)) },
    });
    expect(texted.statusCode, texted.body).toBe(202);
    const code = await smsCode(app, phone);

    const mails = await page(`?recipient=${encodeURIComponent(email.toUpperCase())}`);
    expect(mails.items).toHaveLength(1);
    const [mail] = mails.items;
    expect(mail).toMatchObject({ channel: 'email', recipient: email, code: null });
    expect(mail!.link).toMatch(/^http:\/\/localhost:3000\/verify-email\?token=[^\s]+$/);
    expect(mail!.body).toContain(mail!.link);
    // A phone in any format the site reads finds the number as it was stored.
    const spaced = `${phone.slice(0, 3)} ${phone.slice(3, 6)} ${phone.slice(6)}`;
    const texts = await page(`?recipient=${encodeURIComponent(spaced)}`);
    expect(texts.items).toEqual([
      expect.objectContaining({ channel: 'sms', recipient: phone, code, link: null }),
    ]);
    expect(texts.items[0]!.body).toContain('验证码');

    const newest = await page('?perPage=2');
    expect(newest.items.map((i) => i.id)).toEqual(
      [...newest.items.map((i) => i.id)].sort((a, b) => b - a),
    );
    expect(newest.items[0]!.id).toBe(texts.items[0]!.id);
  });

  it('pages and filters by channel', async () => {
    const to = uniqueEmail('paged');
    await app.db.insert(outboxMessages).values(
      Array.from({ length: 5 }, (_, i) => ({
        channel: 'email' as const,
        recipient: to,
        subject: `Mail ${i + 1}`,
        body: i === 0 ? 'No link in this one.' : `Open https://folio.example/m/${i + 1}\n\nBye`,
      })),
    );
    const second = await page(`?recipient=${encodeURIComponent(to)}&perPage=2&page=2`);
    expect(second).toMatchObject({ page: 2, perPage: 2, total: 5, pages: 3 });
    expect(second.items.map((i) => [i.subject, i.link])).toEqual([
      ['Mail 3', 'https://folio.example/m/3'],
      ['Mail 2', 'https://folio.example/m/2'],
    ]);
    const last = await page(`?recipient=${encodeURIComponent(to)}&perPage=2&page=3`);
    expect(last.items.map((i) => [i.subject, i.link])).toEqual([['Mail 1', null]]);
    expect((await page(`?recipient=${encodeURIComponent(to)}&channel=sms`)).total).toBe(0);
    const sms = await page('?channel=sms&perPage=100');
    expect(sms.items.length).toBeGreaterThan(0);
    expect(sms.items.every((i) => i.channel === 'sms')).toBe(true);
  });

  it('answers field messages for a bad filter', async () => {
    const res = await list('?channel=pigeon&perPage=0');
    const body = expectFailure(res, 422, 'VALIDATION_FAILED');
    expect(Object.keys(body.errors!).sort()).toEqual(['channel', 'perPage']);
  });

  it('reads each filter through an index, newest first without sorting', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({
      channel: i % 3 === 0 ? ('sms' as const) : ('email' as const),
      recipient: `bulk${i % 40}@example.test`,
      subject: null,
      body: 'x',
    }));
    await app.db.insert(outboxMessages).values(rows);
    await app.db.execute(sql`ANALYZE TABLE outbox_messages`);
    const repo = createOutboxRepository(app.db);
    type Plan = { key: string | null; Extra: string }[];
    const explain = async (query: { toSQL: () => { sql: string; params: unknown[] } }) => {
      const { sql: text, params } = query.toSQL();
      const [plan] = await app.pool.query(`EXPLAIN ${text}`, params);
      return (plan as Plan)[0]!;
    };
    const cases: [Parameters<typeof repo.page>[0], string][] = [
      [{ recipient: 'bulk7@example.test' }, 'outbox_recipient_idx'],
      [{ channel: 'sms' }, 'outbox_channel_idx'],
      [{}, 'PRIMARY'],
    ];
    for (const [filter, index] of cases) {
      const plan = await explain(repo.page(filter, 20, 0));
      expect(plan.key, JSON.stringify(filter)).toBe(index);
      expect(plan.Extra).not.toMatch(/filesort/);
    }
  });

  it('is not there in production with real transports, for anyone', async () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-of-enough-length-0123456789',
      RUN_WORKER: 'false',
      MIGRATE_ON_START: 'false',
      SEED_ON_EMPTY: 'false',
    };
    const { app: real } = await buildTestApp({
      ...production,
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: 'smtp://127.0.0.1:1',
      SMS_TRANSPORT: 'http',
      SMS_HTTP_URL: 'http://127.0.0.1:1/sms',
      SMS_HTTP_KEY: 'key',
    });
    const { app: demo } = await buildTestApp({
      ...production,
      MAIL_TRANSPORT: 'outbox',
      SMS_TRANSPORT: 'outbox',
    });
    try {
      const admin = await makeUser(real);
      await grant(real, admin.id, 'system.settings');
      const headers = (await sessionFor(real, admin.id)).headers;
      expectFailure(await list('', headers, real), 404, 'NOT_FOUND');
      expectFailure(await list('', {}, real), 404, 'NOT_FOUND');
      // The local demo (`pnpm start`) runs in production with the outbox: its page is there.
      expect((await list('', (await sessionFor(demo, admin.id)).headers, demo)).statusCode).toBe(
        200,
      );
    } finally {
      await real.close();
      await demo.close();
    }
  });
});

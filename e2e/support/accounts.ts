import { randomBytes, randomInt } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { expect, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
import { Redis } from 'ioredis';
import mysql from 'mysql2/promise';
import { BASE_URL, E2E_DATABASE_URL, E2E_REDIS_URL } from '../playwright.config';

let redis: Redis | undefined;
let db: mysql.Pool | undefined;

/** The server's Redis database: captcha answers wait at `captcha:<id>`. */
function redisClient(): Redis {
  redis ??= new Redis(E2E_REDIS_URL);
  return redis;
}

/** The server's MariaDB: outside production, mail and SMS land in `outbox_messages`. */
function database(): mysql.Pool {
  db ??= mysql.createPool({ uri: E2E_DATABASE_URL, connectionLimit: 2 });
  return db;
}

export async function closeConnections() {
  await Promise.all([redis?.quit(), db?.end()]);
  redis = undefined;
  db = undefined;
}

export async function captchaAnswer(id: string): Promise<string> {
  const answer = await redisClient().get(`captcha:${id}`);
  if (!answer) throw new Error(`no captcha answer at captcha:${id}`);
  return answer;
}

/**
 * Types the answer of the captcha the form shows now. The picture carries the captcha id that
 * GET /captcha answered with; `previous` waits for a new picture after one was used.
 */
export async function solveCaptcha(scope: Page, previous?: string): Promise<string> {
  const picture = scope.getByTestId('captcha-picture');
  await expect(picture).toHaveAttribute('data-captcha-id', /.+/);
  if (previous) await expect(picture).not.toHaveAttribute('data-captcha-id', previous);
  const id = (await picture.getAttribute('data-captcha-id'))!;
  await scope.getByTestId('captcha-input').fill(await captchaAnswer(id));
  return id;
}

interface OutboxMessage {
  id: number;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string | null;
  body: string;
}

/** The newest message to `recipient` after message `afterId`, once the worker has stored it. */
export async function nextMessage(recipient: string, afterId = 0): Promise<OutboxMessage> {
  let found: OutboxMessage | undefined;
  await expect
    .poll(
      async () => {
        const [rows] = await database().query(
          'SELECT id, channel, recipient, subject, body FROM outbox_messages ' +
            'WHERE recipient = ? AND id > ? ORDER BY id DESC LIMIT 1',
          [recipient, afterId],
        );
        found = (rows as OutboxMessage[])[0];
        return found?.id ?? 0;
      },
      { message: `a message to ${recipient}`, timeout: 10_000 },
    )
    .toBeGreaterThan(afterId);
  return found!;
}

/** The id of the newest message to `recipient` so far (0 for none): later ones are new. */
export async function lastMessageId(recipient: string): Promise<number> {
  const [rows] = await database().query(
    'SELECT COALESCE(MAX(id), 0) AS id FROM outbox_messages WHERE recipient = ?',
    [recipient],
  );
  return Number((rows as { id: number }[])[0]?.id ?? 0);
}

/** The site path of the link in a mail (`/verify-email?token=…`), whatever origin it names. */
export function linkIn(message: OutboxMessage, path: string): string {
  const match = message.body.match(new RegExp(`https?://[^\\s"'<>]+${path}\\?token=[^\\s"'<>]+`));
  if (!match) throw new Error(`no ${path} link in: ${message.body}`);
  const url = new URL(match[0]);
  return `${url.pathname}${url.search}`;
}

export function codeIn(message: OutboxMessage): string {
  const match = message.body.match(/\b(\d{6})\b/);
  if (!match) throw new Error(`no 6-digit code in: ${message.body}`);
  return match[1]!;
}

/** A mainland China mobile number nobody has used yet: national form and E.164. */
export function uniquePhone() {
  const national = `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
  return { national, e164: `+86${national}` };
}

export function uniqueEmail(tag: string) {
  return `e2e-${tag}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}@example.com`;
}

let accountsMade = 0;

/**
 * A loopback address of its own for each account the suite makes (any 127.x.y.z reaches the
 * server): the per-IP limits on registering stay what real visitors meet, and a suite that makes
 * many accounts is many visitors, not one.
 */
function nextSource(): string {
  accountsMade += 1;
  return `127.0.${1 + Math.floor(accountsMade / 250)}.${1 + (accountsMade % 250)}`;
}

/** A JSON request to the server sent from `source`; the answer's status and parsed body. */
function requestFrom(
  source: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: { data?: unknown } & Record<string, unknown> }> {
  const url = new URL(path, BASE_URL);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method,
        localAddress: source,
        headers: {
          ...headers,
          ...(payload && { 'content-type': 'application/json' }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) });
          } catch {
            reject(new Error(`${method} ${path}: ${res.statusCode} ${text}`));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * An active account made through the API (register by email, follow the link), from a loopback
 * address of its own (`nextSource`). `_request` is kept for the callers' convenience.
 */
export async function createVerifiedUser(_request: APIRequestContext, tag: string) {
  const source = nextSource();
  const email = uniqueEmail(tag);
  const password = `e2e ${randomBytes(6).toString('hex')} pass`;
  const nickname = `E2E ${tag}`;
  const captcha = await requestFrom(source, 'GET', '/api/v1/captcha');
  expect(captcha.status, JSON.stringify(captcha.json)).toBe(200);
  const { id } = captcha.json.data as { id: string };
  const registered = await requestFrom(source, 'POST', '/api/v1/auth/register/email', {
    email,
    password,
    nickname,
    captchaId: id,
    captchaText: await captchaAnswer(id),
  });
  expect(registered.status, JSON.stringify(registered.json)).toBeLessThan(300);
  const token = new URL(
    linkIn(await nextMessage(email), '/verify-email'),
    'http://x',
  ).searchParams.get('token');
  const verified = await requestFrom(source, 'POST', '/api/v1/auth/verify-email', { token });
  expect(verified.status, JSON.stringify(verified.json)).toBe(200);
  // Following the link logged in; end that session so the test sees only its browsers'.
  const { accessToken } = verified.json.data as { accessToken: string };
  const loggedOut = await requestFrom(source, 'POST', '/api/v1/auth/logout', undefined, {
    Authorization: `Bearer ${accessToken}`,
  });
  expect(loggedOut.status).toBe(200);
  return { email, password, nickname };
}

/** Gives an account a role of its own holding one permission, in the database. */
export async function grantPermission(userId: number, permission: string) {
  const name = `E2E ${userId} ${permission}`;
  await database().query('INSERT IGNORE INTO roles (name) VALUES (?)', [name]);
  await database().query(
    'INSERT IGNORE INTO role_permissions (role_id, permission) SELECT id, ? FROM roles WHERE name = ?',
    [permission, name],
  );
  await database().query(
    'INSERT IGNORE INTO user_roles (user_id, role_id) SELECT ?, id FROM roles WHERE name = ?',
    [userId, name],
  );
}

/** Gives an account one of the seeded roles (`junior`, `system`, ...), in the database. */
export async function grantSeededRole(userId: number, seedKey: string) {
  const [result] = await database().query(
    'INSERT IGNORE INTO user_roles (user_id, role_id) SELECT ?, id FROM roles WHERE seed_key = ?',
    [userId, seedKey],
  );
  expect((result as { affectedRows: number }).affectedRows).toBe(1);
}

/** Logs in on the login page with an email or phone and a password. */
export async function logIn(page: Page, account: string, password: string) {
  await page.getByLabel('Email or phone').fill(account);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
}

/** Saves a named screenshot with the test's artifacts (and attaches it to the report). */
export async function snap(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/**
 * Takes a writer's blogs and author profile off the site again, so that the specs after this one
 * find the seed's blogs and authors only. Their blogs go to the trash through the API first,
 * which drops the cached list totals; then the rows go for good, before anything counts again.
 */
export async function removeWriter(request: APIRequestContext, token: string, userId: number) {
  const headers = { Authorization: `Bearer ${token}` };
  const mine = await request.get('/api/v1/me/blogs?perPage=100', { headers });
  expect(mine.ok(), await mine.text()).toBe(true);
  const { items } = (await mine.json()).data as { items: { id: number }[] };
  for (const { id } of items) {
    const trashed = await request.delete(`/api/v1/blogs/${id}`, { headers });
    expect(trashed.ok(), await trashed.text()).toBe(true);
  }
  await database().query(
    'DELETE b FROM blogs b JOIN authors a ON a.id = b.author_id WHERE a.user_id = ?',
    [userId],
  );
  await database().query('DELETE FROM authors WHERE user_id = ?', [userId]);
}

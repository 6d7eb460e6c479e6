import { expect } from 'vitest';
import type { App } from '../src/app';
import { buildTestApp, waitForMessages } from './helpers';

let unique = 0;

export const uniqueEmail = (tag = 'auth') => `${tag}${++unique}-${Date.now()}@example.test`;

/**
 * An address no other test uses, in a /24 that the previous 255 did not use, so per-IP and
 * per-network limits and failure counters start at zero (app.inject's `remoteAddress` becomes
 * `request.ip`).
 */
export function uniqueIp(): string {
  unique += 1;
  const n = (Date.now() % 50_000) * 300 + unique;
  // The counter's low byte picks the /24.
  return `10.${(n >> 16) & 255}.${n & 255}.${(n >> 8) & 255}`;
}

/** A fresh captcha and its answer, read from Redis as the e2e tests do. */
export async function solvedCaptcha(app: App) {
  const { id } = await app.captcha.create();
  const text = await app.redis.get(`captcha:${id}`);
  return { captchaId: id, captchaText: text! };
}

export { outbox, waitForMessages } from './helpers';

/** The newest code texted to `phone`, once there are `count` texts. */
export async function smsCode(app: App, phone: string, count = 1): Promise<string> {
  const rows = await waitForMessages(app, phone, count);
  const code = /\b(\d{6})\b/.exec(rows.at(-1)!.body)?.[1];
  if (!code) throw new Error(`no code in ${rows.at(-1)!.body}`);
  return code;
}

/** The token of the newest link mailed to `to` whose path is `path`. */
export async function mailedToken(app: App, to: string, path: string, count = 1) {
  const rows = await waitForMessages(app, to, count);
  const match = new RegExp(`${path}\\?token=([^\\s]+)`).exec(rows.at(-1)!.body);
  if (!match) throw new Error(`no ${path} link in ${rows.at(-1)!.body}`);
  return decodeURIComponent(match[1]!);
}

/** The refresh cookie a response sets, with its attributes. */
export function refreshCookie(res: {
  cookies: { name: string; value: string; maxAge?: number; path?: string; secure?: boolean }[];
}) {
  return res.cookies.find((c) => c.name === 'folio_refresh');
}

export function expectFailure(
  res: { statusCode: number; json: () => unknown },
  status: number,
  code: string,
) {
  const body = res.json() as {
    result: boolean;
    code: string;
    msg: string;
    errors?: Record<string, string>;
    location?: string;
    captchaRequired?: true;
  };
  expect({ status: res.statusCode, code: body.code }).toEqual({ status, code });
  expect(body.result).toBe(false);
  return body;
}

/**
 * What a client can see of a response, but the request id and the account it names (`account`
 * is replaced in the message), so answers about different accounts can be compared.
 */
export function comparable(res: { statusCode: number; json: () => unknown }, account?: string) {
  const body = res.json() as Record<string, unknown>;
  delete body.requestId;
  if (account && typeof body.msg === 'string') body.msg = body.msg.replaceAll(account, '<account>');
  return { status: res.statusCode, body };
}

export const WHOAMI = '/api/v1/test-whoami';

/** A route that only a valid access token passes, to show when one stops working. */
export function addWhoami(app: App) {
  app.get(WHOAMI, { onRequest: app.authenticate }, async (request) => ({
    result: true,
    data: request.auth,
  }));
}

/**
 * The app as the auth tests use it: one OAuth provider configured (so `oauthTicket` paths exist;
 * nothing contacts it) and the whoami route to show when a token stops working.
 */
export async function buildAuthTestApp(): Promise<App> {
  const { app } = await buildTestApp({
    OAUTH_PROVIDERS: 'corp',
    OAUTH_CORP_CLIENT_ID: 'folio',
    OAUTH_CORP_CLIENT_SECRET: 's3cret',
    OAUTH_CORP_ISSUER: 'https://sso.example.test',
  });
  addWhoami(app);
  return app;
}

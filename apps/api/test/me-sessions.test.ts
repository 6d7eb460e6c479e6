import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { buildTestApp, forgetRedisKeys, makeUser, sessionFor } from './helpers';

let app: App;
beforeAll(async () => {
  ({ app } = await buildTestApp());
  await forgetRedisKeys(app, 'user-sess:*');
});
afterAll(() => app.close());

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const LINUX_CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

/** A session as a login from some browser would make it, with its access token. */
async function loginFrom(userId: number, userAgent: string | null, ip: string) {
  const user = (await app.users.findById(userId))!;
  const issued = await app.sessions.start(user, {
    remember: false,
    userAgent: userAgent ?? undefined,
    ip,
  });
  return { sid: issued.sid, headers: { authorization: `Bearer ${issued.result.accessToken}` } };
}

const me = (headers: Record<string, string>) =>
  app.inject({ method: 'GET', url: '/api/v1/me', headers });

describe('GET /me/sessions', () => {
  it("lists the account's sessions with device, browser, system and IP, this one first", async () => {
    const user = await makeUser(app);
    const phone = await loginFrom(user.id, IPHONE, '203.0.113.7');
    const desktop = await loginFrom(user.id, LINUX_CHROME, '198.51.100.2');
    const bare = await loginFrom(user.id, null, '192.0.2.1');
    await makeUser(app).then((other) => sessionFor(app, other.id));

    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/me/sessions',
      headers: desktop.headers,
    });
    expect(res.statusCode).toBe(200);
    const list = res.json().data as { id: string; current: boolean }[];
    expect(list).toHaveLength(3);
    expect(list[0]).toMatchObject({
      id: desktop.sid,
      current: true,
      device: null,
      browser: 'Chrome 124',
      os: 'Linux',
      ip: '198.51.100.2',
    });
    const byId = new Map(list.map((s) => [s.id, s]));
    expect(byId.get(phone.sid)).toMatchObject({
      current: false,
      device: 'Apple iPhone',
      browser: 'Mobile Safari 17',
      os: 'iOS 17.4',
      ip: '203.0.113.7',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      lastUsedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
    });
    expect(byId.get(bare.sid)).toMatchObject({ device: null, browser: null, os: null });
  });

  it('needs a login', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/me/sessions' });
    expect(res.statusCode).toBe(401);
  });
});

describe('DELETE /me/sessions/:id', () => {
  it('ends one session; its access token stops working at once', async () => {
    const user = await makeUser(app);
    const here = await loginFrom(user.id, LINUX_CHROME, '127.0.0.1');
    const there = await loginFrom(user.id, IPHONE, '127.0.0.2');
    expect((await me(there.headers)).statusCode).toBe(200);

    const res = await app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${there.sid}`,
      headers: here.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ result: true, data: { accepted: true } });

    const after = await me(there.headers);
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('SESSION_EXPIRED');
    expect((await me(here.headers)).statusCode).toBe(200);
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/me/sessions',
      headers: here.headers,
    });
    expect(list.json().data.map((s: { id: string }) => s.id)).toEqual([here.sid]);
  });

  it("answers 404 for another account's session and leaves it alone", async () => {
    const user = await makeUser(app);
    const mine = await loginFrom(user.id, null, '127.0.0.1');
    const stranger = await makeUser(app);
    const theirs = await loginFrom(stranger.id, null, '127.0.0.1');

    const res = await app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${theirs.sid}`,
      headers: mine.headers,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    expect((await me(theirs.headers)).statusCode).toBe(200);

    const unknown = await app.inject({
      method: 'DELETE',
      url: '/api/v1/me/sessions/abcdefghijklmnopqrstuvwx',
      headers: mine.headers,
    });
    expect(unknown.statusCode).toBe(404);
    const malformed = await app.inject({
      method: 'DELETE',
      url: '/api/v1/me/sessions/short',
      headers: mine.headers,
    });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().code).toBe('VALIDATION_FAILED');
  });

  it('may end the current session too (a log out)', async () => {
    const user = await makeUser(app);
    const here = await loginFrom(user.id, null, '127.0.0.1');
    const res = await app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${here.sid}`,
      headers: here.headers,
    });
    expect(res.statusCode).toBe(200);
    expect((await me(here.headers)).statusCode).toBe(401);
  });
});

describe('DELETE /me/sessions (log out everywhere else)', () => {
  it('ends every other session and keeps this one', async () => {
    const user = await makeUser(app);
    const here = await loginFrom(user.id, LINUX_CHROME, '127.0.0.1');
    const others = [
      await loginFrom(user.id, IPHONE, '127.0.0.2'),
      await loginFrom(user.id, null, '127.0.0.3'),
    ];
    const stranger = await makeUser(app);
    const theirs = await loginFrom(stranger.id, null, '127.0.0.4');

    const res = await app.inject({
      method: 'DELETE',
      url: '/api/v1/me/sessions',
      headers: here.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ result: true, data: { revoked: 2 } });
    for (const other of others) expect((await me(other.headers)).statusCode).toBe(401);
    expect((await me(here.headers)).statusCode).toBe(200);
    expect((await me(theirs.headers)).statusCode).toBe(200);

    const again = await app.inject({
      method: 'DELETE',
      url: '/api/v1/me/sessions',
      headers: here.headers,
    });
    expect(again.json().data).toEqual({ revoked: 0 });
  });
});

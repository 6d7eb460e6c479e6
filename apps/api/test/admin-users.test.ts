import { ADMIN_USER_SORTS, PERMISSIONS } from '@folio/schema';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { users } from '../src/db/schema';
import { createAdminUserRepository, pageIndex } from '../src/modules/admin-users/repository';
import { BULK_BATCH } from '../src/modules/admin-users/service';
import { buildTestApp, grant, makeUser, sessionFor, uniquePhone } from './helpers';

/** A tag no other test's users carry, to find this test's users by nickname. */
const tagOf = () => `t${Math.random().toString(36).slice(2, 9)}`;

let app: App;
let admin: { id: number; headers: Record<string, string> };
beforeAll(async () => {
  ({ app } = await buildTestApp());
  const user = await makeUser(app, { nickname: `Admin ${tagOf()}` });
  await grant(app, user.id, ...PERMISSIONS);
  admin = { id: user.id, headers: (await sessionFor(app, user.id)).headers };
});
afterAll(() => app.close());

const list = async (query: string) => {
  const res = await app.inject({
    method: 'GET',
    url: `/api/v1/admin/users?${query}`,
    headers: admin.headers,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as {
    items: { id: number; nickname: string; status: string; email: string | null }[];
    total: number;
    pages: number;
  };
};

const bulk = (payload: unknown, headers = admin.headers) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/admin/users/bulk',
    headers,
    payload: payload as object,
  });

describe('the users table', () => {
  it('pages, sorts, searches and filters on the server', async () => {
    const tag = tagOf();
    const phone = uniquePhone();
    const made = [
      await makeUser(app, { nickname: `${tag} Carol` }),
      await makeUser(app, { nickname: `${tag} alice`, phone, email: `${tag}-alice@example.test` }),
      await makeUser(app, { nickname: `${tag} Bob`, status: 'locked' }),
      await makeUser(app, { nickname: `${tag} Dave`, status: 'pending' }),
    ];
    const roleId = await grant(app, made[0]!.id, 'stats.read');
    await app.db.update(users).set({ deletedAt: new Date() }).where(eq(users.id, made[3]!.id));
    await app.db
      .update(users)
      .set({ createdAt: new Date('2020-05-02T10:00:00Z') })
      .where(eq(users.id, made[2]!.id));

    const all = await list(`q=${tag}&sort=nickname&perPage=2`);
    expect(all).toMatchObject({ total: 4, pages: 2 });
    expect(all.items.map((u) => u.nickname)).toEqual([`${tag} alice`, `${tag} Bob`]);
    const second = await list(`q=${tag}&sort=nickname&perPage=2&page=2`);
    expect(second.items.map((u) => u.nickname)).toEqual([`${tag} Carol`, `${tag} Dave`]);
    expect((await list(`q=${tag}&sort=-nickname`)).items[0]!.nickname).toBe(`${tag} Dave`);

    // An email or a phone by its start.
    expect((await list(`q=${tag}-ali`)).items.map((u) => u.id)).toEqual([made[1]!.id]);
    expect(
      (await list(`q=${encodeURIComponent(phone.slice(0, 10))}`)).items.map((u) => u.id),
    ).toContain(made[1]!.id);
    const alice = (await list(`q=${tag}-ali`)).items[0]!;
    expect(alice).toMatchObject({
      avatarUrl: null,
      email: `${tag}-alice@example.test`,
      status: 'active',
      roles: [],
    });

    expect((await list(`q=${tag}&status=locked`)).items.map((u) => u.id)).toEqual([made[2]!.id]);
    expect((await list(`q=${tag}&status=deleted`)).items.map((u) => u.id)).toEqual([made[3]!.id]);
    expect((await list(`q=${tag}&status=pending`)).total).toBe(0);
    const withRole = await list(`q=${tag}&roleId=${roleId}`);
    expect(withRole.items).toMatchObject([{ id: made[0]!.id, roles: [{ id: roleId }] }]);
    const old = await list(`q=${tag}&registeredFrom=2020-05-02&registeredTo=2020-05-02`);
    expect(old.items.map((u) => u.id)).toEqual([made[2]!.id]);
    expect((await list(`q=${tag}&registeredTo=2020-05-01`)).total).toBe(0);
  });

  it('answers a bad filter with the field it is wrong in', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/admin/users?status=gone&registeredFrom=yesterday&sort=email',
      headers: { ...admin.headers, 'accept-language': 'zh-CN' },
    });
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json().errors).sort()).toEqual(['registeredFrom', 'sort', 'status']);
    expect(res.json().errors.registeredFrom).toBe('请使用 1990-04-21 这样的日期。');
  });

  it("shows a user's page with identities and sessions, and ends one session", async () => {
    const user = await makeUser(app);
    await app.db
      .update(users)
      .set({ avatar: `${user.id}.webp` })
      .where(eq(users.id, user.id));
    const one = await sessionFor(app, user.id);
    const two = await sessionFor(app, user.id);
    const page = await app.inject({
      method: 'GET',
      url: `/api/v1/admin/users/${user.id}`,
      headers: admin.headers,
    });
    expect(page.json().data).toMatchObject({
      id: user.id,
      avatarUrl: `/uploads/avatars/${user.id}.webp`,
      email: user.email,
      identities: [{ kind: 'email', label: user.email }],
    });
    expect(
      page
        .json()
        .data.sessions.map((s: { id: string }) => s.id)
        .sort(),
    ).toEqual([one.sid, two.sid].sort());
    const ended = await app.inject({
      method: 'DELETE',
      url: `/api/v1/admin/users/${user.id}/sessions/${one.sid}`,
      headers: admin.headers,
    });
    expect(ended.statusCode).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/me', headers: one.headers })).statusCode,
    ).toBe(401);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/me', headers: two.headers })).statusCode,
    ).toBe(200);
    const missing = await app.inject({
      method: 'GET',
      url: '/api/v1/admin/users/4000000000',
      headers: admin.headers,
    });
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND', msg: 'No such user.' });
  });
});

describe('bulk actions', () => {
  it('lock the selected users and end their sessions at once; unlock, delete and restore them', async () => {
    const [a, b, c] = [await makeUser(app), await makeUser(app), await makeUser(app)];
    const sa = await sessionFor(app, a.id);
    const sb = await sessionFor(app, b.id);
    const locked = await bulk({ action: 'lock', ids: [a.id, b.id, b.id] });
    expect(locked.json().data).toEqual({ affected: 2, skipped: 0 });
    for (const s of [sa, sb]) {
      const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: s.headers });
      expect(me.statusCode).toBe(401);
      expect(await app.sessions.get(s.sid)).toBeNull();
    }
    expect((await bulk({ action: 'lock', ids: [a.id, c.id] })).json().data).toEqual({
      affected: 1,
      skipped: 1,
    });
    expect((await bulk({ action: 'unlock', ids: [a.id, b.id, c.id] })).json().data).toEqual({
      affected: 3,
      skipped: 0,
    });
    const login = (account: string, password: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '127.31.0.1',
        payload: { account, password },
      });
    expect((await login(a.email!, a.password)).statusCode).toBe(200);
    expect((await bulk({ action: 'delete', ids: [a.id] })).json().data.affected).toBe(1);
    expect((await login(a.email!, a.password)).statusCode).toBe(401);
    expect((await bulk({ action: 'restore', ids: [a.id] })).json().data.affected).toBe(1);
    expect((await login(a.email!, a.password)).statusCode).toBe(200);
  });

  it('act on all users matching a filter, across batches, never on the one acting', async () => {
    const tag = tagOf();
    const n = BULK_BATCH * 2 + 7;
    await app.db.execute(sql`
      INSERT INTO users (nickname, status, locale)
      SELECT CONCAT(${tag}, ' ', seq), 'active', 'en' FROM seq_1_to_${sql.raw(String(n))}`);
    const res = await bulk({ action: 'lock', all: { q: tag, status: 'active' } });
    expect(res.json().data).toEqual({ affected: n, skipped: 0 });
    expect((await list(`q=${tag}&status=locked`)).total).toBe(n);
    // A filter that matches the actor leaves them out.
    const self = await app.db
      .select({ nickname: users.nickname })
      .from(users)
      .where(eq(users.id, admin.id));
    const mine = await bulk({ action: 'lock', all: { q: self[0]!.nickname } });
    expect(mine.json().data.affected).toBe(0);
    expect((await app.users.findById(admin.id))!.status).toBe('active');
  });

  it('leave one active account that can manage roles', async () => {
    const other = await makeUser(app);
    await grant(app, other.id, 'users.write');
    const { headers } = await sessionFor(app, other.id);
    const managers = await app.db.execute(sql`
      SELECT DISTINCT ur.user_id AS id FROM user_roles ur
      JOIN role_permissions rp ON rp.role_id = ur.role_id AND rp.permission = 'roles.manage'
      JOIN users u ON u.id = ur.user_id AND u.status = 'active' AND u.deleted_at IS NULL`);
    const ids = (managers[0] as unknown as { id: number }[]).map((m) => m.id);
    const res = await bulk({ action: 'lock', ids }, headers);
    expect(res.json().data).toEqual({ affected: ids.length - 1, skipped: 1 });
    expect(await app.roleService.activeManagers()).toBe(1);
    await bulk({ action: 'unlock', ids }, headers);
    // The lock may have ended this file's admin's session too.
    admin.headers = (await sessionFor(app, admin.id)).headers;
  });

  it('count the totals afresh after they change users, though totals are kept a while', async () => {
    const tag = tagOf();
    const made = [
      await makeUser(app, { nickname: `${tag} one` }),
      await makeUser(app, { nickname: `${tag} two` }),
    ];
    const locked = `q=${tag}&status=locked`;
    expect((await list(locked)).total).toBe(0);
    const done = await bulk({ action: 'lock', ids: made.map((u) => u.id) });
    expect(done.json().data).toEqual({ affected: 2, skipped: 0 });
    // The kept total went with the action: the rows and their count agree.
    const after = await list(locked);
    expect(after.items).toHaveLength(2);
    expect(after.total).toBe(2);
  });

  it('take either ids or a filter, and say so', async () => {
    const neither = await bulk({ action: 'lock' });
    expect(neither.statusCode).toBe(422);
    expect(neither.json().errors).toEqual({
      ids: 'Give either the selected ids or the filter of all matching rows, not both.',
    });
    const both = await bulk({ action: 'lock', ids: [1], all: {} });
    expect(both.statusCode).toBe(422);
    expect((await bulk({ action: 'explode', ids: [1] })).json().errors).toHaveProperty('action');
  });
});

describe('the users table query', () => {
  it("finds each sort's page ids in index order from the index alone, then reads only those rows", async () => {
    const repo = createAdminUserRepository(app.db);
    for (const sort of ADMIN_USER_SORTS) {
      for (const status of [undefined, 'active', 'locked'] as const) {
        const { sql: text, params } = repo
          .pageQuery({ page: 3, perPage: 20, sort, status })
          .toSQL();
        const [rows] = await app.pool.query(`EXPLAIN ${text}`, params);
        type Plan = {
          select_type: string;
          table: string;
          key: string | null;
          type: string;
          Extra: string | null;
        };
        const plans = rows as Plan[];
        const ids = plans.find((p) => p.select_type === 'DERIVED');
        const expected = pageIndex(sort.replace('-', '') as 'id', { status }) ?? 'PRIMARY';
        expect(ids?.key, `${sort} ${status}`).toBe(expected);
        expect(ids!.Extra ?? '', `${sort} ${status}`).not.toContain('filesort');
        expect(ids!.Extra ?? '', `${sort} ${status}`).toContain('Using index');
        // The rows themselves: one primary-key lookup per id of the page.
        const read = plans.find((p) => p.select_type === 'PRIMARY' && p.table === 'users');
        expect(read, `${sort} ${status}`).toMatchObject({ key: 'PRIMARY', type: 'eq_ref' });
      }
    }
  });
});

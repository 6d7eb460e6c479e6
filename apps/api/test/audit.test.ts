import { PERMISSIONS } from '@folio/schema';
import { Queue } from 'bullmq';
import { lt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { auditLog } from '../src/db/schema';
import { PRUNE_BATCH } from '../src/modules/audit/service';
import {
  MAINTENANCE_QUEUE,
  PRUNE_AUDIT,
  PRUNE_AUDIT_EVERY_MS,
} from '../src/modules/maintenance/jobs';
import { bullConnection } from '../src/modules/messaging/queue';
import { TEST_REDIS_URL } from './env';
import { buildTestApp, grant, makeUser, sessionFor } from './helpers';

let app: App;
let auditor: { id: number; headers: Record<string, string> };
beforeAll(async () => {
  ({ app } = await buildTestApp());
  const user = await makeUser(app);
  await grant(app, user.id, ...PERMISSIONS);
  auditor = { id: user.id, headers: (await sessionFor(app, user.id)).headers };
});
afterAll(() => app.close());

const entries = async (query: string) => {
  const res = await app.inject({
    method: 'GET',
    url: `/api/v1/admin/audit?${query}`,
    headers: auditor.headers,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as {
    total: number;
    items: {
      action: string;
      actor: { id: number } | null;
      targetType: string | null;
      targetId: string | null;
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
      ip: string | null;
      userAgent: string | null;
    }[];
  };
};

describe('the audit log', () => {
  it('records logins and failed logins with the address and user agent', async () => {
    const user = await makeUser(app);
    const login = (password: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '127.40.0.9',
        headers: { 'user-agent': 'AuditTest/1.0' },
        payload: { account: user.email, password },
      });
    expect((await login('not the password')).statusCode).toBe(401);
    expect((await login(user.password)).statusCode).toBe(200);
    const mine = await entries(`targetType=user&targetId=${user.id}`);
    expect(mine.items.map((e) => e.action)).toEqual(['login', 'login.failed']);
    expect(mine.items[1]).toMatchObject({
      actor: null,
      ip: '127.40.0.9',
      userAgent: 'AuditTest/1.0',
      after: { account: user.email },
    });
    expect(mine.items[0]).toMatchObject({ actor: { id: user.id }, ip: '127.40.0.9' });
  });

  it("records staff's changes with the fields before and after", async () => {
    const made = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/roles',
      headers: { ...auditor.headers, 'user-agent': 'Staff browser' },
      payload: { name: `Audited ${auditor.id}`, permissions: ['stats.read'] },
    });
    const roleId = made.json().data.id;
    await app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/roles/${roleId}`,
      headers: auditor.headers,
      payload: { permissions: ['stats.read', 'users.read'] },
    });
    const target = await makeUser(app);
    const s = await sessionFor(app, target.id);
    await app.inject({
      method: 'PUT',
      url: `/api/v1/admin/users/${target.id}/roles`,
      headers: auditor.headers,
      payload: { roleIds: [roleId] },
    });
    await app.inject({
      method: 'POST',
      url: '/api/v1/admin/users/bulk',
      headers: auditor.headers,
      payload: { action: 'lock', ids: [target.id] },
    });

    const role = await entries(`targetType=role&targetId=${roleId}`);
    expect(role.items.map((e) => e.action)).toEqual(['role.updated', 'role.created']);
    expect(role.items[0]).toMatchObject({
      actor: { id: auditor.id },
      before: { permissions: ['stats.read'] },
      after: { permissions: ['users.read', 'stats.read'] },
    });
    expect(role.items[1]!.userAgent).toBe('Staff browser');
    const user = await entries(`targetType=user&targetId=${target.id}`);
    expect(user.items.map((e) => e.action)).toEqual(['user.locked', 'user.roles', 'login']);
    expect(user.items[1]).toMatchObject({ before: { roleIds: [] }, after: { roleIds: [roleId] } });
    expect(await app.sessions.get(s.sid)).toBeNull();
    expect((await entries(`actorId=${auditor.id}&action=user.locked`)).total).toBe(1);
    const today = new Date().toISOString().slice(0, 10);
    // Its own login, then the four changes.
    expect((await entries(`actorId=${auditor.id}&from=${today}&to=${today}`)).total).toBe(5);
    expect((await entries(`actorId=${auditor.id}&to=2020-01-01`)).total).toBe(0);
  });

  it('records sessions ended by their owner and by staff', async () => {
    const user = await makeUser(app);
    const [a, b, c] = [
      await sessionFor(app, user.id),
      await sessionFor(app, user.id),
      await sessionFor(app, user.id),
    ];
    await app.inject({ method: 'DELETE', url: `/api/v1/me/sessions/${b.sid}`, headers: a.headers });
    await app.inject({
      method: 'DELETE',
      url: `/api/v1/admin/users/${user.id}/sessions/${c.sid}`,
      headers: auditor.headers,
    });
    const ended = await entries(`action=session.revoked&targetType=user&targetId=${user.id}`);
    expect(ended.items).toMatchObject([
      { actor: { id: auditor.id }, before: { session: c.sid } },
      { actor: { id: user.id }, before: { session: b.sid } },
    ]);
  });

  it('offers no way to change or delete an entry', async () => {
    const document = app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const auditPaths = Object.entries(document.paths).filter(([path]) => path.includes('/audit'));
    expect(auditPaths.map(([path, ops]) => [path, Object.keys(ops)])).toEqual([
      ['/api/v1/admin/audit', ['get']],
      ['/api/v1/admin/exports/audit', ['get']],
    ]);
  });

  it('keeps entries for the retention, pruned in batches by a daily job', async () => {
    const old = new Date(Date.now() - 400 * 86_400_000);
    await app.db.execute(sql`
      INSERT INTO audit_log (at, action, target_type, target_id)
      SELECT ${old}, 'login', 'user', seq FROM seq_1_to_${sql.raw(String(PRUNE_BATCH + 5))}`);
    expect(await app.audit.prune(365)).toBe(PRUNE_BATCH + 5);
    const [left] = await app.db
      .select({ n: sql<number>`COUNT(*)` })
      .from(auditLog)
      .where(lt(auditLog.at, new Date(Date.now() - 365 * 86_400_000)));
    expect(Number(left!.n)).toBe(0);
    expect((await entries('action=login')).total).toBeGreaterThan(0);

    const queue = new Queue(MAINTENANCE_QUEUE, { connection: bullConnection(TEST_REDIS_URL) });
    try {
      expect(await queue.getJobScheduler(PRUNE_AUDIT)).toMatchObject({
        name: PRUNE_AUDIT,
        every: PRUNE_AUDIT_EVERY_MS,
      });
    } finally {
      await queue.close();
    }
  });
});

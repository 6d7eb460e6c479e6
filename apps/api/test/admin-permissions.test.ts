import { PERMISSIONS, type Permission } from '@folio/schema';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { comments, userRoles, users } from '../src/db/schema';
import {
  buildTestApp,
  grant,
  makeAuthor,
  makeBlog,
  makeUser,
  resetSettings,
  sessionFor,
} from './helpers';

let app: App;
beforeAll(async () => {
  ({ app } = await buildTestApp());
  await app.ready();
});
afterAll(async () => {
  await resetSettings(app);
  await app.close();
});

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface Example {
  url: string;
  payload?: unknown;
}

/** Things an example request acts on, made afresh for each request (a DELETE uses its own up). */
async function fixtures() {
  const user = await makeUser(app);
  const roleId = await grant(app, user.id, 'stats.read');
  const { sid } = await sessionFor(app, user.id);
  const author = await makeAuthor(app);
  const blog = await makeBlog(app, author.id);
  const [comment] = await app.db
    .insert(comments)
    .values({ blogId: blog.id, userId: user.id, body: 'Hi' });
  return { user, roleId, sid, author, blog, commentId: comment.insertId };
}

/**
 * A request that succeeds for someone holding the route's permission, for every admin route.
 * An admin route missing here fails the suite: add its example with the route.
 */
const EXAMPLES: Record<string, (f: Awaited<ReturnType<typeof fixtures>>) => Example> = {
  'GET /api/v1/admin/roles': () => ({ url: '/api/v1/admin/roles' }),
  'POST /api/v1/admin/roles': () => ({
    url: '/api/v1/admin/roles',
    payload: { name: `Matrix ${Math.random().toString(36).slice(2, 10)}`, permissions: [] },
  }),
  'PATCH /api/v1/admin/roles/{id}': (f) => ({
    url: `/api/v1/admin/roles/${f.roleId}`,
    payload: { description: 'changed' },
  }),
  'DELETE /api/v1/admin/roles/{id}': (f) => ({ url: `/api/v1/admin/roles/${f.roleId}` }),
  'GET /api/v1/admin/users/{id}/roles': (f) => ({ url: `/api/v1/admin/users/${f.user.id}/roles` }),
  'GET /api/v1/admin/stats/summary': () => ({
    url: '/api/v1/admin/stats/summary?tz=Asia/Shanghai',
  }),
  'GET /api/v1/admin/stats/daily': () => ({ url: '/api/v1/admin/stats/daily?days=7' }),
  'GET /api/v1/admin/audit': () => ({ url: '/api/v1/admin/audit?action=login' }),
  'GET /api/v1/admin/users': () => ({ url: '/api/v1/admin/users?status=active&sort=-createdAt' }),
  'GET /api/v1/admin/users/{id}': (f) => ({ url: `/api/v1/admin/users/${f.user.id}` }),
  'DELETE /api/v1/admin/users/{id}/sessions/{sid}': (f) => ({
    url: `/api/v1/admin/users/${f.user.id}/sessions/${f.sid}`,
  }),
  'POST /api/v1/admin/users/bulk': (f) => ({
    url: '/api/v1/admin/users/bulk',
    payload: { action: 'lock', ids: [f.user.id] },
  }),
  'GET /api/v1/admin/blogs': (f) => ({ url: `/api/v1/admin/blogs?authorId=${f.author.id}` }),
  'POST /api/v1/admin/blogs/bulk': (f) => ({
    url: '/api/v1/admin/blogs/bulk',
    payload: { action: 'feature', ids: [f.blog.id] },
  }),
  'GET /api/v1/admin/comments': (f) => ({ url: `/api/v1/admin/comments?blogId=${f.blog.id}` }),
  'POST /api/v1/admin/comments/bulk': (f) => ({
    url: '/api/v1/admin/comments/bulk',
    payload: { action: 'delete', ids: [f.commentId] },
  }),
  'GET /api/v1/admin/comments/reports': () => ({ url: '/api/v1/admin/comments/reports' }),
  'GET /api/v1/admin/authors': () => ({ url: '/api/v1/admin/authors?q=Author' }),
  'POST /api/v1/admin/authors': () => ({
    url: '/api/v1/admin/authors',
    payload: { name: 'Matrix author' },
  }),
  'PATCH /api/v1/admin/authors/{id}': (f) => ({
    url: `/api/v1/admin/authors/${f.author.id}`,
    payload: { bio: 'Changed' },
  }),
  'PUT /api/v1/admin/users/{id}/roles': (f) => ({
    url: `/api/v1/admin/users/${f.user.id}/roles`,
    payload: { roleIds: [] },
  }),
  'GET /api/v1/admin/settings': () => ({ url: '/api/v1/admin/settings' }),
  'GET /api/v1/admin/settings/defaults': () => ({ url: '/api/v1/admin/settings/defaults' }),
  'DELETE /api/v1/admin/settings/{name}': () => ({ url: '/api/v1/admin/settings/commentsOpen' }),
  // The default value: the matrix changes nothing other tests read.
  'PATCH /api/v1/admin/settings': () => ({
    url: '/api/v1/admin/settings',
    payload: { captchaAfterFailedLogins: 3 },
  }),
  'GET /api/v1/admin/outbox': () => ({ url: '/api/v1/admin/outbox?channel=email&perPage=5' }),
  'GET /api/v1/admin/exports/users': (f) => ({
    url: `/api/v1/admin/exports/users?format=csv&status=active&sort=-createdAt&ids=${f.user.id}`,
  }),
  'GET /api/v1/admin/exports/blogs': () => ({
    url: '/api/v1/admin/exports/blogs?format=xlsx&status=published&sort=-pubDate',
  }),
  'GET /api/v1/admin/exports/comments': () => ({
    url: '/api/v1/admin/exports/comments?format=tsv&status=visible',
  }),
  'GET /api/v1/admin/exports/audit': () => ({
    url: '/api/v1/admin/exports/audit?format=csv&action=login',
  }),
};

interface AdminOperation {
  key: string;
  method: Method;
  /** What `x-permission` names: one permission, or all of several. */
  permissions: Permission[];
}

function adminOperations(): AdminOperation[] {
  const document = app.swagger() as {
    paths: Record<string, Record<string, { 'x-permission'?: Permission | Permission[] }>>;
  };
  return Object.entries(document.paths)
    .filter(([path]) => path.startsWith('/api/v1/admin'))
    .flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => {
        const named = operation['x-permission'];
        return {
          key: `${method.toUpperCase()} ${path}`,
          method: method.toUpperCase() as Method,
          permissions: named === undefined ? [] : Array.isArray(named) ? named : [named],
        };
      }),
    );
}

describe('every admin route', () => {
  it('names the permission it checks, and has an example here', () => {
    const operations = adminOperations();
    expect(operations.length).toBeGreaterThanOrEqual(Object.keys(EXAMPLES).length);
    for (const { key, permissions } of operations) {
      expect(permissions.length, `${key} checks no permission`).toBeGreaterThan(0);
      for (const permission of permissions) expect(PERMISSIONS).toContain(permission);
      expect(EXAMPLES, `${key} has no example in this test`).toHaveProperty([key]);
    }
  });

  it('answers 401 without a token, 403 without one of its permissions, success with them', async () => {
    // For each permission, an account holding every other one; for each route, an account
    // holding just the route's.
    const lacking = new Map<Permission, string>();
    for (const permission of PERMISSIONS) {
      const user = await makeUser(app);
      await grant(app, user.id, ...PERMISSIONS.filter((p) => p !== permission));
      lacking.set(permission, (await sessionFor(app, user.id)).accessToken);
    }
    const holding = new Map<string, string>();
    for (const { permissions } of adminOperations()) {
      const needed = permissions.join(' ');
      if (holding.has(needed)) continue;
      const user = await makeUser(app);
      await grant(app, user.id, ...permissions);
      holding.set(needed, (await sessionFor(app, user.id)).accessToken);
    }
    for (const { key, method, permissions } of adminOperations()) {
      const send = async (token?: string) => {
        const { url, payload } = EXAMPLES[key]!(await fixtures());
        return app.inject({
          method,
          url,
          payload: payload as object | undefined,
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });
      };
      const anonymous = await send();
      expect(anonymous.statusCode, `${key} anonymous`).toBe(401);
      expect(anonymous.json().code).toBe('UNAUTHENTICATED');
      for (const permission of permissions) {
        const refused = await send(lacking.get(permission));
        expect(refused.statusCode, `${key} without ${permission}`).toBe(403);
        expect(refused.json().code).toBe('FORBIDDEN');
      }
      const allowed = await send(holding.get(permissions.join(' ')));
      const held = permissions.join(' and ');
      expect(allowed.statusCode, `${key} with ${held}: ${allowed.body}`).toBeGreaterThanOrEqual(
        200,
      );
      expect(allowed.statusCode, `${key} with ${held}: ${allowed.body}`).toBeLessThan(300);
    }
  });

  it('reads the permission as it is at each request: a role taken away, an account locked', async () => {
    const user = await makeUser(app);
    const roleId = await grant(app, user.id, 'stats.read');
    const { accessToken } = await sessionFor(app, user.id);
    const summary = () =>
      app.inject({
        method: 'GET',
        url: '/api/v1/admin/stats/summary',
        headers: { authorization: `Bearer ${accessToken}` },
      });
    expect((await summary()).statusCode).toBe(200);
    await app.db.delete(userRoles).where(eq(userRoles.roleId, roleId));
    const refused = await summary();
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');
    await app.db.insert(userRoles).values({ userId: user.id, roleId });
    expect((await summary()).statusCode).toBe(200);
    // An account that may no longer log in is refused whatever it holds, and its session ends.
    await app.db.update(users).set({ status: 'locked' }).where(eq(users.id, user.id));
    expect((await summary()).json().code).toBe('ACCOUNT_DISABLED');
    expect((await summary()).statusCode).toBe(401);
  });
});

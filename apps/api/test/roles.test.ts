import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PERMISSIONS, SEEDED_ROLES, type Permission } from '@folio/schema';
import { eq, sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/mysql2/migrator';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { ConfigError, type Config } from '../src/config';
import { createDb, createPool } from '../src/db/connection';
import { MIGRATIONS_DIR } from '../src/db/migrate';
import { rolePermissions, userRoles } from '../src/db/schema';
import {
  DEMO_ADMIN_EMAIL,
  ensureAdministrator,
  ensureAdministratorIn,
} from '../src/modules/roles/administrator';
import { TEST_DATABASE_URL } from './env';
import { buildTestApp, grant, makeUser, sessionFor } from './helpers';

let app: App;
beforeAll(async () => {
  ({ app } = await buildTestApp());
});
afterAll(() => app.close());

/** Leaves `userId` the only account whose roles hold roles.manage. */
async function onlyManager(userId: number) {
  const managing = app.db
    .select({ id: rolePermissions.roleId })
    .from(rolePermissions)
    .where(eq(rolePermissions.permission, 'roles.manage'));
  await app.db
    .delete(userRoles)
    .where(sql`${userRoles.roleId} IN (${managing}) AND ${userRoles.userId} <> ${userId}`);
}

async function staff(...permissions: Permission[]) {
  const user = await makeUser(app);
  const roleId = await grant(app, user.id, ...permissions);
  return { user, roleId, ...(await sessionFor(app, user.id)) };
}

const call = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  headers: Record<string, string>,
  payload?: unknown,
) => app.inject({ method, url: `/api/v1${url}`, headers, payload: payload as object });

describe('the System role', () => {
  it('keeps every permission and is never deleted', async () => {
    const admin = await staff(...PERMISSIONS);
    const system = (await call('GET', '/admin/roles', admin.headers))
      .json()
      .data.items.find((r: { seedKey: string }) => r.seedKey === 'system');
    expect(system.permissions).toEqual([...PERMISSIONS]);
    const fixed = {
      code: 'CONFLICT',
      msg: 'The System role always holds every permission and cannot be deleted.',
    };
    const strip = await call('PATCH', `/admin/roles/${system.id}`, admin.headers, {
      permissions: ['users.read'],
    });
    expect(strip.statusCode).toBe(409);
    expect(strip.json()).toMatchObject(fixed);
    expect((await call('DELETE', `/admin/roles/${system.id}`, admin.headers)).json()).toMatchObject(
      fixed,
    );
    // Its name and description are staff's to change.
    const renamed = await call('PATCH', `/admin/roles/${system.id}`, admin.headers, {
      description: 'Runs the whole site',
    });
    expect(renamed.json().data).toMatchObject({
      seedKey: 'system',
      description: 'Runs the whole site',
    });
  });
});

describe('what a user may do', () => {
  it('is the union of their roles, shown on GET /me', async () => {
    const { user, headers } = await staff('stats.read', 'users.read');
    await grant(app, user.id, 'users.read', 'audit.read');
    const me = await call('GET', '/me', headers);
    expect(me.json().data.permissions).toEqual(['users.read', 'stats.read', 'audit.read']);
    const plain = await sessionFor(app, (await makeUser(app)).id);
    expect((await call('GET', '/me', plain.headers)).json().data.permissions).toEqual([]);
  });

  it('changes at once: a token issued before a role was given or taken follows it', async () => {
    const admin = await staff(...PERMISSIONS);
    const other = await makeUser(app);
    const { headers } = await sessionFor(app, other.id);
    expect((await call('GET', '/admin/roles', headers)).statusCode).toBe(403);
    const role = await call('POST', '/admin/roles', admin.headers, {
      name: `Managers ${other.id}`,
      permissions: ['roles.manage'],
    });
    expect(role.statusCode).toBe(201);
    const given = await call('PUT', `/admin/users/${other.id}/roles`, admin.headers, {
      roleIds: [role.json().data.id],
    });
    expect(given.json().data).toEqual({
      roles: [{ id: role.json().data.id, name: `Managers ${other.id}` }],
      permissions: ['roles.manage'],
    });
    expect((await call('GET', '/admin/roles', headers)).statusCode).toBe(200);
    await call('PUT', `/admin/users/${other.id}/roles`, admin.headers, { roleIds: [] });
    const refused = await call('GET', '/admin/roles', headers);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ result: false, code: 'FORBIDDEN' });
  });
});

describe('roles', () => {
  it('are made, listed, renamed and deleted by staff with roles.manage', async () => {
    const admin = await staff(...PERMISSIONS);
    const holder = await makeUser(app);
    const made = await call('POST', '/admin/roles', admin.headers, {
      name: '  Editors  ',
      description: 'People who keep the blogs tidy',
      permissions: ['content.moderate', 'stats.read', 'content.moderate'],
    });
    expect(made.statusCode).toBe(201);
    const role = made.json().data;
    expect(role).toMatchObject({
      name: 'Editors',
      description: 'People who keep the blogs tidy',
      permissions: ['content.moderate', 'stats.read'],
      seedKey: null,
      holders: 0,
    });
    await call('PUT', `/admin/users/${holder.id}/roles`, admin.headers, { roleIds: [role.id] });

    const listed = (await call('GET', '/admin/roles', admin.headers)).json().data.items;
    expect(listed.find((r: { id: number }) => r.id === role.id)).toMatchObject({ holders: 1 });
    expect(listed.find((r: { seedKey: string }) => r.seedKey === 'system')).toMatchObject({
      permissions: [...PERMISSIONS],
    });

    const taken = await call('POST', '/admin/roles', admin.headers, {
      name: 'EDITORS',
      permissions: [],
    });
    expect(taken.statusCode).toBe(422);
    expect(taken.json().errors).toEqual({ name: 'Another role has this name.' });

    const renamed = await call('PATCH', `/admin/roles/${role.id}`, admin.headers, {
      name: 'Editors-in-chief',
      permissions: ['content.moderate'],
    });
    expect(renamed.json().data).toMatchObject({
      name: 'Editors-in-chief',
      permissions: ['content.moderate'],
      holders: 1,
    });
    expect(await app.users.permissionsOf(holder.id)).toEqual(['content.moderate']);

    expect((await call('DELETE', `/admin/roles/${role.id}`, admin.headers)).json()).toEqual({
      result: true,
      data: null,
    });
    expect(await app.users.permissionsOf(holder.id)).toEqual([]);
    const gone = await call('PATCH', `/admin/roles/${role.id}`, admin.headers, { name: 'x' });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().msg).toBe('No such role.');
  });

  it('say what is wrong with a name, in the reader’s language', async () => {
    const admin = await staff('roles.manage');
    const res = await call(
      'POST',
      '/admin/roles',
      { ...admin.headers, 'accept-language': 'zh-CN' },
      { name: ' ', description: 'x'.repeat(201), permissions: ['nope'] },
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toMatchObject({
      name: '角色名称为 1 到 50 个字符。',
      description: '角色说明最多 200 个字符。',
    });
    expect(res.json().errors['permissions.0']).toBeDefined();
  });

  it('never grant what the one granting does not hold', async () => {
    const lead = await staff('roles.manage', 'users.read');
    const denied = await call('POST', '/admin/roles', lead.headers, {
      name: `Too much ${lead.user.id}`,
      permissions: ['users.read', 'exports.run'],
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({
      code: 'FORBIDDEN',
      msg: 'You can only grant permissions you hold yourself.',
      errors: { permissions: 'You can only grant permissions you hold yourself.' },
    });
    const ok = await call('POST', '/admin/roles', lead.headers, {
      name: `Readers ${lead.user.id}`,
      permissions: ['users.read'],
    });
    expect(ok.statusCode).toBe(201);
    const id = ok.json().data.id;
    // Adding a permission they lack: refused; taking away one they lack: allowed.
    expect(
      (await call('PATCH', `/admin/roles/${id}`, lead.headers, { permissions: ['exports.run'] }))
        .statusCode,
    ).toBe(403);
    const system = (await call('GET', '/admin/roles', lead.headers))
      .json()
      .data.items.find((r: { seedKey: string }) => r.seedKey === 'system');
    const target = await makeUser(app);
    const giving = await call('PUT', `/admin/users/${target.id}/roles`, lead.headers, {
      roleIds: [system.id],
    });
    expect(giving.statusCode).toBe(403);
    expect(await app.users.permissionsOf(target.id)).toEqual([]);
    const unknown = await call('PUT', `/admin/users/${target.id}/roles`, lead.headers, {
      roleIds: [id, 4_000_000],
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toEqual({ roleIds: 'No such role.' });
    expect((await call('GET', '/admin/users/4000000/roles', lead.headers)).json().msg).toBe(
      'No such user.',
    );
  });

  it('always leave someone active who can manage roles', async () => {
    const admin = await staff(...PERMISSIONS);
    await onlyManager(admin.user.id);
    const lastWords = {
      code: 'CONFLICT',
      msg: 'Someone active must keep the permission to manage roles.',
    };
    const strip = await call('PATCH', `/admin/roles/${admin.roleId}`, admin.headers, {
      permissions: ['users.read'],
    });
    expect(strip.statusCode).toBe(409);
    expect(strip.json()).toMatchObject(lastWords);
    const remove = await call('DELETE', `/admin/roles/${admin.roleId}`, admin.headers);
    expect(remove.json()).toMatchObject(lastWords);
    const unassign = await call('PUT', `/admin/users/${admin.user.id}/roles`, admin.headers, {
      roleIds: [],
    });
    expect(unassign.json()).toMatchObject(lastWords);
    expect(await app.users.permissionsOf(admin.user.id)).toEqual([...PERMISSIONS]);

    // A locked holder does not count.
    const locked = await makeUser(app, { status: 'locked' });
    await grant(app, locked.id, 'roles.manage');
    expect((await call('DELETE', `/admin/roles/${admin.roleId}`, admin.headers)).statusCode).toBe(
      409,
    );
    // With a second active manager, the first may step down.
    const second = await makeUser(app);
    await grant(app, second.id, 'roles.manage');
    expect((await call('DELETE', `/admin/roles/${admin.roleId}`, admin.headers)).statusCode).toBe(
      200,
    );
    expect((await call('GET', '/admin/roles', admin.headers)).statusCode).toBe(403);
  });

  it('refuse concurrent changes that together would leave nobody managing roles', async () => {
    const a = await staff('roles.manage');
    const b = await staff('roles.manage');
    await onlyManager(a.user.id);
    await grant(app, b.user.id, 'roles.manage');
    const results = await Promise.all([
      call('DELETE', `/admin/roles/${a.roleId}`, a.headers),
      call('PUT', `/admin/users/${b.user.id}/roles`, a.headers, { roleIds: [] }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await app.roleService.activeManagers()).toBe(1);
  });
});

const baseConfig = {
  NODE_ENV: 'production',
  MAIL_TRANSPORT: 'smtp',
  SMS_TRANSPORT: 'http',
  ADMIN_EMAIL: undefined,
  ADMIN_PASSWORD: undefined,
} as unknown as Config;

describe('the first administrator', () => {
  it('comes from ADMIN_EMAIL and ADMIN_PASSWORD, holds the system role and can log in', async () => {
    const email = `boss-${Date.now()}@example.test`;
    const config = { ...app.config, ADMIN_EMAIL: email, ADMIN_PASSWORD: 'a long admin password' };
    expect(await ensureAdministratorIn(app.db, config)).toEqual({ made: true, email });
    expect(await ensureAdministratorIn(app.db, config)).toEqual({ made: false });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '127.30.0.1',
      payload: { account: email, password: 'a long admin password' },
    });
    expect(login.statusCode).toBe(200);
    const me = await call('GET', '/me', {
      authorization: `Bearer ${login.json().data.accessToken}`,
    });
    expect(me.json().data).toMatchObject({
      email,
      status: 'active',
      permissions: [...PERMISSIONS],
    });
  });

  it('is required in production while nobody can manage roles; a demo makes one and says it once', async () => {
    const someone = await makeUser(app);
    await onlyManager(someone.id);
    // A server started by another test may have made the demo administrator already.
    await app.db.execute(sql`DELETE FROM user_identities WHERE subject = ${DEMO_ADMIN_EMAIL}`);
    const deps = {
      users: app.users,
      passwords: app.passwords,
      roles: app.roleService,
    };
    await expect(ensureAdministrator({ ...deps, config: baseConfig })).rejects.toThrow(
      new ConfigError(
        'ADMIN_EMAIL and ADMIN_PASSWORD must be set: this database has no administrator yet, and production makes none by itself.',
      ),
    );
    const demo = { ...baseConfig, MAIL_TRANSPORT: 'outbox', SMS_TRANSPORT: 'outbox' } as Config;
    const made = await ensureAdministrator({ ...deps, config: demo });
    expect(made).toMatchObject({ made: true, email: DEMO_ADMIN_EMAIL });
    const password = (made as { password: string }).password;
    expect(password).toMatch(/^[\w-]{16}$/);
    expect(await ensureAdministrator({ ...deps, config: demo })).toEqual({ made: false });
    // Once someone can manage roles, production starts without the settings.
    expect(await ensureAdministrator({ ...deps, config: baseConfig })).toEqual({ made: false });
    const found = await app.users.findByIdentity('email', DEMO_ADMIN_EMAIL);
    expect(await app.passwords.verify(found!.user.passwordHash, password)).toBe(true);
  });
});

describe('the migration to roles', () => {
  it('makes the seeded roles and turns permissions granted directly into a role of each user', async () => {
    const name = 'folio_test_roles_migration';
    const server = new URL(TEST_DATABASE_URL);
    server.pathname = '/';
    const admin = await mysql.createConnection({ uri: server.toString() });
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    const pool = createPool({ url: url.toString(), size: 1 });
    try {
      const db = createDb(pool);
      // The migrations as they were before roles: the journal's entries up to 0008.
      const before = mkdtempSync(join(tmpdir(), 'folio-migrations-'));
      cpSync(MIGRATIONS_DIR, before, { recursive: true });
      const journal = JSON.parse(readFileSync(join(before, 'meta/_journal.json'), 'utf8'));
      journal.entries = journal.entries.filter((e: { idx: number }) => e.idx <= 8);
      writeFileSync(join(before, 'meta/_journal.json'), JSON.stringify(journal));
      await migrate(db, { migrationsFolder: before });
      for (const id of [1, 2]) {
        await pool.query(
          "INSERT INTO users (id, nickname, status, locale) VALUES (?, ?, 'active', 'en')",
          [id, `Old ${id}`],
        );
      }
      await pool.query(
        "INSERT INTO user_permissions (user_id, permission) VALUES (1, 'content.moderate'), (1, 'roles.manage'), (2, 'content.moderate')",
      );
      await migrate(db, { migrationsFolder: MIGRATIONS_DIR });
      const [rows] = await pool.query(
        `SELECT ur.user_id AS userId, rp.permission FROM user_roles ur
           JOIN role_permissions rp ON rp.role_id = ur.role_id ORDER BY ur.user_id, rp.permission`,
      );
      expect(rows).toEqual([
        { userId: 1, permission: 'content.moderate' },
        { userId: 1, permission: 'roles.manage' },
        { userId: 2, permission: 'content.moderate' },
      ]);
      const [tables] = await pool.query("SHOW TABLES LIKE 'user_permissions'");
      expect(tables).toEqual([]);
      // The seeded roles, as SEEDED_ROLES says, under their keys.
      const [seeded] = (await pool.query(
        `SELECT r.seed_key AS seedKey, r.name, rp.permission FROM roles r
           JOIN role_permissions rp ON rp.role_id = r.id WHERE r.seed_key IS NOT NULL`,
      )) as unknown as [{ seedKey: string; name: string; permission: string }[]];
      const found: Record<string, { name: string; permissions: string[] }> = {};
      for (const row of seeded) {
        found[row.seedKey] ??= { name: row.name, permissions: [] };
        found[row.seedKey]!.permissions.push(row.permission);
      }
      for (const role of Object.values(found)) role.permissions.sort();
      expect(found).toEqual(
        Object.fromEntries(
          Object.entries(SEEDED_ROLES).map(([key, role]) => [
            key,
            { name: role.name, permissions: [...role.permissions].sort() },
          ]),
        ),
      );
      expect(SEEDED_ROLES.system.permissions).toEqual(PERMISSIONS);
    } finally {
      await pool.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    }
  });
});

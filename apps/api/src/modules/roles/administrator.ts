import { randomBytes } from 'node:crypto';
import { ConfigError, localDemoNotice, type Config } from '../../config';
import type { Db } from '../../db/connection';
import { createPasswordHasher, type PasswordHasher } from '../../lib/passwords';
import { createUserRepository, type UserRepository } from '../users/repository';
import { createAuditLog } from '../audit/service';
import { createRoleRepository } from './repository';
import { createRoleService, type RoleService } from './service';

/** The address of the administrator made for a development start or the local demo. */
export const DEMO_ADMIN_EMAIL = 'admin@folio.localhost';

export interface AdministratorDeps {
  config: Pick<
    Config,
    'ADMIN_EMAIL' | 'ADMIN_PASSWORD' | 'NODE_ENV' | 'MAIL_TRANSPORT' | 'SMS_TRANSPORT'
  >;
  users: Pick<UserRepository, 'findByIdentity' | 'create'>;
  passwords: Pick<PasswordHasher, 'hash'>;
  roles: Pick<RoleService, 'giveSeeded' | 'activeManagers'>;
}

/** What `ensureAdministrator` did: made an account (with the password to tell, if it chose it). */
export type AdministratorResult =
  { made: false } | { made: true; email: string; password?: string };

/**
 * The first administrator. With ADMIN_EMAIL and ADMIN_PASSWORD, that account (made if missing,
 * with a confirmed email; an existing one keeps its password) holds the seeded `system` role.
 * Without them, nothing changes once an active account can manage roles; before that, a
 * development start or the local demo makes one with a random password (said once, by the
 * caller), and a production deployment refuses to start.
 */
export async function ensureAdministrator({
  config,
  users,
  passwords,
  roles,
}: AdministratorDeps): Promise<AdministratorResult> {
  const give = async (userId: number) => {
    if (!(await roles.giveSeeded(userId, 'system'))) {
      throw new ConfigError(
        'The seeded role "system" was deleted: give an administrator a role with roles.manage in the database.',
      );
    }
  };
  const make = async (email: string, password: string) => {
    const user = await users.create(
      {
        nickname: 'Administrator',
        passwordHash: await passwords.hash(password),
        status: 'active',
        locale: 'en',
        registrationIp: null,
      },
      { kind: 'email', provider: 'email', subject: email, verifiedAt: new Date() },
    );
    await give(user.id);
  };

  if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
    const existing = await users.findByIdentity('email', config.ADMIN_EMAIL);
    if (existing) {
      await give(existing.user.id);
      return { made: false };
    }
    await make(config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
    return { made: true, email: config.ADMIN_EMAIL };
  }
  if ((await roles.activeManagers()) > 0) return { made: false };
  const demo = config.NODE_ENV !== 'production' || localDemoNotice(config as Config) !== undefined;
  if (!demo) {
    throw new ConfigError(
      'ADMIN_EMAIL and ADMIN_PASSWORD must be set: this database has no administrator yet, and production makes none by itself.',
    );
  }
  if (await users.findByIdentity('email', DEMO_ADMIN_EMAIL)) {
    // Made before, since locked or stripped of its roles: staff decided that; nothing is made again.
    return { made: false };
  }
  const password = randomBytes(12).toString('base64url');
  await make(DEMO_ADMIN_EMAIL, password);
  return { made: true, email: DEMO_ADMIN_EMAIL, password };
}

/** `ensureAdministrator` on a database, for the start-up and `pnpm db:seed`. */
export function ensureAdministratorIn(db: Db, config: Config): Promise<AdministratorResult> {
  const users = createUserRepository(db);
  return ensureAdministrator({
    config,
    users,
    passwords: createPasswordHasher({
      memoryKiB: config.ARGON2_MEMORY_KIB,
      timeCost: config.ARGON2_TIME_COST,
    }),
    roles: createRoleService({ repo: createRoleRepository(db), users, audit: createAuditLog(db) }),
  });
}

/** The line that tells of an administrator just made (the one time its password is said). */
export function administratorLine(
  result: AdministratorResult,
  siteOrigin: string,
): string | undefined {
  if (!result.made) return undefined;
  if (!result.password) return `made the administrator ${result.email} (ADMIN_EMAIL)`;
  return (
    `made an administrator: log in at ${siteOrigin}/login as ${result.email} with the password ` +
    `${result.password} (said only this once; change it under Account > Security)`
  );
}

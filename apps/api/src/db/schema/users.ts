import { LIMITS, LOCALES, USER_STATUSES } from '@folio/schema';
import { date, index, int, mysqlEnum, mysqlTable, varchar } from 'drizzle-orm/mysql-core';
import { timestamps, utcDatetime } from './columns';

export const users = mysqlTable(
  'users',
  {
    id: int('id', { unsigned: true }).autoincrement().primaryKey(),
    nickname: varchar('nickname', { length: LIMITS.nickname }).notNull(),
    /** Path of the re-encoded avatar under the uploads folder. */
    avatar: varchar('avatar', { length: 255 }),
    locale: mysqlEnum('locale', LOCALES).notNull().default('en'),
    birthday: date('birthday', { mode: 'string' }),
    status: mysqlEnum('status', USER_STATUSES).notNull().default('pending'),
    /** argon2id; null for an account that only signs in with a code or a provider. */
    passwordHash: varchar('password_hash', { length: 255 }),
    /** Until when the account may not log in by any way; nothing in the app sets it yet. */
    lockedUntil: utcDatetime('locked_until'),
    registrationIp: varchar('registration_ip', { length: 45 }),
    lastLoginAt: utcDatetime('last_login_at'),
    lastLoginIp: varchar('last_login_ip', { length: 45 }),
    ...timestamps(),
    deletedAt: utcDatetime('deleted_at'),
  },
  (t) => [
    // The purge of stale pending accounts scans by status and age (not deleted); the admin users
    // table sorts by each of its columns, with and without a status (admin-users/repository.ts).
    // A status means not deleted: its indexes hold deleted_at, so a page's ids come from the index.
    index('users_status_created_idx').on(t.status, t.deletedAt, t.createdAt),
    index('users_status_idx').on(t.status, t.deletedAt),
    index('users_status_nickname_idx').on(t.status, t.deletedAt, t.nickname),
    index('users_status_login_idx').on(t.status, t.deletedAt, t.lastLoginAt),
    index('users_created_idx').on(t.createdAt),
    index('users_login_idx').on(t.lastLoginAt),
    // `@nickname` mentions in comments, matched as the collation compares (case-insensitively).
    index('users_nickname_idx').on(t.nickname),
  ],
);

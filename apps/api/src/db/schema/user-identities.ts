import { IDENTITY_KINDS, LIMITS } from '@folio/schema';
import { index, int, mysqlEnum, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { users } from './users';
import { createdAt, utcDatetime } from './columns';

/** One row per way a user logs in, as the original's `user_auth` table. */
export const userIdentities = mysqlTable(
  'user_identities',
  {
    id: int('id', { unsigned: true }).autoincrement().primaryKey(),
    userId: int('user_id', { unsigned: true })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: mysqlEnum('kind', IDENTITY_KINDS).notNull(),
    /** 'email', 'phone', or the OAuth provider's configured id. */
    provider: varchar('provider', { length: 32 }).notNull(),
    /** The lower-cased email, the E.164 phone, or the provider's `sub`. */
    subject: varchar('subject', { length: 255 }).notNull(),
    /** What to show for it (the provider account's email or name). */
    label: varchar('label', { length: LIMITS.email }),
    verifiedAt: utcDatetime('verified_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('user_identities_provider_subject_uq').on(t.provider, t.subject),
    index('user_identities_user_idx').on(t.userId, t.kind),
  ],
);

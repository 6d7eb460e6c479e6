import { AUDIT_ACTIONS, AUDIT_TARGETS, LIMITS } from '@folio/schema';
import { sql } from 'drizzle-orm';
import { bigint, index, int, json, mysqlEnum, mysqlTable, varchar } from 'drizzle-orm/mysql-core';
import { utcDatetime } from './columns';

/**
 * Staff's actions and security events, append-only for the API (nothing updates a row; the
 * retention job deletes the oldest). Actor and target are plain ids, not foreign keys: an entry
 * outlives the account or role it names.
 */
export const auditLog = mysqlTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    at: utcDatetime('at')
      .notNull()
      .default(sql`CURRENT_TIMESTAMP(3)`),
    action: mysqlEnum('action', AUDIT_ACTIONS).notNull(),
    actorId: int('actor_id', { unsigned: true }),
    targetType: mysqlEnum('target_type', AUDIT_TARGETS),
    targetId: varchar('target_id', { length: 64 }),
    ip: varchar('ip', { length: 45 }),
    userAgent: varchar('user_agent', { length: LIMITS.userAgent }),
    before: json('before').$type<Record<string, unknown>>(),
    after: json('after').$type<Record<string, unknown>>(),
  },
  // The list is newest first (at, then id), filtered by one of these; the dashboard counts logins
  // per day through the first.
  (t) => [
    index('audit_action_at_idx').on(t.action, t.at),
    index('audit_actor_at_idx').on(t.actorId, t.at),
    index('audit_target_at_idx').on(t.targetType, t.targetId, t.at),
    index('audit_at_idx').on(t.at),
  ],
);

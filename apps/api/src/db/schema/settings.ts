import { int, json, mysqlTable, varchar } from 'drizzle-orm/mysql-core';
import { timestamps } from './columns';

/**
 * The site's settings staff changed (`/admin/settings`), one row per setting by its dotted name
 * (`siteName`, `registration.phone`, ...); a setting with no row reads as the environment's default.
 */
export const settings = mysqlTable('settings', {
  name: varchar('name', { length: 64 }).primaryKey(),
  value: json('value').$type<unknown>().notNull(),
  /** Who set it last; a plain id, like the audit log's, so it outlives the account. */
  updatedBy: int('updated_by', { unsigned: true }),
  ...timestamps(),
});

import { sql } from 'drizzle-orm';
import { datetime } from 'drizzle-orm/mysql-core';

/** A UTC DATETIME(3); the pool runs every session in UTC. */
export const utcDatetime = (name: string) => datetime(name, { mode: 'date', fsp: 3 });

/** `created_at`, set by the database when the row is made. */
export const createdAt = () =>
  utcDatetime('created_at')
    .notNull()
    .default(sql`CURRENT_TIMESTAMP(3)`);

/** `created_at` and `updated_at`, both set by the database (updates take its clock too). */
export const timestamps = () => ({
  createdAt: createdAt(),
  updatedAt: utcDatetime('updated_at')
    .notNull()
    .default(sql`CURRENT_TIMESTAMP(3)`)
    .$onUpdate(() => sql`CURRENT_TIMESTAMP(3)`),
});

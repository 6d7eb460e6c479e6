import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/mysql2/migrator';
import type { Db } from './connection';

/** Where the generated SQL lives; the production bundle copies it beside itself. */
export const MIGRATIONS_DIR =
  process.env.FOLIO_MIGRATIONS_DIR ?? fileURLToPath(new URL('./migrations', import.meta.url));

export async function runMigrations(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder: MIGRATIONS_DIR });
}

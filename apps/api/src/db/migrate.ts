import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/mysql2/migrator';
import { createDb, createPool, ensureDatabase, type Db } from './connection';

/** Where the generated SQL lives; the production bundle copies it beside itself. */
export const MIGRATIONS_DIR =
  process.env.FOLIO_MIGRATIONS_DIR ?? fileURLToPath(new URL('./migrations', import.meta.url));

export async function runMigrations(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder: MIGRATIONS_DIR });
}

/** Creates the URL's database if missing and applies pending migrations, on a connection of its own. */
export async function migrateDatabase(url: string): Promise<void> {
  await ensureDatabase(url);
  const pool = createPool({ url, size: 1 });
  try {
    await runMigrations(createDb(pool));
  } finally {
    await pool.end();
  }
}

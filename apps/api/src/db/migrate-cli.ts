import { loadConfig } from '../config';
import { loadDotEnv } from '../lib/dotenv';
import { createDb, createPool, databaseName, ensureDatabase } from './connection';
import { runMigrations } from './migrate';

/** `pnpm db:migrate`: creates the database if missing and applies pending migrations. */
async function main() {
  loadDotEnv();
  const config = loadConfig();
  await ensureDatabase(config.DATABASE_URL);
  const pool = createPool({ url: config.DATABASE_URL, size: 1 });
  try {
    await runMigrations(createDb(pool));
    console.log(`${databaseName(config.DATABASE_URL)}: migrations applied`);
  } finally {
    await pool.end();
  }
}

main().catch((err: unknown) => {
  console.error(`folio db:migrate: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

import { loadConfig } from '../config';
import { loadDotEnv } from '../lib/dotenv';
import { databaseName } from './connection';
import { migrateDatabase } from './migrate';

/** `pnpm db:migrate`: creates the database if missing and applies pending migrations. */
async function main() {
  loadDotEnv();
  const config = loadConfig();
  await migrateDatabase(config.DATABASE_URL);
  console.log(`${databaseName(config.DATABASE_URL)}: migrations applied`);
}

main().catch((err: unknown) => {
  console.error(`folio db:migrate: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

import type { CountCache } from '../lib/count-cache';
import { AUTHORS_SCOPE } from '../modules/authors/service';
import { BLOGS_SCOPE } from '../modules/blogs/service';
import type { Db } from './connection';
import { runMigrations } from './migrate';
import { seedIfEmpty } from './seed';

/** Applies pending migrations and, when asked, seeds an empty database. */
export async function prepareDatabase(
  db: Db,
  counts: CountCache,
  { migrate = true, seed = true }: { migrate?: boolean; seed?: boolean } = {},
): Promise<{ seeded: boolean }> {
  if (migrate) await runMigrations(db);
  const seeded = seed ? await seedIfEmpty(db) : false;
  if (seeded) await counts.invalidate(BLOGS_SCOPE, AUTHORS_SCOPE);
  return { seeded };
}

import type { CountCache } from '../lib/count-cache';
import { blogListsChanged } from '../modules/blogs/service';
import type { Db } from './connection';
import { runMigrations } from './migrate';
import { renderStoredBlogs, seedIfEmpty } from './seed';

/** Applies pending migrations (rendering blogs stored before rendering) and, when asked, seeds an empty database. */
export async function prepareDatabase(
  db: Db,
  counts: CountCache,
  { migrate = true, seed = true }: { migrate?: boolean; seed?: boolean } = {},
): Promise<{ seeded: boolean }> {
  if (migrate) {
    await runMigrations(db);
    // `pnpm db:seed` waits for it; a server start runs it in the background (server.ts).
    await renderStoredBlogs(db);
  }
  const seeded = seed ? await seedIfEmpty(db) : false;
  if (seeded) await blogListsChanged(counts);
  return { seeded };
}

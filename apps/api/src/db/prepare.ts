import type { CountCache } from '../lib/count-cache';
import { backfillSearchIndex } from '../modules/blogs/search-docs';
import { blogListsChanged } from '../modules/blogs/service';
import { createMroongaIndex } from '../modules/search/mroonga';
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
  if (seeded) {
    // The sample blogs are written by SQL, not by the blogs service: indexed here, before the
    // first request searches them.
    await backfillSearchIndex(db, createMroongaIndex(db));
    await blogListsChanged(counts);
  }
  return { seeded };
}

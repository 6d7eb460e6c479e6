import type { FastifyBaseLogger } from 'fastify';
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

/**
 * Blogs from before rendering existed get their HTML (one walk of the table); then the search
 * index catches up with blogs it lacks or holds at an older version (all of them on a database
 * from before search existed: one walk of the table and of the index). Run in the background by
 * the process that runs the background work (the worker, or an API with RUN_WORKER on), so that
 * API processes added for load do not each walk the tables at start-up. Never throws: it logs.
 */
export async function catchUpStoredBlogs(db: Db, log: FastifyBaseLogger): Promise<void> {
  try {
    const rendered = await renderStoredBlogs(db);
    if (rendered > 0) log.info({ rendered }, 'rendered blogs stored before rendering');
  } catch (err) {
    log.warn({ err }, 'could not render the blogs stored before rendering');
  }
  try {
    const { indexed, removed } = await backfillSearchIndex(db, createMroongaIndex(db));
    if (indexed || removed) log.info({ indexed, removed }, 'search index caught up');
  } catch (err) {
    log.warn({ err }, 'could not bring the search index up to date');
  }
}

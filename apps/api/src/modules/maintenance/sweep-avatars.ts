import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { users } from '../../db/schema';
import type { Storage } from '../../lib/storage';
import { AVATAR_NAME, AVATARS_PREFIX, removeAvatar } from '../me/avatar';

/**
 * A file younger than this may belong to an upload still on its way into the database (written,
 * not yet swapped in), so the sweep leaves it.
 */
export const STRAY_AVATAR_MIN_AGE_MS = 15 * 60_000;
const BATCH = 500;

/** The database a DATABASE_URL points at, without its credentials. */
export function databaseOwner(url: string): string {
  const { hostname, port, pathname } = new URL(url);
  return `${hostname}:${port || '3306'}${pathname}`;
}

/**
 * Deletes avatar files no user references (left by a crash between writing a file and recording
 * it, or by an older version's races). Only names Folio writes are considered, never other files,
 * and only in a storage `owner` (host, port and name of the database) has claimed: two deployments
 * sharing one (a dev server and the e2e run both keep the default folder) would otherwise each
 * delete the other's avatars as unreferenced.
 */
export async function sweepStrayAvatars(
  db: Db,
  storage: Storage,
  owner: string,
  { now = Date.now(), minAgeMs = STRAY_AVATAR_MIN_AGE_MS } = {},
): Promise<number> {
  const files = (await storage.list(AVATARS_PREFIX))
    .map((entry) => ({ ...entry, name: entry.key.slice(AVATARS_PREFIX.length) }))
    .filter((entry) => AVATAR_NAME.test(entry.name));
  if (!files.length) return 0;
  if (!(await storage.claim(AVATARS_PREFIX, owner))) {
    throw new Error(
      `the ${storage.driver} storage's ${AVATARS_PREFIX} holds avatars of another database; give each deployment its own UPLOADS_DIR or S3_BUCKET`,
    );
  }
  let removed = 0;
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH);
    const rows = await db
      .select({ avatar: users.avatar })
      .from(users)
      .where(
        inArray(
          users.avatar,
          batch.map((f) => f.name),
        ),
      );
    const referenced = new Set(rows.map((r) => r.avatar));
    for (const file of batch) {
      if (referenced.has(file.name) || now - file.lastModified.getTime() < minAgeMs) continue;
      await removeAvatar(storage, file.name);
      removed += 1;
    }
  }
  return removed;
}

import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { users } from '../../db/schema';
import { AVATAR_NAME, removeAvatar } from '../me/avatar';

/**
 * A file younger than this may belong to an upload still on its way into the database (written,
 * not yet swapped in), so the sweep leaves it.
 */
export const STRAY_AVATAR_MIN_AGE_MS = 15 * 60_000;
const BATCH = 500;
/** Names the database whose users the folder's files belong to. */
const OWNER_FILE = '.folio-database';

/**
 * Whether the folder belongs to `owner` (host, port and name of the database): the first sweep
 * claims it. Two deployments sharing one folder (a dev server and the e2e run both keep the default)
 * would otherwise each delete the other's avatars as unreferenced.
 */
export async function ownsFolder(dir: string, owner: string): Promise<boolean> {
  const file = join(dir, OWNER_FILE);
  try {
    await writeFile(file, `${owner}\n`, { flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return (await readFile(file, 'utf8')).trim() === owner;
}

/** The database a DATABASE_URL points at, without its credentials. */
export function databaseOwner(url: string): string {
  const { hostname, port, pathname } = new URL(url);
  return `${hostname}:${port || '3306'}${pathname}`;
}

/**
 * Deletes avatar files no user references (left by a crash between writing a file and recording
 * it, or by an older version's races). Only names Folio writes are considered, never other files.
 */
export async function sweepStrayAvatars(
  db: Db,
  dir: string,
  owner: string,
  { now = Date.now(), minAgeMs = STRAY_AVATAR_MIN_AGE_MS } = {},
): Promise<number> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => AVATAR_NAME.test(name));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw err;
  }
  if (!(await ownsFolder(dir, owner))) {
    throw new Error(
      `${dir} holds avatars of another database (see its ${OWNER_FILE}); give each deployment its own UPLOADS_DIR`,
    );
  }
  let removed = 0;
  for (let i = 0; i < names.length; i += BATCH) {
    const batch = names.slice(i, i + BATCH);
    const rows = await db
      .select({ avatar: users.avatar })
      .from(users)
      .where(inArray(users.avatar, batch));
    const referenced = new Set(rows.map((r) => r.avatar));
    for (const name of batch) {
      if (referenced.has(name)) continue;
      const info = await stat(join(dir, name)).catch(() => undefined);
      if (!info || now - info.mtimeMs < minAgeMs) continue;
      await removeAvatar(dir, name);
      removed += 1;
    }
  }
  return removed;
}

import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import {
  assertKey,
  assertPrefix,
  contentTypeOf,
  OWNER_MARKER,
  type Storage,
  type StorageEntry,
} from './storage';

const missing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

/** Files under one folder (UPLOADS_DIR), a key being the path below it. */
export function createLocalStorage(root: string): Storage {
  const pathOf = (key: string) => {
    assertKey(key);
    return join(root, ...key.split('/'));
  };

  return {
    driver: 'local',

    async put(key, data) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      // Written aside, then renamed: a reader never sees half a file.
      const temp = `${path}.${randomBytes(6).toString('hex')}.part`;
      try {
        await writeFile(temp, data, { flag: 'wx' });
        await rename(temp, path);
      } catch (err) {
        await rm(temp, { force: true });
        throw err;
      }
    },

    async get(key) {
      const path = pathOf(key);
      try {
        const info = await stat(path);
        if (!info.isFile()) return null;
        return {
          body: createReadStream(path),
          size: info.size,
          contentType: contentTypeOf(key),
          lastModified: info.mtime,
        };
      } catch (err) {
        if (missing(err)) return null;
        throw err;
      }
    },

    async delete(keys) {
      const folders = new Set<string>();
      for (const key of keys) {
        const path = pathOf(key);
        await rm(path, { force: true });
        if (key.split('/').length > 2) folders.add(dirname(path));
      }
      // An upload's own folder (images/<random>/) goes with its last file; shared ones stay.
      for (const folder of folders) await rmdir(folder).catch(() => undefined);
    },

    async list(prefix) {
      assertPrefix(prefix);
      const dir = join(root, ...prefix.split('/').filter(Boolean));
      let names: string[];
      try {
        names = await readdir(dir, { recursive: true });
      } catch (err) {
        if (missing(err)) return [];
        throw err;
      }
      const entries: StorageEntry[] = [];
      for (const name of names) {
        const key = relative(root, join(dir, name)).split(sep).join('/');
        if (key.endsWith('.part')) continue;
        try {
          assertKey(key);
        } catch {
          continue;
        }
        const info = await stat(join(dir, name)).catch(() => undefined);
        if (!info?.isFile()) continue;
        entries.push({ key, size: info.size, lastModified: info.mtime });
      }
      return entries;
    },

    async claim(prefix, owner) {
      assertPrefix(prefix);
      const dir = join(root, ...prefix.split('/').filter(Boolean));
      const file = join(dir, OWNER_MARKER);
      await mkdir(dir, { recursive: true });
      try {
        await writeFile(file, `${owner}\n`, { flag: 'wx' });
        return true;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      return (await readFile(file, 'utf8')).trim() === owner;
    },

    close() {},
  };
}

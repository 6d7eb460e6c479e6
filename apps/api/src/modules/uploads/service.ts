import { randomBytes } from 'node:crypto';
import type { Upload } from '@folio/schema';
import type { Config } from '../../config';
import { AppError } from '../../lib/errors';
import type { Storage } from '../../lib/storage';
import type { UserRepository } from '../users/repository';
import {
  checkImage,
  encodeVariants,
  ImageRejected,
  variantWidths,
  type ImageProblem,
} from './image';
import { PURGE_BATCH, type UploadRepository, type UploadRow } from './repository';

/** Where `/uploads/<key>` is served from (plugins/external/uploads.ts). */
export const UPLOADS_URL_PREFIX = '/uploads/';
/** An unreferenced upload is kept this long, for the form that made it to be saved. */
export const UNREFERENCED_UPLOAD_TTL_MS = 86_400_000;
const CONTENT_TYPE = 'image/webp';

/**
 * Files younger than this are left by the sweep of stray files: the row is written before its
 * files, but a replica may not have it yet.
 */
export const STRAY_FILE_MIN_AGE_MS = 15 * 60_000;
const IMAGES_PREFIX = 'images/';
const STORAGE_KEY = /^images\/[A-Za-z0-9_-]{22}$/;

/** The field the upload form's errors name. */
export const UPLOAD_FIELD = 'file';

const variantKey = (storageKey: string, width: number) => `${storageKey}/${width}.webp`;
/** An upload's URL as `toUpload` writes it, wherever it stands (a markdown image, a link). */
const UPLOAD_URL_IN_TEXT = new RegExp(
  `${UPLOADS_URL_PREFIX}(${IMAGES_PREFIX}[A-Za-z0-9_-]{1,48})/[0-9]+\\.webp`,
  'g',
);
const newStorageKey = () => `${IMAGES_PREFIX}${randomBytes(16).toString('base64url')}`;
const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

const PROBLEMS: Record<
  ImageProblem,
  [code: 'VALIDATION_FAILED' | 'UNSUPPORTED_MEDIA_TYPE', message: string]
> = {
  empty: ['VALIDATION_FAILED', 'required'],
  type: ['UNSUPPORTED_MEDIA_TYPE', 'uploadType'],
  mixed: ['UNSUPPORTED_MEDIA_TYPE', 'uploadMixed'],
  damaged: ['VALIDATION_FAILED', 'uploadDamaged'],
  pixels: ['VALIDATION_FAILED', 'uploadPixels'],
};

/** The failure an image refused for `problem` answers, naming the form's file field. */
export function rejection(err: ImageRejected): AppError {
  const [code, message] = PROBLEMS[err.problem];
  return new AppError(code, { errors: { [UPLOAD_FIELD]: message }, cause: err });
}

export interface UploadDeps {
  uploads: UploadRepository;
  users: Pick<UserRepository, 'findById'>;
  storage: Storage;
  config: Pick<Config, 'UPLOAD_QUOTA_BYTES'>;
}

/**
 * Image uploads: checked, re-encoded to WebP sizes, stored, and counted against a quota. Other
 * modules (blogs) mark which uploads they use with `setReferences`; the rest are purged after a day.
 */
export function createUploadService({ uploads, users, storage, config }: UploadDeps) {
  const keysOf = (row: Pick<UploadRow, 'storageKey' | 'width'>) =>
    variantWidths(row.width).map((w) => variantKey(row.storageKey, w));

  function toUpload(row: UploadRow): Upload {
    const variants = variantWidths(row.width).map((width) => ({
      width,
      url: `${UPLOADS_URL_PREFIX}${variantKey(row.storageKey, width)}`,
    }));
    return {
      id: row.id,
      width: row.width,
      height: row.height,
      bytes: row.bytes,
      url: variants.at(-1)!.url,
      variants,
      createdAt: row.createdAt.toISOString(),
    };
  }

  return {
    /** Stores an image a logged-in, active user sent. */
    async create(userId: number, file: Buffer): Promise<Upload> {
      const user = await users.findById(userId);
      if (!user) throw new AppError('UNAUTHENTICATED', { location: '/login' });
      if (user.status !== 'active') throw new AppError('FORBIDDEN');

      let encoded;
      try {
        encoded = await encodeVariants(file, await checkImage(file));
      } catch (err) {
        if (err instanceof ImageRejected) throw rejection(err);
        throw err;
      }
      const largest = encoded.at(-1)!;
      const bytes = encoded.reduce((sum, v) => sum + v.data.length, 0);
      const storageKey = newStorageKey();
      const created = await uploads.createWithinQuota(
        { userId, storageKey, width: largest.width, height: largest.height, bytes },
        config.UPLOAD_QUOTA_BYTES,
      );
      if (!('row' in created)) {
        const quota = {
          usedBytes: created.usedBytes,
          limitBytes: config.UPLOAD_QUOTA_BYTES,
          fileBytes: bytes,
        };
        throw new AppError('PAYLOAD_TOO_LARGE', {
          detail: 'uploadQuotaFull',
          params: {
            used: megabytes(quota.usedBytes),
            limit: megabytes(quota.limitBytes),
            size: megabytes(bytes),
          },
          errors: { [UPLOAD_FIELD]: 'uploadQuotaFull' },
          quota,
        });
      }
      // The row comes first: a crash past this point leaves a row the purge finds, never a
      // file nothing knows of.
      const { row } = created;
      try {
        for (const v of encoded) {
          await storage.put(variantKey(storageKey, v.width), v.data, CONTENT_TYPE);
        }
      } catch (err) {
        await storage.delete(keysOf(row)).catch(() => undefined);
        await uploads.remove(row.id);
        throw err;
      }
      return toUpload(row);
    },

    /** Bytes the user's uploads hold now. */
    usedBytes: (userId: number) => uploads.usedBytes(userId),

    /** The uploads of `ids` that exist, by id (missing ones are left out). */
    async describe(ids: number[]): Promise<Map<number, Upload>> {
      const rows = await uploads.findByIds([...new Set(ids)]);
      return new Map(rows.map((row) => [row.id, toUpload(row)]));
    },

    /** Those of `ids` that exist and belong to `userId`. */
    ownedBy: (ids: number[], userId: number) => uploads.ownedBy([...new Set(ids)], userId),

    /**
     * Makes `ids` the uploads `ownerKind` `ownerId` uses (e.g. `('blog', 12, [cover, ...inline])`),
     * dropping its earlier references; an empty list (the owner deleted) drops them all. Ids that
     * don't exist are ignored: check them with `ownedBy` first.
     */
    setReferences: (ownerKind: string, ownerId: number, ids: number[]) =>
      uploads.setReferences(ownerKind, ownerId, [...new Set(ids)]),

    referencesOf: (ownerKind: string, ownerId: number) => uploads.referencesOf(ownerKind, ownerId),

    /** The uploads whose URLs (any of their sizes) appear in `text`, e.g. a blog's markdown. */
    async idsInText(text: string): Promise<number[]> {
      const keys = new Set<string>();
      for (const [, key] of text.matchAll(UPLOAD_URL_IN_TEXT)) keys.add(key!);
      return uploads.idsOfStorageKeys([...keys]);
    },

    /**
     * Deletes uploads nothing refers to that are older than `olderThanMs`: the row first (so a
     * reference can't be added to an upload whose files are going), then its files.
     */
    async purgeUnreferenced({
      now = new Date(),
      olderThanMs = UNREFERENCED_UPLOAD_TTL_MS,
    } = {}): Promise<number> {
      const cutoff = new Date(now.getTime() - olderThanMs);
      let purged = 0;
      for (;;) {
        const candidates = await uploads.unreferencedBefore(cutoff);
        const gone = new Set(await uploads.deleteUnreferenced(candidates.map((c) => c.id)));
        const rows = candidates.filter((c) => gone.has(c.id));
        await storage.delete(rows.flatMap(keysOf));
        purged += rows.length;
        if (candidates.length < PURGE_BATCH) return purged;
      }
    },

    /**
     * Deletes stored image files no upload row names: left when deleting a purged upload's files
     * failed, or by a failed upload whose clean-up failed too. Only in a storage `owner` (the
     * database) has claimed, as for avatars.
     */
    async sweepStrayFiles(
      owner: string,
      { now = Date.now(), minAgeMs = STRAY_FILE_MIN_AGE_MS } = {},
    ): Promise<number> {
      const byUpload = new Map<string, { keys: string[]; newest: number }>();
      for (const entry of await storage.list(IMAGES_PREFIX)) {
        const prefix = entry.key.slice(0, entry.key.lastIndexOf('/'));
        if (!STORAGE_KEY.test(prefix)) continue;
        const group = byUpload.get(prefix) ?? { keys: [], newest: 0 };
        group.keys.push(entry.key);
        group.newest = Math.max(group.newest, entry.lastModified.getTime());
        byUpload.set(prefix, group);
      }
      if (!byUpload.size) return 0;
      if (!(await storage.claim(IMAGES_PREFIX, owner))) {
        throw new Error(
          `the ${storage.driver} storage's ${IMAGES_PREFIX} holds uploads of another database; give each deployment its own UPLOADS_DIR or S3_BUCKET`,
        );
      }
      const prefixes = [...byUpload.keys()];
      let removed = 0;
      for (let i = 0; i < prefixes.length; i += PURGE_BATCH) {
        const batch = prefixes.slice(i, i + PURGE_BATCH);
        const known = await uploads.knownStorageKeys(batch);
        const stray = batch.filter(
          (p) => !known.has(p) && now - byUpload.get(p)!.newest >= minAgeMs,
        );
        await storage.delete(stray.flatMap((p) => byUpload.get(p)!.keys));
        removed += stray.length;
      }
      return removed;
    },
  };
}

export type UploadService = ReturnType<typeof createUploadService>;

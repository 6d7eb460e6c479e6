import { z } from 'zod';
import { AVATAR_MIME_TYPES } from './account';
import { IsoDateTime } from './common';

/** Image uploads (`POST /uploads`): what they take and what they answer. */

/** The types an upload may be, judged by its bytes (the same as avatars). */
export const UPLOAD_MIME_TYPES = AVATAR_MIME_TYPES;
/** The widths an upload is stored at (never wider than the original), for `srcset`. */
export const UPLOAD_WIDTHS = [400, 800, 1600] as const;

/** One stored size of an upload; `url` is served from `/uploads/...` for good (immutable). */
export const UploadVariantSchema = z
  .object({
    width: z.number().int().positive(),
    url: z.string(),
  })
  .meta({ id: 'UploadVariant' });
export type UploadVariant = z.infer<typeof UploadVariantSchema>;

/**
 * An uploaded image. `url` is the largest size; `variants` lists every size, narrowest first, so
 * a client writes `srcset` as `variants.map(v => \`${v.url} ${v.width}w\`)`.
 */
export const UploadSchema = z
  .object({
    id: z.number().int(),
    /** Of the largest stored size (the original's, up to 1600 px wide), upright. */
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    /** Stored bytes of all sizes together: what counts against the quota. */
    bytes: z.number().int().nonnegative(),
    url: z.string(),
    variants: z.array(UploadVariantSchema).min(1),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'Upload' });
export type Upload = z.infer<typeof UploadSchema>;

/**
 * Sent with a 413 that the upload quota answers (`quota` beside `errors.file`): bytes the user's
 * uploads hold now, the quota, and how many this upload would have added. Inlined in the failure
 * envelope (no component id), as an optional reference would need an `allOf` wrapper.
 */
export const UploadQuotaSchema = z.object({
  usedBytes: z.number().int().nonnegative(),
  limitBytes: z.number().int().nonnegative(),
  fileBytes: z.number().int().nonnegative(),
});
export type UploadQuota = z.infer<typeof UploadQuotaSchema>;

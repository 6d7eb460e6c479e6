import { randomBytes } from 'node:crypto';
import { LIMITS } from '@folio/schema';
import { AppError } from '../../lib/errors';
import type { Storage } from '../../lib/storage';
import { checkImage, ImageRejected, loadSharp, MAX_INPUT_PIXELS } from '../uploads/image';

/** What we write: `avatars/<userId>-<random>.webp`; nothing else under the prefix is ever deleted. */
export const AVATAR_NAME = /^[0-9]+-[A-Za-z0-9_-]{16}\.webp$/;
export const AVATARS_PREFIX = 'avatars/';

const invalid = (cause?: unknown) =>
  new AppError('VALIDATION_FAILED', { errors: { avatar: 'imageInvalid' }, cause });

/**
 * Checks an upload as the image uploads do (by its bytes: JPEG, PNG, WebP or GIF, no markup, at
 * most 50 megapixels by its header) and re-encodes it to a square WebP. Re-encoding drops EXIF and
 * every other piece of metadata, after turning the picture upright by its EXIF orientation.
 */
export async function encodeAvatar(input: Buffer): Promise<Buffer> {
  try {
    await checkImage(input);
    const sharp = await loadSharp();
    return await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize(LIMITS.avatarSize, LIMITS.avatarSize, { fit: 'cover' })
      .webp({ quality: 82 })
      .toBuffer();
  } catch (err) {
    // Not an image we take, or right magic bytes but not a readable image.
    if (err instanceof ImageRejected || !(err instanceof AppError)) throw invalid(err);
    throw err;
  }
}

/** Stores an avatar under a new random name (so it can be cached forever) and returns the name. */
export async function saveAvatar(storage: Storage, userId: number, data: Buffer): Promise<string> {
  const name = `${userId}-${randomBytes(12).toString('base64url')}.webp`;
  await storage.put(`${AVATARS_PREFIX}${name}`, data, 'image/webp');
  return name;
}

export async function removeAvatar(
  storage: Storage,
  name: string | null | undefined,
): Promise<void> {
  if (!name || !AVATAR_NAME.test(name)) return;
  await storage.delete([`${AVATARS_PREFIX}${name}`]);
}

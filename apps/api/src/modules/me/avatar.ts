import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AVATAR_MIME_TYPES, LIMITS } from '@folio/schema';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { AppError } from '../../lib/errors';

/**
 * A 2 MB PNG of one colour can claim a huge canvas; refuse anything beyond a large photo
 * (50 megapixels) before decoding it.
 */
const MAX_INPUT_PIXELS = 50_000_000;
/** What we write: `<userId>-<random>.webp`; nothing else under the folder is ever deleted. */
export const AVATAR_NAME = /^[0-9]+-[A-Za-z0-9_-]{16}\.webp$/;

const accepted: ReadonlySet<string> = new Set(AVATAR_MIME_TYPES);
const invalid = (cause?: unknown) =>
  new AppError('VALIDATION_FAILED', { errors: { avatar: 'imageInvalid' }, cause });

export function avatarsDir(uploadsDir: string): string {
  return join(uploadsDir, 'avatars');
}

/**
 * Checks an upload by its bytes (JPEG, PNG, WebP or GIF, whatever its name says) and re-encodes
 * it to a square WebP. Re-encoding drops EXIF and every other piece of metadata (sharp keeps
 * none unless asked), after turning the picture upright by its EXIF orientation.
 */
export async function encodeAvatar(input: Buffer): Promise<Buffer> {
  const type = await fileTypeFromBuffer(input);
  if (!type || !accepted.has(type.mime)) throw invalid();
  try {
    return await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize(LIMITS.avatarSize, LIMITS.avatarSize, { fit: 'cover' })
      .webp({ quality: 82 })
      .toBuffer();
  } catch (err) {
    // Right magic bytes but not a readable image (truncated, corrupt, too many pixels).
    throw invalid(err);
  }
}

/** Stores an avatar under a new random name (so it can be cached forever) and returns the name. */
export async function saveAvatar(dir: string, userId: number, data: Buffer): Promise<string> {
  const name = `${userId}-${randomBytes(12).toString('base64url')}.webp`;
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, name), data, { flag: 'wx' });
  return name;
}

export async function removeAvatar(dir: string, name: string | null | undefined): Promise<void> {
  if (!name || !AVATAR_NAME.test(name)) return;
  await rm(join(dir, name), { force: true });
}

import { UPLOAD_MIME_TYPES, UPLOAD_WIDTHS } from '@folio/schema';
import type * as FileType from 'file-type';
import type sharp from 'sharp';

/**
 * A large photo has 50 megapixels; a small file may claim far more (a decompression bomb), so
 * the header is read first and sharp is held to the same cap while it decodes.
 */
export const MAX_INPUT_PIXELS = 50_000_000;

let sharpLoading: Promise<typeof sharp> | undefined;
/**
 * sharp (with libvips, some 20 MB of the process) and file-type are loaded by the first image
 * that arrives, not by every process at start-up.
 */
export const loadSharp = () => (sharpLoading ??= import('sharp').then((m) => m.default));
let fileTypeLoading: Promise<typeof FileType> | undefined;
const loadFileType = () => (fileTypeLoading ??= import('file-type'));

/** Why a file is not taken as an image. */
export type ImageProblem = 'empty' | 'type' | 'mixed' | 'damaged' | 'pixels';

export class ImageRejected extends Error {
  constructor(
    readonly problem: ImageProblem,
    cause?: unknown,
  ) {
    super(`image rejected: ${problem}`, { cause });
    this.name = 'ImageRejected';
  }
}

const accepted: ReadonlySet<string> = new Set(UPLOAD_MIME_TYPES);
/**
 * Markup or script a browser could run if the file were ever taken for a page: an image that
 * holds it (in a comment, a text chunk, or after its end) is a polyglot, not a plain image.
 */
const MARKUP =
  /<(?:script|html|body|iframe|object|embed|\?php|!doctype)[\s/>]|javascript:|<svg[\s/>]/i;

export interface CheckedImage {
  mime: string;
  /** Upright, as it will be stored. */
  width: number;
  height: number;
}

/**
 * Whether the bytes are a JPEG, PNG, WebP or GIF (by content, whatever the name or declared type
 * says), hold nothing else a browser could run, and are of a size worth decoding. Only the header
 * is read here; nothing is decoded.
 */
export async function checkImage(input: Buffer): Promise<CheckedImage> {
  if (input.length === 0) throw new ImageRejected('empty');
  const [{ fileTypeFromBuffer }, sharp] = await Promise.all([loadFileType(), loadSharp()]);
  const type = await fileTypeFromBuffer(input);
  if (!type || !accepted.has(type.mime)) throw new ImageRejected('type');
  if (MARKUP.test(input.toString('latin1'))) throw new ImageRejected('mixed');
  let meta: sharp.Metadata;
  try {
    // Reading the header decodes nothing, so sharp's own cap is lifted for it: ours follows.
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw new ImageRejected('damaged', err);
  }
  const { width, height } = meta;
  if (!width || !height) throw new ImageRejected('damaged');
  if (width * height > MAX_INPUT_PIXELS) throw new ImageRejected('pixels');
  // EXIF orientations 5 to 8 turn the picture a quarter.
  const turned = (meta.orientation ?? 1) >= 5;
  return { mime: type.mime, width: turned ? height : width, height: turned ? width : height };
}

/** The widths an image of `width` is stored at: the usual ones, capped at its own (never upscaled). */
export function variantWidths(width: number): number[] {
  return [...new Set(UPLOAD_WIDTHS.map((w) => Math.min(w, width)))].sort((a, b) => a - b);
}

export interface EncodedVariant {
  width: number;
  height: number;
  data: Buffer;
}

/**
 * Decodes the image (its first frame) once per size and writes each as a WebP: turned upright by
 * its EXIF orientation, with no metadata at all (sharp keeps none unless asked). A file that
 * fails to decode whole (cut short, corrupt) is refused.
 */
export async function encodeVariants(
  input: Buffer,
  checked: CheckedImage,
): Promise<EncodedVariant[]> {
  const sharp = await loadSharp();
  const source = sharp(input, {
    limitInputPixels: MAX_INPUT_PIXELS,
    failOn: 'error',
    autoOrient: true,
  });
  const variants: EncodedVariant[] = [];
  try {
    // One at a time: each holds a decoded copy of the picture.
    for (const width of variantWidths(checked.width)) {
      const { data, info } = await source
        .clone()
        .resize({ width, withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer({ resolveWithObject: true });
      variants.push({ width: info.width, height: info.height, data });
    }
  } catch (err) {
    throw new ImageRejected(
      String((err as Error).message).includes('pixel limit') ? 'pixels' : 'damaged',
      err,
    );
  }
  return variants;
}

import type { Upload } from '@folio/schema';

/** The size a picture in a text is shown at: 800 px wide, or the widest stored below that. */
export const INLINE_IMAGE_WIDTH = 800;

export function inlineImageUrl(upload: Upload): string {
  const fitting = upload.variants.filter((variant) => variant.width <= INLINE_IMAGE_WIDTH);
  const chosen = fitting.at(-1) ?? upload.variants[0];
  return chosen?.url ?? upload.url;
}

/** A file's name as a picture's alternative text: no extension, nothing markdown reads. */
export function altTextOf(fileName: string): string {
  return fileName
    .replace(/\.[a-z0-9]{1,5}$/i, '')
    .replace(/[[\]\\\n\r]/g, ' ')
    .replace(/[-_]+/g, ' ')
    .trim();
}

export function imageMarkdown(fileName: string, url: string): string {
  return `![${altTextOf(fileName)}](${url})`;
}

/**
 * What stands in the text while a picture uploads: unique, so it is found again wherever edits
 * moved it, and with an address no sanitizer lets through, so the preview shows no broken image.
 */
export function uploadPlaceholder(key: string, fileName: string, uploadingText: string): string {
  return `![${uploadingText} ${altTextOf(fileName)}…](uploading:${key})`;
}

/** Files among those dropped or pasted that are pictures. */
export function imageFiles(list: FileList | null | undefined): File[] {
  return list ? [...list].filter((file) => file.type.startsWith('image/')) : [];
}

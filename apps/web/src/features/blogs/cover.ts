import type { Upload } from '@folio/schema';

/** An upload's `srcset`: every stored width, so the browser picks what the layout and screen need. */
export function srcsetOf(upload: Pick<Upload, 'variants'>): string {
  return upload.variants.map((variant) => `${variant.url} ${variant.width}w`).join(', ');
}

/**
 * The narrowest stored size at least `width` pixels wide (else the widest): the `src` of browsers
 * that ignore `srcset`.
 */
export function variantFor(upload: Pick<Upload, 'variants' | 'url'>, width: number): string {
  return upload.variants.find((variant) => variant.width >= width)?.url ?? upload.url;
}

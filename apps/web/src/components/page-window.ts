export type PageWindowItem = number | 'start-ellipsis' | 'end-ellipsis';

/**
 * The page numbers to offer: always the first and last, the current page with `siblings` on each
 * side, and ellipses for the gaps. The length stays constant while paging so buttons do not jump.
 */
export function pageWindow(page: number, pages: number, siblings = 1): PageWindowItem[] {
  const range = (from: number, to: number) =>
    Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

  // first + last + current + siblings + two ellipses
  const slots = siblings * 2 + 5;
  if (pages <= slots) return range(1, pages);

  const current = Math.min(Math.max(page, 1), pages);
  const left = Math.max(current - siblings, 1);
  const right = Math.min(current + siblings, pages);
  const gapLeft = left > 3;
  const gapRight = right < pages - 2;
  const edge = slots - 2;

  if (!gapLeft) return [...range(1, edge), 'end-ellipsis', pages];
  if (!gapRight) return [1, 'start-ellipsis', ...range(pages - edge + 1, pages)];
  return [1, 'start-ellipsis', ...range(left, right), 'end-ellipsis', pages];
}

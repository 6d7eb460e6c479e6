import { useCallback, useSyncExternalStore } from 'react';

/**
 * Bootstrap's `md` breakpoint (its `--bs-breakpoint-md`): from here up there is room for a table's
 * columns; below it lists stack into cards.
 */
export const WIDE_SCREEN = '(min-width: 768px)';

/** Whether the window matches a media query now, following rotations and resizes. */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  const matches = () => matchMedia(query).matches;
  return useSyncExternalStore(subscribe, matches, matches);
}

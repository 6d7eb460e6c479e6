import { lazy } from 'react';
import type { ComponentType, JSX } from 'react';

/** How to load again each component whose load failed: `retryFailedLoads` runs them. */
const failed = new Set<() => void>();

/**
 * Lets every component whose code failed to load (a dropped connection, a deployment that
 * replaced the files) load it again at its next render; browsers fetch a module that failed
 * again. The "Try again" of `PartBoundary` and `PageErrorBoundary` call it.
 */
export function retryFailedLoads(): void {
  for (const reset of failed) reset();
  failed.clear();
}

/**
 * A component whose code loads when it first renders, like React's `lazy`. A failed load is kept
 * (React shows the error boundary after one try) until `retryFailedLoads`: `lazy` alone would
 * throw the same error at every later render, until the page is reloaded.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
): (props: P) => JSX.Element {
  const make = () =>
    lazy(async () => {
      try {
        return { default: await load() };
      } catch (error) {
        failed.add(reset);
        throw error;
      }
    });
  let current = make();
  const reset = () => {
    current = make();
  };
  return function LazyComponent(props: P) {
    const Current = current;
    return <Current {...props} />;
  };
}

import type Offcanvas from 'bootstrap/js/dist/offcanvas';
import type { attachComponent, releaseBody } from './bootstrap-component';
import { loadOnce } from './load-once';

/**
 * Bootstrap's JS components, each loaded the first time a person uses one rather than with the
 * page: most visits never open the phone menu or the account dropdown, and the two with Popper
 * weigh as much as the home page's own code.
 */
export function loader<T>(load: () => Promise<{ default: T }>) {
  let loaded: T | undefined;
  const once = loadOnce(async () => {
    loaded = (await load()).default;
    return loaded;
  });
  return {
    /** The component, loaded at the first call (and again at the next one if that failed). */
    load: once,
    /** The component once its module has run (with its document-wide `data-bs-*` handlers). */
    current: () => loaded,
    loaded: () => loaded !== undefined,
  };
}

/** Offcanvas, with the helpers that follow its transitions (not needed before the first tap). */
export interface OffcanvasKit {
  Offcanvas: typeof Offcanvas;
  attachComponent: typeof attachComponent;
  releaseBody: typeof releaseBody;
}

export const offcanvasModule = loader<OffcanvasKit>(async () => {
  const [{ default: Offcanvas }, helpers] = await Promise.all([
    import('bootstrap/js/dist/offcanvas'),
    import('./bootstrap-component'),
  ]);
  return { default: { Offcanvas, ...helpers } };
});

import type Dropdown from 'bootstrap/js/dist/dropdown';
import type Offcanvas from 'bootstrap/js/dist/offcanvas';

/**
 * Bootstrap's JS components, each loaded the first time a person uses one rather than with the
 * page: most visits never open the phone menu or the account dropdown, and the two with Popper
 * weigh as much as the home page's own code.
 */
function loader<T>(load: () => Promise<{ default: T }>) {
  let loading: Promise<T> | undefined;
  let loaded: T | undefined;
  return {
    load(): Promise<T> {
      loading ??= load().then((module) => {
        loaded = module.default;
        return loaded;
      });
      return loading;
    },
    /** The component once its module has run (with its document-wide `data-bs-*` handlers). */
    current: () => loaded,
    loaded: () => loaded !== undefined,
  };
}

export const offcanvasModule = loader<typeof Offcanvas>(
  () => import('bootstrap/js/dist/offcanvas'),
);
export const dropdownModule = loader<typeof Dropdown>(() => import('bootstrap/js/dist/dropdown'));

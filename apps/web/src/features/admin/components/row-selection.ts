import { useCallback, useState } from 'react';

interface SelectionState {
  scope: string;
  ids: ReadonlySet<number>;
  /** Every row the list's filter matches, on every page. */
  all: boolean;
}

export interface RowSelection {
  ids: ReadonlySet<number>;
  allMatching: boolean;
  /** How the rows on the page are selected: the page checkbox shows it. */
  page: 'none' | 'some' | 'all';
  /** Rows selected: the list's total when every matching row is. */
  count: number;
  has: (id: number) => boolean;
  toggle: (id: number) => void;
  togglePage: () => void;
  selectAllMatching: () => void;
  clear: () => void;
}

/**
 * Which rows of a paged list are selected: some on the page shown, or every row its filter
 * matches. A new `scope` (another filter, sort or page) starts with none.
 */
export function useRowSelection(
  pageIds: readonly number[],
  total: number,
  scope: string,
): RowSelection {
  const [state, setState] = useState<SelectionState>({ scope, ids: new Set(), all: false });
  const current: SelectionState =
    state.scope === scope ? state : { scope, ids: new Set<number>(), all: false };

  const change = useCallback(
    (next: (current: SelectionState) => Omit<SelectionState, 'scope'>) =>
      setState((previous) => {
        const base: SelectionState =
          previous.scope === scope ? previous : { scope, ids: new Set<number>(), all: false };
        return { ...next(base), scope };
      }),
    [scope],
  );

  const onPage = pageIds.filter((id) => current.all || current.ids.has(id)).length;
  const page =
    pageIds.length > 0 && onPage === pageIds.length ? 'all' : onPage > 0 ? 'some' : 'none';

  return {
    ids: current.ids,
    allMatching: current.all,
    page,
    count: current.all ? total : current.ids.size,
    has: (id) => current.all || current.ids.has(id),
    toggle: (id) =>
      change(({ ids, all }) => {
        // Leaving one out of "all matching" leaves the others on the page selected.
        const next = new Set(all ? pageIds : ids);
        if (!next.delete(id)) next.add(id);
        return { ids: next, all: false };
      }),
    togglePage: () =>
      change(() => ({ ids: page === 'all' ? new Set() : new Set(pageIds), all: false })),
    selectAllMatching: () => change(() => ({ ids: new Set(pageIds), all: true })),
    clear: () => change(() => ({ ids: new Set(), all: false })),
  };
}

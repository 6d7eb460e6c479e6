import { useEffect, useRef } from 'react';
import type { RowSelection } from './row-selection';

/** The header's checkbox: selects or clears every row on the page; half-checked for some. */
export function PageCheckbox({ selection, label }: { selection: RowSelection; label: string }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = selection.page === 'some';
  }, [selection.page]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="form-check-input"
      aria-label={label}
      checked={selection.page === 'all'}
      onChange={selection.togglePage}
    />
  );
}

/** A row's checkbox. */
export function RowCheckbox({
  selection,
  id,
  label,
}: {
  selection: RowSelection;
  id: number;
  label: string;
}) {
  return (
    <input
      type="checkbox"
      className="form-check-input"
      aria-label={label}
      checked={selection.has(id)}
      onChange={() => selection.toggle(id)}
    />
  );
}

import { useI18n } from '../../../lib/i18n';

interface SortHeaderProps<S extends string> {
  label: string;
  /** The field the column sorts by: `field` ascending, `-field` descending. */
  field: string;
  /** The list's sort now. */
  sort: S;
  onSort: (sort: S) => void;
  className?: string;
}

/**
 * A column header that sorts the list by its field: a click sorts descending first (newest,
 * highest), the next one ascending. `aria-sort` tells screen readers the column's order.
 */
export function SortHeader<S extends string>({
  label,
  field,
  sort,
  onSort,
  className,
}: SortHeaderProps<S>) {
  const { t } = useI18n();
  const direction =
    sort === field ? 'ascending' : sort === `-${field}` ? 'descending' : ('none' as const);
  const next = (direction === 'descending' ? field : `-${field}`) as S;
  return (
    <th scope="col" className={className} aria-sort={direction}>
      <button
        type="button"
        className="btn btn-link p-0 fw-semibold text-reset text-decoration-none text-nowrap"
        title={t(direction === 'descending' ? 'admin.sort.ascending' : 'admin.sort.descending')}
        onClick={() => onSort(next)}
      >
        {label}
        <span aria-hidden="true" className="ms-1 text-body-secondary">
          {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}

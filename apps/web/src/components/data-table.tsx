import type { Key, ReactNode } from 'react';
import { useMediaQuery, WIDE_SCREEN } from '../lib/use-media-query';

export interface DataColumn<T> {
  id: string;
  header: string;
  cell: (item: T) => ReactNode;
  /** Numbers: right-aligned in the table. */
  numeric?: boolean;
  /** The table cell's class (its width, its wrapping). */
  className?: string;
}

interface DataListProps<T> {
  items: T[];
  itemKey: (item: T) => Key;
  /** What names an item: the table's first column, each card's first line. */
  title: DataColumn<T>;
  /** The other columns: in the table after the title, in a card as labelled fields. */
  fields: DataColumn<T>[];
  /** The serial number of the first item, so numbering continues across pages. */
  firstNumber?: number;
  /** What can be done to an item (buttons): the table's last column, a row under each card's fields. */
  actions?: DataColumn<T>;
}

/**
 * A list as a table on screens wide enough for its columns and as stacked cards below Bootstrap's
 * `md` breakpoint, where a table's last columns would sit off the right edge of a phone. Only one
 * of the two is rendered, so screen readers and tests meet each item once.
 */
export function DataTable<T>({ testId, ...props }: DataListProps<T> & { testId: string }) {
  const wide = useMediaQuery(WIDE_SCREEN);
  return wide ? (
    <Table {...props} testId={`${testId}-table`} />
  ) : (
    <DataCards {...props} testId={`${testId}-cards`} />
  );
}

function Table<T>({
  items,
  itemKey,
  title,
  fields,
  firstNumber,
  actions,
  testId,
}: DataListProps<T> & { testId: string }) {
  const numbered = firstNumber !== undefined;
  const columns = actions ? [title, ...fields, actions] : [title, ...fields];
  return (
    <div className="table-responsive">
      <table className="table table-hover align-middle mb-0" data-testid={testId}>
        <thead className="text-nowrap">
          <tr>
            {numbered && (
              <th scope="col" className="text-end col-serial">
                #
              </th>
            )}
            {columns.map((column) => (
              <th key={column.id} scope="col" className={column.numeric ? 'text-end' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => (
            <tr key={itemKey(item)}>
              {numbered && <td className="text-end text-body-secondary">{firstNumber + index}</td>}
              {columns.map((column) => (
                <td
                  key={column.id}
                  className={
                    [column.numeric && 'text-end', column.className].filter(Boolean).join(' ') ||
                    undefined
                  }
                >
                  {column.cell(item)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One card per item: its title on top, then each field under its label, side by side. */
export function DataCards<T>({
  items,
  itemKey,
  title,
  fields,
  firstNumber,
  actions,
  testId,
}: DataListProps<T> & { testId: string }) {
  return (
    <ul className="list-unstyled mb-0 data-cards" data-testid={testId}>
      {items.map((item, index) => (
        <li key={itemKey(item)} className="card data-card">
          <div className="card-body">
            <div className="d-flex align-items-baseline gap-2">
              <div className="data-card-title flex-grow-1 min-w-0">{title.cell(item)}</div>
              {firstNumber !== undefined && (
                <span className="small text-body-secondary">#{firstNumber + index}</span>
              )}
            </div>
            {fields.length > 0 && (
              <dl className="data-card-fields">
                {fields.map((field) => (
                  <div key={field.id}>
                    <dt>{field.header}</dt>
                    <dd>{field.cell(item)}</dd>
                  </div>
                ))}
              </dl>
            )}
            {actions && <div className="mt-2">{actions.cell(item)}</div>}
          </div>
        </li>
      ))}
    </ul>
  );
}

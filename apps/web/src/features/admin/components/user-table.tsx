import type { AdminUser, AdminUserListParams } from '@folio/schema';
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { RelativeTime } from '../../../components/relative-time';
import { useI18n } from '../../../lib/i18n';
import { UserStatusBadge } from './user-status-badge';

type Sort = AdminUserListParams['sort'];
type SortColumn = Exclude<Sort, `-${string}`>;

/** The columns the API sorts by, and the way a first click sorts each. */
const FIRST_SORT: Record<SortColumn, Sort> = {
  id: '-id',
  nickname: 'nickname',
  createdAt: '-createdAt',
  lastLoginAt: '-lastLoginAt',
};

/** A click on a column's header: the other way if the table is sorted by it, else its first way. */
export function nextSort(current: Sort, column: SortColumn): Sort {
  if (current === column) return `-${column}`;
  if (current === `-${column}`) return column;
  return FIRST_SORT[column];
}

export interface UserSelection {
  /** Whether the row's box is ticked. */
  isSelected: (id: number) => boolean;
  toggle: (id: number, on: boolean) => void;
  /** Ticks or clears the page's rows. */
  togglePage: (on: boolean) => void;
}

interface UserTableProps {
  users: AdminUser[];
  sort: Sort;
  onSort: (sort: Sort) => void;
  /** Row boxes to tick for bulk actions; none for staff who may not change users. */
  selection?: UserSelection;
}

/**
 * The users of a page, one row each, sorted by the API; a header sorts by its column. A table on
 * every screen: on a phone it scrolls sideways.
 */
export function UserTable({ users, sort, onSort, selection }: UserTableProps) {
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale);
  const list = new Intl.ListFormat(locale, { style: 'short', type: 'conjunction' });

  function header(column: SortColumn | null, label: string, className = '') {
    if (!column) {
      return (
        <th scope="col" className={className}>
          {label}
        </th>
      );
    }
    const direction =
      sort === column ? 'ascending' : sort === `-${column}` ? 'descending' : undefined;
    return (
      <th scope="col" className={className} aria-sort={direction}>
        <button
          type="button"
          className="btn btn-link p-0 fw-semibold text-reset text-decoration-none text-nowrap"
          onClick={() => onSort(nextSort(sort, column))}
        >
          {label}
          <span aria-hidden="true" className={`ms-1 ${direction ? '' : 'text-body-tertiary'}`}>
            {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
          </span>
        </button>
      </th>
    );
  }

  const pageSelected = selection ? users.filter((user) => selection.isSelected(user.id)) : [];

  return (
    <div className="table-responsive">
      <table className="table table-hover align-middle mb-0" data-testid="user-table">
        <thead className="text-nowrap">
          <tr>
            {selection && (
              <th scope="col" className="admin-user-check">
                <PageCheckbox
                  checked={pageSelected.length === users.length}
                  indeterminate={pageSelected.length > 0 && pageSelected.length < users.length}
                  label={t('admin.users.selectPage')}
                  onChange={selection.togglePage}
                />
              </th>
            )}
            {header('id', t('admin.users.column.id'), 'text-end')}
            {header('nickname', t('admin.users.column.nickname'))}
            {header(null, t('admin.users.column.email'))}
            {header(null, t('admin.users.column.phone'))}
            {header(null, t('admin.users.column.status'))}
            {header(null, t('admin.users.column.roles'))}
            {header('createdAt', t('admin.users.column.createdAt'))}
            {header('lastLoginAt', t('admin.users.column.lastLoginAt'))}
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const selected = selection?.isSelected(user.id) ?? false;
            return (
              <tr key={user.id} className={selected ? 'table-active' : undefined}>
                {selection && (
                  <td>
                    <input
                      type="checkbox"
                      className="form-check-input"
                      checked={selected}
                      aria-label={t('admin.users.select', { name: user.nickname })}
                      onChange={(event) => selection.toggle(user.id, event.target.checked)}
                    />
                  </td>
                )}
                <td className="text-end text-body-secondary">{number.format(user.id)}</td>
                <th scope="row" className="admin-user-name fw-semibold text-break">
                  <Link to={`/admin/users/${user.id}`}>{user.nickname}</Link>
                </th>
                <td className="text-nowrap">{orDash(user.email)}</td>
                <td className="text-nowrap">{orDash(user.phone)}</td>
                <td>
                  <UserStatusBadge status={user.status} />
                </td>
                <td className="admin-user-roles">
                  {user.roles.length === 0 ? (
                    <span className="text-body-secondary">{t('admin.users.noRoles')}</span>
                  ) : (
                    list.format(user.roles.map((role) => role.name))
                  )}
                </td>
                <td className="text-nowrap">
                  <RelativeTime dateTime={user.createdAt} />
                </td>
                <td className="text-nowrap">
                  {user.lastLoginAt ? (
                    <RelativeTime dateTime={user.lastLoginAt} />
                  ) : (
                    <span className="text-body-secondary">{t('admin.users.never')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function orDash(value: string | null): ReactNode {
  return value ?? <span className="text-body-tertiary">—</span>;
}

/** The header's box: ticked when the page's rows all are, half-ticked when some are. */
function PageCheckbox({
  checked,
  indeterminate,
  label,
  onChange,
}: {
  checked: boolean;
  indeterminate: boolean;
  label: string;
  onChange: (on: boolean) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="form-check-input"
      checked={checked}
      aria-label={label}
      onChange={(event) => onChange(event.target.checked)}
    />
  );
}

import { ADMIN_USER_STATUSES, LIMITS } from '@folio/schema';
import type { AdminUserListParams, Role } from '@folio/schema';
import { useId } from 'react';
import type { FormEvent } from 'react';
import { useI18n } from '../../../lib/i18n';

export type UserFilterPatch = Partial<
  Record<'q' | 'status' | 'roleId' | 'registeredFrom' | 'registeredTo', string | number | undefined>
>;

interface UserFiltersProps {
  params: AdminUserListParams;
  /** The roles to filter by; none when the viewer may not read them (they need roles.manage). */
  roles: Role[] | undefined;
  onChange: (patch: UserFilterPatch) => void;
}

/** The users table's search and filters: status, role, a range of registration days. */
export function UserFilters({ params, roles, onChange }: UserFiltersProps) {
  const { t } = useI18n();
  const id = useId();
  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = new FormData(event.currentTarget).get('q');
    onChange({ q: typeof q === 'string' ? q.trim() : '' });
  }

  const filtered =
    params.q !== undefined ||
    params.status !== undefined ||
    params.roleId !== undefined ||
    params.registeredFrom !== undefined ||
    params.registeredTo !== undefined;

  return (
    <div className="row g-2 align-items-end mb-3" data-testid="user-filters">
      <div className="col-12 col-xl-4">
        {/* The site's SearchForm, written out: importing it here would move it out of the
            public pages' chunk into one of its own, and lengthen the first load's list of chunks. */}
        <form role="search" onSubmit={search}>
          <label htmlFor={`${id}-q`} className="form-label small text-body-secondary mb-1">
            {t('search.label')}
          </label>
          <div className="input-group">
            {/* Keyed by the applied value, so going back in history shows that search again. */}
            <input
              key={params.q ?? ''}
              id={`${id}-q`}
              name="q"
              type="search"
              className="form-control"
              defaultValue={params.q ?? ''}
              placeholder={t('admin.users.searchPlaceholder')}
              maxLength={LIMITS.searchText}
              enterKeyHint="search"
            />
            <button type="submit" className="btn btn-primary">
              {t('search.submit')}
            </button>
          </div>
        </form>
      </div>
      <div className="col-6 col-md-3 col-xl-2">
        <label htmlFor={`${id}-status`} className="form-label small text-body-secondary mb-1">
          {t('admin.users.filter.status')}
        </label>
        <select
          id={`${id}-status`}
          className="form-select"
          value={params.status ?? ''}
          onChange={(event) => onChange({ status: event.target.value })}
        >
          <option value="">{t('admin.users.filter.anyStatus')}</option>
          {ADMIN_USER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`admin.users.status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      {roles && (
        <div className="col-6 col-md-3 col-xl-2">
          <label htmlFor={`${id}-role`} className="form-label small text-body-secondary mb-1">
            {t('admin.users.filter.role')}
          </label>
          <select
            id={`${id}-role`}
            className="form-select"
            value={params.roleId ?? ''}
            onChange={(event) => onChange({ roleId: event.target.value })}
          >
            <option value="">{t('admin.users.filter.anyRole')}</option>
            {roles.map((role) => (
              <option key={role.id} value={role.id}>
                {role.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="col-6 col-md-3 col-xl-2">
        <label htmlFor={`${id}-from`} className="form-label small text-body-secondary mb-1">
          {t('admin.users.filter.registeredFrom')}
        </label>
        <input
          id={`${id}-from`}
          type="date"
          className="form-control"
          value={params.registeredFrom ?? ''}
          max={params.registeredTo}
          onChange={(event) => onChange({ registeredFrom: event.target.value })}
        />
      </div>
      <div className="col-6 col-md-3 col-xl-2">
        <label htmlFor={`${id}-to`} className="form-label small text-body-secondary mb-1">
          {t('admin.users.filter.registeredTo')}
        </label>
        <input
          id={`${id}-to`}
          type="date"
          className="form-control"
          value={params.registeredTo ?? ''}
          min={params.registeredFrom}
          onChange={(event) => onChange({ registeredTo: event.target.value })}
        />
      </div>
      {filtered && (
        <div className="col-12">
          <button
            type="button"
            className="btn btn-link btn-sm px-0"
            onClick={() =>
              onChange({
                q: undefined,
                status: undefined,
                roleId: undefined,
                registeredFrom: undefined,
                registeredTo: undefined,
              })
            }
          >
            {t('admin.users.filter.clear')}
          </button>
        </div>
      )}
    </div>
  );
}

import { AdminUserListQuery } from '@folio/schema';
import type { AdminUser, AdminUserFilterValue, AdminUserListParams } from '@folio/schema';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PagedList } from '../../components/paged-list';
import { PerPageSelect } from '../../components/per-page-select';
import { rolesQueryOptions } from '../../features/admin/api/get-roles';
import { useUsers } from '../../features/admin/api/get-users';
import { AdminHeader } from '../../features/admin/components/admin-header';
import { SectionNoAccess } from '../../features/admin/components/require-permission';
import { SelectionBanner } from '../../features/admin/components/selection-banner';
import { UserBulkActions } from '../../features/admin/components/user-bulk-actions';
import type { BulkTarget } from '../../features/admin/components/user-bulk-actions';
import { UserFilters } from '../../features/admin/components/user-filters';
import { UserTable } from '../../features/admin/components/user-table';
import type { UserSelection } from '../../features/admin/components/user-table';
import { useCountText } from '../../features/admin/use-count-text';
import { ApiError } from '../../lib/api-client';
import { useMe } from '../../lib/api/get-me';
import { useI18n } from '../../lib/i18n';
import { useListSearch } from '../../lib/list-search';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ExportMenu } from '../../features/admin/components/export-menu';

function filterOf({
  q,
  status,
  roleId,
  registeredFrom,
  registeredTo,
}: AdminUserListParams): AdminUserFilterValue {
  return { q, status, roleId, registeredFrom, registeredTo };
}

interface Selection {
  /** The filter it was made under: another filter starts with nothing selected. */
  key: string;
  ids: ReadonlySet<number>;
  /** Every user the filter matches, on every page. */
  all: boolean;
}

/**
 * Every account, a page at a time: sorted, searched and filtered through the URL, so a link or the
 * back button shows the same list. Staff who may change users tick rows (or every user that
 * matches) and lock, unlock, delete or restore them.
 */
export function AdminUsersPage() {
  const { t } = useI18n();
  const count = useCountText();
  useDocumentTitle(t('admin.users.title'));
  // The section's guard shows this page only once the account is in.
  const { permissions } = useMe().data!;
  const canWrite = permissions.includes('users.write');
  const [params, update] = useListSearch(AdminUserListQuery);
  const users = useUsers(params);
  const roles = useQuery({
    ...rolesQueryOptions(),
    enabled: permissions.includes('roles.manage'),
  });

  const filter = filterOf(params);
  const key = JSON.stringify(filter);
  const [stored, setSelection] = useState<Selection>({ key, ids: new Set(), all: false });
  const selection: Selection =
    stored.key === key ? stored : { key, ids: new Set<number>(), all: false };
  const page = users.data;
  const items: AdminUser[] = page?.items ?? [];
  const total = page?.total ?? 0;

  if (users.error instanceof ApiError && users.error.status === 403) {
    return <SectionNoAccess permission="users.read" />;
  }

  const select = (ids: Iterable<number>, all = false) =>
    setSelection({ key, ids: new Set(ids), all });
  const rowSelection: UserSelection = {
    isSelected: (id) => selection.all || selection.ids.has(id),
    toggle: (id, on) => {
      // Unticking a row of "all that match" leaves the page's other rows ticked.
      const ids = new Set(selection.all ? items.map((user) => user.id) : selection.ids);
      if (on) ids.add(id);
      else ids.delete(id);
      select(ids);
    },
    togglePage: (on) => {
      if (!on && selection.all) return select([]);
      const ids = new Set(selection.ids);
      for (const user of items) {
        if (on) ids.add(user.id);
        else ids.delete(user.id);
      }
      select(ids);
    },
  };
  const pageAllSelected =
    items.length > 0 && items.every((user) => rowSelection.isSelected(user.id));
  const selectedCount = selection.all ? total : selection.ids.size;
  const target: BulkTarget = selection.all ? { all: filter, total } : { ids: [...selection.ids] };

  return (
    <>
      <AdminHeader trail={[{ label: t('admin.users.title') }]} title={t('admin.users.title')} />
      <UserFilters params={params} roles={roles.data?.items} onChange={update} />
      <div
        className="d-flex flex-wrap align-items-end justify-content-between gap-2 mb-2"
        data-testid="user-toolbar"
      >
        <div className="d-flex flex-wrap align-items-center gap-2">
          {canWrite && selectedCount > 0 && (
            <>
              <span className="fw-semibold" aria-live="polite">
                {count('admin.users.selected', selectedCount)}
              </span>
              <UserBulkActions target={target} onDone={() => select([])} />
            </>
          )}
        </div>
        {/* The table's own tools, at the toolbar's end. */}
        <div className="d-flex flex-wrap align-items-end gap-2" data-testid="user-toolbar-end">
          {permissions.includes('exports.run') && (
            <ExportMenu
              kind="users"
              query={{ ...filter, sort: params.sort }}
              selected={selection.all ? [] : [...selection.ids]}
              total={total}
            />
          )}
          <PerPageSelect value={params.perPage} onChange={(perPage) => update({ perPage })} />
        </div>
      </div>
      <PagedList
        query={users}
        empty={t('admin.users.empty')}
        onPageChange={(number) => update({ page: number })}
      >
        {(shown) => (
          <>
            {canWrite && pageAllSelected && (selection.all || shown.total > shown.items.length) && (
              <SelectionBanner
                pageSize={shown.items.length}
                total={shown.total}
                all={selection.all}
                onSelectAll={() => select([], true)}
                onClear={() => select([])}
              />
            )}
            <UserTable
              users={shown.items}
              sort={params.sort}
              onSort={(sort) => update({ sort })}
              selection={canWrite ? rowSelection : undefined}
            />
          </>
        )}
      </PagedList>
    </>
  );
}

import { AuditListQuery } from '@folio/schema';
import { PagedList } from '../../components/paged-list';
import { PerPageSelect } from '../../components/per-page-select';
import { useAuditLog } from '../../features/admin/api/get-audit-log';
import { AdminHeader } from '../../features/admin/components/admin-header';
import {
  AUDIT_FILTER_FIELDS,
  AuditFilterForm,
} from '../../features/admin/components/audit-filter-form';
import { AuditTable } from '../../features/admin/components/audit-table';
import { SectionNoAccess } from '../../features/admin/components/require-permission';
import { ApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useListSearch } from '../../lib/list-search';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ExportMenu } from '../../features/admin/components/export-menu';
import { useMe } from '../../lib/api/get-me';

/** Staff's actions and security events, newest first, filtered and paged by the URL. */
export function AdminAuditPage() {
  const { t } = useI18n();
  useDocumentTitle(t('admin.audit.title'));
  const [params, update] = useListSearch(AuditListQuery);
  const log = useAuditLog(params);
  const canExport = useMe().data!.permissions.includes('exports.run');
  const filtered = AUDIT_FILTER_FIELDS.some((field) => params[field] !== undefined);

  // The permission went since the account was read.
  if (log.error instanceof ApiError && log.error.status === 403) {
    return <SectionNoAccess permission="audit.read" />;
  }

  return (
    <>
      <AdminHeader trail={[{ label: t('admin.audit.title') }]} title={t('admin.audit.title')} />
      <p className="text-body-secondary">{t('admin.audit.intro')}</p>
      <AuditFilterForm
        value={params}
        // Every filter field is set: one left out of the new filter leaves the URL.
        onApply={(filter) =>
          update(Object.fromEntries(AUDIT_FILTER_FIELDS.map((field) => [field, filter[field]])))
        }
      />
      <div className="d-flex flex-wrap align-items-end justify-content-end gap-2 mb-3">
        {canExport && (
          <ExportMenu
            kind="audit"
            query={Object.fromEntries(AUDIT_FILTER_FIELDS.map((field) => [field, params[field]]))}
            total={log.data?.total}
          />
        )}
        <PerPageSelect value={params.perPage} onChange={(perPage) => update({ perPage })} />
      </div>
      <PagedList
        query={log}
        onPageChange={(page) => update({ page })}
        paginationLabel={t('admin.audit.pagination')}
        empty={filtered ? t('admin.audit.emptyFiltered') : t('admin.audit.empty')}
      >
        {(page) => <AuditTable entries={page.items} />}
      </PagedList>
    </>
  );
}

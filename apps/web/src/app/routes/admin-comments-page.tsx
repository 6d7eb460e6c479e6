import {
  ADMIN_COMMENT_STATUSES,
  AdminCommentFilter,
  AdminCommentListQuery,
  LIMITS,
} from '@folio/schema';
import type { AdminCommentFilterValue, BulkCommentAction } from '@folio/schema';
import { PagedList } from '../../components/paged-list';
import { PerPageSelect } from '../../components/per-page-select';
import { useBulkComments } from '../../features/admin/api/bulk-comments';
import { useAdminComments } from '../../features/admin/api/get-admin-comments';
import { bulkResultText } from '../../features/admin/bulk-texts';
import { AdminCommentTable } from '../../features/admin/components/admin-comment-table';
import { AdminHeader } from '../../features/admin/components/admin-header';
import { BulkActions } from '../../features/admin/components/bulk-actions';
import type { BulkActionSpec } from '../../features/admin/components/bulk-actions';
import { CommentTabs } from '../../features/admin/components/comment-tabs';
import { ListFilterForm } from '../../features/admin/components/list-filter-form';
import type { FilterFieldSpec } from '../../features/admin/components/list-filter-form';
import { SectionNoAccess } from '../../features/admin/components/require-permission';
import { useRowSelection } from '../../features/admin/components/row-selection';
import { filterSearch, pickFilter } from '../../features/admin/list-filter';
import { ApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useListSearch } from '../../lib/list-search';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ExportMenu } from '../../features/admin/components/export-menu';
import { useMe } from '../../lib/api/get-me';

const FILTER_FIELDS = [
  'q',
  'status',
  'reported',
  'blogId',
  'userId',
  'from',
  'to',
] as const satisfies readonly (keyof AdminCommentFilterValue)[];

const ACTIONS: readonly { action: BulkCommentAction; danger?: boolean }[] = [
  { action: 'delete', danger: true },
  { action: 'dismissReports' },
];

/**
 * Every comment, deleted ones too, filtered, sorted and paged by the URL; selected ones (or all
 * that match) deleted, or their reports dismissed, at once.
 */
export function AdminCommentsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('admin.comments.title'));
  const [params, update] = useListSearch(AdminCommentListQuery);
  const comments = useAdminComments(params);
  const bulk = useBulkComments();
  const filter = pickFilter(params, FILTER_FIELDS);
  const canExport = useMe().data!.permissions.includes('exports.run');
  const page = comments.data;
  const selection = useRowSelection(
    page?.items.map((comment) => comment.id) ?? [],
    page?.total ?? 0,
    JSON.stringify(params),
  );

  if (comments.error instanceof ApiError && comments.error.status === 403) {
    return <SectionNoAccess permission="content.moderate" />;
  }

  const fields: FilterFieldSpec[] = [
    {
      name: 'q',
      label: t('admin.comments.filter.q'),
      type: 'search',
      maxLength: LIMITS.searchText,
      className: 'col-12 col-md-6',
    },
    {
      name: 'status',
      label: t('admin.comments.filter.status'),
      type: 'select',
      anyLabel: t('admin.filter.any'),
      options: ADMIN_COMMENT_STATUSES.map((status) => ({
        value: status,
        label: t(`admin.comments.status.${status}`),
      })),
    },
    {
      name: 'reported',
      label: t('admin.comments.filter.reported'),
      type: 'select',
      anyLabel: t('admin.filter.any'),
      options: [
        { value: 'true', label: t('admin.comments.filter.reportedYes') },
        { value: 'false', label: t('admin.comments.filter.reportedNo') },
      ],
    },
    { name: 'blogId', label: t('admin.comments.filter.blogId'), type: 'id' },
    { name: 'userId', label: t('admin.comments.filter.userId'), type: 'id' },
    { name: 'from', label: t('admin.comments.filter.from'), type: 'date' },
    { name: 'to', label: t('admin.comments.filter.to'), type: 'date' },
  ];

  const actions: BulkActionSpec<BulkCommentAction>[] = ACTIONS.map(({ action, danger }) => ({
    action,
    danger,
    label: t(`admin.comments.action.${action}`),
    title: t(`admin.comments.confirm.${action}`),
    text: t(`admin.comments.explain.${action}`),
    done: (result) => bulkResultText(t, `admin.comments.done.${action}`, result),
  }));

  const filtered = FILTER_FIELDS.some((field) => params[field] !== undefined);
  return (
    <>
      <AdminHeader
        trail={[{ label: t('admin.comments.title') }]}
        title={t('admin.comments.title')}
      />
      <CommentTabs />
      <ListFilterForm
        schema={AdminCommentFilter}
        fields={fields}
        value={params}
        onApply={(next) => update(filterSearch(FILTER_FIELDS, next))}
        label={t('admin.comments.filter.label')}
        hint={t('admin.filter.utcHint')}
        testId="admin-comment-filter"
      />
      <div className="d-flex flex-wrap align-items-end gap-3 mb-3" data-testid="admin-toolbar">
        <BulkActions
          selection={selection}
          total={page?.total ?? 0}
          shown={page?.items.length ?? 0}
          filter={filter}
          actions={actions}
          run={(target) => bulk.mutateAsync(target)}
          busy={bulk.isPending}
          label={t('admin.comments.bulkLabel')}
        />
        <div className="d-flex flex-wrap align-items-end gap-2 ms-auto">
          {canExport && (
            <ExportMenu
              kind="comments"
              query={{ ...filter, sort: params.sort }}
              selected={selection.allMatching ? [] : [...selection.ids]}
              total={page?.total}
            />
          )}
          <PerPageSelect value={params.perPage} onChange={(perPage) => update({ perPage })} />
        </div>
      </div>
      <PagedList
        query={comments}
        onPageChange={(next) => update({ page: next })}
        paginationLabel={t('admin.comments.pagination')}
        empty={filtered ? t('admin.comments.emptyFiltered') : t('admin.comments.empty')}
      >
        {(shown) => (
          <AdminCommentTable
            comments={shown.items}
            sort={params.sort}
            onSort={(sort) => update({ sort })}
            selection={selection}
          />
        )}
      </PagedList>
    </>
  );
}

import { AdminBlogFilter, AdminBlogListQuery, LIMITS, MY_BLOG_STATUSES } from '@folio/schema';
import type { AdminBlogFilterValue, BulkBlogAction } from '@folio/schema';
import { PagedList } from '../../components/paged-list';
import { PerPageSelect } from '../../components/per-page-select';
import { useBulkBlogs } from '../../features/admin/api/bulk-blogs';
import { useAdminBlogs } from '../../features/admin/api/get-admin-blogs';
import { AdminBlogTable } from '../../features/admin/components/admin-blog-table';
import { AdminHeader } from '../../features/admin/components/admin-header';
import { BulkActions } from '../../features/admin/components/bulk-actions';
import type { BulkActionSpec } from '../../features/admin/components/bulk-actions';
import { ListFilterForm } from '../../features/admin/components/list-filter-form';
import type { FilterFieldSpec } from '../../features/admin/components/list-filter-form';
import { SectionNoAccess } from '../../features/admin/components/require-permission';
import { useRowSelection } from '../../features/admin/components/row-selection';
import { bulkResultText } from '../../features/admin/bulk-texts';
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
  'authorId',
  'featured',
  'from',
  'to',
] as const satisfies readonly (keyof AdminBlogFilterValue)[];

const ACTIONS: readonly { action: BulkBlogAction; danger?: boolean }[] = [
  { action: 'unpublish' },
  { action: 'delete', danger: true },
  { action: 'restore' },
  { action: 'feature' },
  { action: 'unfeature' },
];

/**
 * Every blog, whatever its state, filtered, sorted and paged by the URL; selected ones (or all
 * that match) unpublished, deleted, restored, featured or unfeatured at once.
 */
export function AdminBlogsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('admin.blogs.title'));
  const [params, update] = useListSearch(AdminBlogListQuery);
  const blogs = useAdminBlogs(params);
  const bulk = useBulkBlogs();
  const filter = pickFilter(params, FILTER_FIELDS);
  const canExport = useMe().data!.permissions.includes('exports.run');
  const page = blogs.data;
  const selection = useRowSelection(
    page?.items.map((blog) => blog.id) ?? [],
    page?.total ?? 0,
    JSON.stringify(params),
  );

  if (blogs.error instanceof ApiError && blogs.error.status === 403) {
    return <SectionNoAccess permission="content.moderate" />;
  }

  const fields: FilterFieldSpec[] = [
    {
      name: 'q',
      label: t('admin.blogs.filter.q'),
      type: 'search',
      maxLength: LIMITS.searchText,
      className: 'col-12 col-md-6',
    },
    {
      name: 'status',
      label: t('admin.blogs.filter.status'),
      type: 'select',
      anyLabel: t('admin.blogs.filter.anyStatus'),
      options: MY_BLOG_STATUSES.map((status) => ({
        value: status,
        label: t(`myBlogs.state.${status}`),
      })),
    },
    {
      name: 'featured',
      label: t('admin.blogs.filter.featured'),
      type: 'select',
      anyLabel: t('admin.filter.any'),
      options: [
        { value: 'true', label: t('admin.blogs.filter.featuredYes') },
        { value: 'false', label: t('admin.blogs.filter.featuredNo') },
      ],
    },
    { name: 'authorId', label: t('admin.blogs.filter.authorId'), type: 'id' },
    { name: 'from', label: t('admin.blogs.filter.from'), type: 'date' },
    { name: 'to', label: t('admin.blogs.filter.to'), type: 'date' },
  ];

  const actions: BulkActionSpec<BulkBlogAction>[] = ACTIONS.map(({ action, danger }) => ({
    action,
    danger,
    label: t(`admin.blogs.action.${action}`),
    title: t(`admin.blogs.confirm.${action}`),
    text: t(`admin.blogs.explain.${action}`),
    done: (result) => bulkResultText(t, `admin.blogs.done.${action}`, result),
  }));

  const filtered = FILTER_FIELDS.some((field) => params[field] !== undefined);
  return (
    <>
      <AdminHeader trail={[{ label: t('admin.blogs.title') }]} title={t('admin.blogs.title')} />
      <p className="text-body-secondary">{t('admin.blogs.intro')}</p>
      <ListFilterForm
        schema={AdminBlogFilter}
        fields={fields}
        value={params}
        onApply={(next) => update(filterSearch(FILTER_FIELDS, next))}
        label={t('admin.blogs.filter.label')}
        hint={t('admin.filter.utcHint')}
        testId="admin-blog-filter"
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
          label={t('admin.blogs.bulkLabel')}
        />
        <div className="d-flex flex-wrap align-items-end gap-2 ms-auto">
          {canExport && (
            <ExportMenu
              kind="blogs"
              query={{ ...filter, sort: params.sort }}
              selected={selection.allMatching ? [] : [...selection.ids]}
              total={page?.total}
            />
          )}
          <PerPageSelect value={params.perPage} onChange={(perPage) => update({ perPage })} />
        </div>
      </div>
      <PagedList
        query={blogs}
        onPageChange={(next) => update({ page: next })}
        paginationLabel={t('admin.blogs.pagination')}
        empty={filtered ? t('admin.blogs.emptyFiltered') : t('admin.blogs.empty')}
      >
        {(shown) => (
          <AdminBlogTable
            blogs={shown.items}
            sort={params.sort}
            onSort={(sort) => update({ sort })}
            selection={selection}
          />
        )}
      </PagedList>
    </>
  );
}

import { ModerationQueueQuery } from '@folio/schema';
import { PagedList } from '../../components/paged-list';
import { PerPageSelect } from '../../components/per-page-select';
import { useModerationQueue } from '../../features/admin/api/get-moderation-queue';
import { AdminHeader } from '../../features/admin/components/admin-header';
import { CommentTabs } from '../../features/admin/components/comment-tabs';
import { ModerationQueueList } from '../../features/admin/components/moderation-queue';
import { SectionNoAccess } from '../../features/admin/components/require-permission';
import { ApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useListSearch } from '../../lib/list-search';
import { useDocumentTitle } from '../../lib/use-document-title';

/** The moderation queue: comments readers reported, the most reported first, paged by the URL. */
export function AdminReportsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('admin.reports.title'));
  const [params, update] = useListSearch(ModerationQueueQuery);
  const queue = useModerationQueue(params);

  if (queue.error instanceof ApiError && queue.error.status === 403) {
    return <SectionNoAccess permission="content.moderate" />;
  }

  return (
    <>
      <AdminHeader
        trail={[
          { label: t('admin.comments.title'), to: '/admin/comments' },
          { label: t('admin.reports.title') },
        ]}
        title={t('admin.comments.title')}
      />
      <CommentTabs />
      <div className="d-flex flex-wrap align-items-end justify-content-between gap-2 mb-3">
        <p className="text-body-secondary mb-0">{t('admin.reports.intro')}</p>
        <PerPageSelect value={params.perPage} onChange={(perPage) => update({ perPage })} />
      </div>
      <PagedList
        query={queue}
        onPageChange={(page) => update({ page })}
        paginationLabel={t('admin.reports.pagination')}
        empty={t('admin.reports.empty')}
      >
        {(page) => <ModerationQueueList items={page.items} />}
      </PagedList>
    </>
  );
}

import { LIMITS } from '@folio/schema';
import { Link } from 'react-router';
import { PagedList } from '../../components/paged-list';
import { useMyBlogs } from '../../features/my-blogs/api/get-my-blogs';
import { MyBlogTable } from '../../features/my-blogs/components/my-blog-table';
import { MyBlogTabs } from '../../features/my-blogs/components/my-blog-tabs';
import { listParams, MyBlogsSearch } from '../../features/my-blogs/my-blog-list';
import { useI18n } from '../../lib/i18n';
import { useListSearch } from '../../lib/list-search';
import { useDocumentTitle } from '../../lib/use-document-title';
import { RequireLogin } from '../layouts/require-login';

/** The person's own blogs, a tab per state (in the URL, `?status=`), each paged. */
export function MyBlogsPage() {
  return (
    <RequireLogin>
      <MyBlogs />
    </RequireLogin>
  );
}

function MyBlogs() {
  const { t } = useI18n();
  useDocumentTitle(t('myBlogs.title'));
  const [search, update] = useListSearch(MyBlogsSearch);
  const blogs = useMyBlogs(listParams(search));
  const tab = search.status;

  return (
    <>
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-3">
        <h1 className="h2 mb-0">{t('myBlogs.title')}</h1>
        <Link to="/write" className="btn btn-primary">
          {t('myBlogs.write')}
        </Link>
      </div>
      <MyBlogTabs current={tab} />
      {tab === 'trashed' && (
        <p className="small text-body-secondary" data-testid="trash-note">
          {t('myBlogs.trashNote', { days: LIMITS.trashDays })}
        </p>
      )}
      <PagedList
        query={blogs}
        onPageChange={(page) => update({ page })}
        paginationLabel={t('myBlogs.pagination')}
        empty={
          <>
            <p className={tab === 'trashed' ? 'mb-0' : 'mb-3'}>{t(`myBlogs.empty.${tab}`)}</p>
            {tab !== 'trashed' && (
              <Link to="/write" className="btn btn-outline-primary">
                {t('myBlogs.write')}
              </Link>
            )}
          </>
        }
      >
        {(page) => <MyBlogTable blogs={page.items} tab={tab} />}
      </PagedList>
    </>
  );
}

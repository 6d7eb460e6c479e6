import { BlogListQuery } from '@folio/schema';
import { PagedList } from '../../components/paged-list';
import { PerPageSelect } from '../../components/per-page-select';
import { SearchForm } from '../../components/search-form';
import { AuthorSelect } from '../../features/authors/components/author-select';
import { useBlogs } from '../../features/blogs/api/get-blogs';
import { BlogSortSelect } from '../../features/blogs/components/blog-sort-select';
import { BlogTable } from '../../features/blogs/components/blog-table';
import { PopularTags } from '../../features/blogs/components/popular-tags';
import { useI18n } from '../../lib/i18n';
import { useListSearch } from '../../lib/list-search';
import { useDocumentTitle } from '../../lib/use-document-title';

export function BlogsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('blogs.title'));
  const [params, update] = useListSearch(BlogListQuery);
  const blogs = useBlogs(params);

  return (
    <div className="row g-4">
      <div className="col-lg-9">
        <h1 className="h2 mb-3">{t('blogs.title')}</h1>
        <div className="row g-2 align-items-end mb-3">
          <div className="col-12 col-xxl-5">
            <SearchForm
              value={params.q ?? ''}
              onSearch={(q) => update({ q })}
              placeholder={t('blogs.searchPlaceholder')}
            />
          </div>
          <div className="col-12 col-sm-6 col-xxl-3">
            <AuthorSelect value={params.authorId} onChange={(authorId) => update({ authorId })} />
          </div>
          <div className="col-6 col-sm-3 col-xxl-2">
            <BlogSortSelect value={params.sort} onChange={(sort) => update({ sort })} />
          </div>
          <div className="col-6 col-sm-3 col-xxl-2">
            <PerPageSelect value={params.perPage} onChange={(perPage) => update({ perPage })} />
          </div>
        </div>
        <PagedList query={blogs} empty={t('blogs.empty')} onPageChange={(page) => update({ page })}>
          {(page) => (
            <BlogTable blogs={page.items} firstNumber={(page.page - 1) * page.perPage + 1} />
          )}
        </PagedList>
      </div>
      <aside className="col-lg-3">
        <PopularTags />
      </aside>
    </div>
  );
}

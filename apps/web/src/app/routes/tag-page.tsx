import { BlogListQuery, TagSlugSchema } from '@folio/schema';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { NotFoundState } from '../../components/not-found-state';
import { PagedList } from '../../components/paged-list';
import { PerPageSelect } from '../../components/per-page-select';
import { useBlogs } from '../../features/blogs/api/get-blogs';
import { useTag } from '../../features/blogs/api/get-tag';
import { BlogSortSelect } from '../../features/blogs/components/blog-sort-select';
import { BlogTable } from '../../features/blogs/components/blog-table';
import { PopularTags } from '../../features/blogs/components/popular-tags';
import { ApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useListSearch } from '../../lib/list-search';
import { useDocumentTitle } from '../../lib/use-document-title';

/** A tag's blogs are paged and sorted as /blogs is; the tag itself is the path's. */
const TagBlogsQuery = BlogListQuery.pick({ page: true, perPage: true, sort: true });

export function TagPage() {
  const slug = TagSlugSchema.safeParse(useParams().slug);
  return slug.success ? <TagView key={slug.data} slug={slug.data} /> : <TagNotFound />;
}

function TagView({ slug }: { slug: string }) {
  const { t, locale } = useI18n();
  const tag = useTag(slug);
  const [params, update] = useListSearch(TagBlogsQuery);
  // Fetched alongside the tag rather than after it.
  const blogs = useBlogs({ ...params, tag: slug });
  useDocumentTitle(tag.data?.name ?? t('tags.documentTitle'));

  if (tag.isPending) return <Loading />;
  if (tag.isError) {
    if (tag.error instanceof ApiError && tag.error.status === 404) return <TagNotFound />;
    return <ErrorAlert error={tag.error} onRetry={() => void tag.refetch()} />;
  }

  return (
    <div className="row g-4">
      <div className="col-lg-9">
        <div className="row g-2 align-items-end mb-3">
          <div className="col-12 col-sm">
            <p className="small text-body-secondary mb-1">{t('tags.kicker')}</p>
            <h1 className="h2 mb-1 text-break">{tag.data.name}</h1>
            <p className="text-body-secondary mb-0">
              {t('tags.blogCount', {
                count: new Intl.NumberFormat(locale).format(tag.data.blogCount),
              })}
            </p>
          </div>
          <div className="col-6 col-sm-auto">
            <BlogSortSelect value={params.sort} onChange={(sort) => update({ sort })} />
          </div>
          <div className="col-6 col-sm-auto">
            <PerPageSelect value={params.perPage} onChange={(perPage) => update({ perPage })} />
          </div>
        </div>
        <PagedList query={blogs} empty={t('tags.empty')} onPageChange={(page) => update({ page })}>
          {(page) => (
            <BlogTable blogs={page.items} firstNumber={(page.page - 1) * page.perPage + 1} />
          )}
        </PagedList>
      </div>
      <aside className="col-lg-3">
        <PopularTags current={slug} />
      </aside>
    </div>
  );
}

function TagNotFound() {
  const { t } = useI18n();
  useDocumentTitle(t('tags.notFound.title'));
  return (
    <NotFoundState
      title={t('tags.notFound.title')}
      text={t('tags.notFound.text')}
      backTo="/blogs"
      backLabel={t('tags.notFound.back')}
    />
  );
}

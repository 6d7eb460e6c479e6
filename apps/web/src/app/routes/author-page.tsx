import { IdSchema, PageQuery } from '@folio/schema';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { NotFoundState } from '../../components/not-found-state';
import { PagedList } from '../../components/paged-list';
import { useAuthor } from '../../features/authors/api/get-author';
import { AuthorProfile } from '../../features/authors/components/author-profile';
import { useBlogs } from '../../features/blogs/api/get-blogs';
import { BlogTable } from '../../features/blogs/components/blog-table';
import { ApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useListSearch } from '../../lib/list-search';
import { useDocumentTitle } from '../../lib/use-document-title';

export function AuthorPage() {
  const id = IdSchema.safeParse(useParams().id);
  return id.success ? <AuthorView key={id.data} id={id.data} /> : <AuthorNotFound />;
}

function AuthorView({ id }: { id: number }) {
  const { t } = useI18n();
  const author = useAuthor(id);
  const [params, update] = useListSearch(PageQuery);
  // Fetched alongside the author rather than after it.
  const blogs = useBlogs({ ...params, authorId: id, sort: '-pubDate' });
  useDocumentTitle(author.data?.name ?? t('author.documentTitle'));

  if (author.isPending) return <Loading />;
  if (author.isError) {
    if (author.error instanceof ApiError && author.error.status === 404) return <AuthorNotFound />;
    return <ErrorAlert error={author.error} onRetry={() => void author.refetch()} />;
  }

  return (
    <>
      <AuthorProfile author={author.data} />
      <h2 className="h4 mb-3">{t('author.blogsBy', { name: author.data.name })}</h2>
      <PagedList
        query={blogs}
        empty={t('author.noBlogs')}
        onPageChange={(page) => update({ page })}
      >
        {(page) => (
          <BlogTable
            blogs={page.items}
            firstNumber={(page.page - 1) * page.perPage + 1}
            showAuthor={false}
          />
        )}
      </PagedList>
    </>
  );
}

function AuthorNotFound() {
  const { t } = useI18n();
  useDocumentTitle(t('author.notFound.title'));
  return (
    <NotFoundState
      title={t('author.notFound.title')}
      text={t('author.notFound.text')}
      backTo="/authors"
      backLabel={t('author.notFound.back')}
    />
  );
}

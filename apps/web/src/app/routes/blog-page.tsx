import { IdSchema } from '@folio/schema';
import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { NotFoundState } from '../../components/not-found-state';
import { useBlog } from '../../features/blogs/api/get-blog';
import { BlogArticle, BlogArticlePlaceholder } from '../../features/blogs/components/blog-article';
import { ApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';

// Loaded after the article (its own chunk): the home page's first load lists none of its files.
const CommentSection = lazy(() =>
  import('../../features/comments/components/comment-section').then((m) => ({
    default: m.CommentSection,
  })),
);

export function BlogPage() {
  const id = IdSchema.safeParse(useParams().id);
  return id.success ? <BlogView key={id.data} id={id.data} /> : <BlogNotFound />;
}

function BlogView({ id }: { id: number }) {
  const { t } = useI18n();
  const blog = useBlog(id);
  useDocumentTitle(blog.data?.title ?? t('blog.documentTitle'));

  if (blog.isPending) return <BlogArticlePlaceholder />;
  if (blog.isError) {
    if (blog.error instanceof ApiError && blog.error.status === 404) return <BlogNotFound />;
    return <ErrorAlert error={blog.error} onRetry={() => void blog.refetch()} />;
  }
  return (
    <>
      <BlogArticle blog={blog.data} />
      <Suspense fallback={null}>
        <CommentSection blog={blog.data} />
      </Suspense>
    </>
  );
}

function BlogNotFound() {
  const { t } = useI18n();
  useDocumentTitle(t('blog.notFound.title'));
  return (
    <NotFoundState
      title={t('blog.notFound.title')}
      text={t('blog.notFound.text')}
      backTo="/blogs"
      backLabel={t('blog.notFound.back')}
    />
  );
}

import { IdSchema } from '@folio/schema';
import { Suspense, useRef } from 'react';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { NotFoundState } from '../../components/not-found-state';
import { useCountView } from '../../features/blogs/api/count-view';
import { useBlog } from '../../features/blogs/api/get-blog';
import { BlogArticle, BlogArticlePlaceholder } from '../../features/blogs/components/blog-article';
import { BlogNeighbours } from '../../features/blogs/components/blog-neighbours';
import { ContentLightbox } from '../../features/blogs/components/content-lightbox';
import { CopyLinkButton } from '../../features/blogs/components/copy-link-button';
import { RelatedBlogs } from '../../features/blogs/components/related-blogs';
import { ApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { PartBoundary } from '../../components/part-boundary';
import { lazyComponent } from '../../lib/lazy-component';

// Loaded after the article (its own chunk): the home page's first load lists none of its files.
const CommentSection = lazyComponent(
  async () => (await import('../../features/comments/components/comment-section')).CommentSection,
);

export function BlogPage() {
  const id = IdSchema.safeParse(useParams().id);
  return id.success ? <BlogView key={id.data} id={id.data} /> : <BlogNotFound />;
}

function BlogView({ id }: { id: number }) {
  const { t } = useI18n();
  const blog = useBlog(id);
  const article = useRef<HTMLDivElement>(null);
  useDocumentTitle(blog.data?.title ?? t('blog.documentTitle'));
  useCountView(id, blog.isSuccess);

  if (blog.isPending) return <BlogArticlePlaceholder />;
  if (blog.isError) {
    if (blog.error instanceof ApiError && blog.error.status === 404) return <BlogNotFound />;
    return <ErrorAlert error={blog.error} onRetry={() => void blog.refetch()} />;
  }
  return (
    <>
      <div ref={article}>
        <BlogArticle blog={blog.data} />
      </div>
      <ContentLightbox root={article} content={blog.data.contentHtml} />
      <div className="mt-4">
        <CopyLinkButton />
      </div>
      <BlogNeighbours id={id} />
      <RelatedBlogs id={id} />
      <PartBoundary className="mt-5">
        <Suspense fallback={null}>
          <CommentSection blog={blog.data} />
        </Suspense>
      </PartBoundary>
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

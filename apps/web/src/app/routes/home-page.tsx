import { Suspense } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { useBlogs } from '../../features/blogs/api/get-blogs';
import { LatestBlogs } from '../../features/blogs/components/latest-blogs';
import { loadHomeTexts, useI18n } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { PartBoundary } from '../../components/part-boundary';
import { lazyComponent } from '../../lib/lazy-component';

const LATEST_COUNT = 10;

// The carousel and the side column load after the first render, with their texts: the first
// load is at its budget (`pnpm build` checks it), and the latest blogs are what a visit reads first.
const sections = async () =>
  (
    await Promise.all([import('../../features/blogs/components/home-sections'), loadHomeTexts()])
  )[0];
const FeaturedCarousel = lazyComponent(async () => (await sections()).FeaturedCarousel);
const HomeAside = lazyComponent(async () => (await sections()).HomeAside);

export function HomePage() {
  const { t } = useI18n();
  useDocumentTitle(undefined);
  const latest = useBlogs({ page: 1, perPage: LATEST_COUNT, sort: '-pubDate' });

  return (
    <>
      {/* The latest blogs are the page: without the carousel or the side column it still reads. */}
      <PartBoundary fallback={() => null}>
        <Suspense>
          <FeaturedCarousel />
        </Suspense>
      </PartBoundary>
      <div className="row g-4">
        <div className="col-lg-8">
          <div className="d-flex flex-wrap align-items-baseline justify-content-between gap-2 mb-3">
            <h1 className="h2 mb-0">{t('home.title')}</h1>
            <Link to="/blogs">{t('home.allBlogs')}</Link>
          </div>
          <p className="text-body-secondary">{t('home.intro')}</p>
          {latest.isPending ? (
            <Loading />
          ) : latest.isError && !latest.data ? (
            <ErrorAlert error={latest.error} onRetry={() => void latest.refetch()} />
          ) : latest.data.items.length === 0 ? (
            <EmptyState>{t('blogs.empty')}</EmptyState>
          ) : (
            <LatestBlogs blogs={latest.data.items} />
          )}
        </div>
        <aside className="col-lg-4">
          <PartBoundary fallback={() => null}>
            <Suspense>
              <HomeAside />
            </Suspense>
          </PartBoundary>
        </aside>
      </div>
    </>
  );
}

import type { PageOf } from '@folio/schema';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useI18n } from '../lib/i18n';
import { searchWithPage } from '../lib/list-search';
import { EmptyState } from './empty-state';
import { ErrorAlert } from './error-alert';
import { Loading } from './loading';
import { Pagination } from './pagination';
import { RangeSummary } from './range-summary';

interface PagedListProps<T> {
  query: UseQueryResult<PageOf<T>>;
  empty: ReactNode;
  onPageChange: (page: number) => void;
  paginationLabel?: string;
  children: (page: PageOf<T>) => ReactNode;
}

/** One place for a paged list's loading, error, empty and paging states. */
export function PagedList<T>({
  query,
  empty,
  onPageChange,
  paginationLabel,
  children,
}: PagedListProps<T>) {
  if (query.isPending) return <Loading />;
  if (query.isError && !query.data) {
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  const page = query.data;
  if (!page) return null;

  // An old link or a hand-typed `?page=99` past the end is not an empty catalogue.
  if (page.items.length === 0 && page.pages > 0 && page.page > page.pages) {
    return <PastEnd page={page.page} pages={page.pages} />;
  }

  return (
    <div aria-busy={query.isPlaceholderData}>
      {page.items.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <div className={query.isPlaceholderData ? 'opacity-50' : undefined}>{children(page)}</div>
      )}
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-3 mt-3">
        <RangeSummary
          page={page.page}
          perPage={page.perPage}
          total={page.total}
          shown={page.items.length}
        />
        <Pagination
          page={page.page}
          pages={page.pages}
          onPageChange={onPageChange}
          label={paginationLabel}
        />
      </div>
    </div>
  );
}

function PastEnd({ page, pages }: { page: number; pages: number }) {
  const { t, locale } = useI18n();
  const location = useLocation();
  const number = new Intl.NumberFormat(locale);
  return (
    <EmptyState>
      <p className="mb-3" data-testid="past-end">
        {t('list.pastEnd', { page: number.format(page), pages: number.format(pages) })}
      </p>
      <Link
        to={{ pathname: location.pathname, search: searchWithPage(location.search, pages) }}
        className="btn btn-primary"
      >
        {t('list.lastPage', { pages: number.format(pages) })}
      </Link>
    </EmptyState>
  );
}

import { useI18n } from '../lib/i18n';
import { pageWindow } from './page-window';

interface PaginationProps {
  page: number;
  pages: number;
  onPageChange: (page: number) => void;
  /** Names the nav landmark; pages with two lists need two names. */
  label?: string;
  siblings?: number;
}

export function Pagination({ page, pages, onPageChange, label, siblings = 1 }: PaginationProps) {
  const { t } = useI18n();
  if (pages < 1) return null;

  const hasPrevious = page > 1;
  const hasNext = page < pages;

  return (
    <nav aria-label={label ?? t('pagination.label')} data-testid="pagination">
      <ul className="pagination flex-wrap mb-0">
        <li className={`page-item ${hasPrevious ? '' : 'disabled'}`}>
          <button
            type="button"
            className="page-link"
            disabled={!hasPrevious}
            aria-label={t('pagination.previous')}
            onClick={() => onPageChange(page - 1)}
          >
            <span aria-hidden="true">&lsaquo;</span>
          </button>
        </li>
        {pageWindow(page, pages, siblings).map((item) =>
          typeof item === 'number' ? (
            <li key={item} className={`page-item ${item === page ? 'active' : ''}`}>
              {item === page ? (
                <span
                  className="page-link"
                  aria-current="page"
                  aria-label={t('pagination.page', { page: item })}
                >
                  {item}
                </span>
              ) : (
                <button
                  type="button"
                  className="page-link"
                  aria-label={t('pagination.page', { page: item })}
                  onClick={() => onPageChange(item)}
                >
                  {item}
                </button>
              )}
            </li>
          ) : (
            <li key={item} className="page-item disabled" aria-hidden="true">
              <span className="page-link">&hellip;</span>
            </li>
          ),
        )}
        <li className={`page-item ${hasNext ? '' : 'disabled'}`}>
          <button
            type="button"
            className="page-link"
            disabled={!hasNext}
            aria-label={t('pagination.next')}
            onClick={() => onPageChange(page + 1)}
          >
            <span aria-hidden="true">&rsaquo;</span>
          </button>
        </li>
      </ul>
    </nav>
  );
}

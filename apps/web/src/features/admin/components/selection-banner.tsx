import { useI18n } from '../../../lib/i18n';
import { useCountText } from '../use-count-text';

interface SelectionBannerProps {
  /** Rows on this page. */
  pageSize: number;
  /** Users the filter matches, on every page. */
  total: number;
  /** Every one of them is selected, not only the page's. */
  all: boolean;
  onSelectAll: () => void;
  onClear: () => void;
}

/**
 * Above a page whose rows are all ticked: an offer to take every user that matches instead, and
 * once taken, a way back.
 */
export function SelectionBanner({
  pageSize,
  total,
  all,
  onSelectAll,
  onClear,
}: SelectionBannerProps) {
  const { t } = useI18n();
  const count = useCountText();
  return (
    <div
      className="alert alert-info d-flex flex-wrap align-items-center gap-2 py-2 mb-2"
      role="status"
      data-testid="selection-banner"
    >
      {all ? (
        <>
          <span>{count('admin.users.allSelected', total)}</span>
          <button type="button" className="btn btn-link btn-sm p-0" onClick={onClear}>
            {t('admin.users.clearSelection')}
          </button>
        </>
      ) : (
        <>
          <span>{count('admin.users.pageSelected', pageSize)}</span>
          <button type="button" className="btn btn-link btn-sm p-0" onClick={onSelectAll}>
            {count('admin.users.selectAll', total)}
          </button>
        </>
      )}
    </div>
  );
}

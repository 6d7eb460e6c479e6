import { EXPORT_FORMATS } from '@folio/schema';
import type { ExportFormat, ExportKind } from '@folio/schema';
import { useToast } from '../../../components/toast-context';
import { ApiError, type QueryValue } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useExport } from '../api/export-file';

const FORMAT_LABELS = {
  csv: 'admin.export.csv',
  tsv: 'admin.export.tsv',
  xlsx: 'admin.export.xlsx',
} as const satisfies Record<ExportFormat, string>;

export interface ExportMenuProps {
  kind: ExportKind;
  /** The list's current filters and sort, as its query string names them. */
  query: Record<string, QueryValue>;
  /** The rows selected in the table: exported in place of all that match. */
  selected?: readonly number[];
  /** How many rows match the filters, when the table knows it. */
  total?: number;
}

/**
 * Exports what the table shows (the selection, or every row the filters match) as CSV, TSV or
 * Excel: the file downloads with the person's token while a bar shows how far it is, and a
 * button cancels it. The file is saved under the name the API gives it.
 */
export function ExportMenu({ kind, query, selected = [], total }: ExportMenuProps) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const { state, start, cancel } = useExport();
  const number = new Intl.NumberFormat(locale);
  const size = new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: 1,
  });

  async function run(format: ExportFormat) {
    const outcome = await start({ kind, format, query, ids: selected });
    if (outcome.status === 'done') {
      toast.show({
        kind: 'success',
        text: t('admin.export.done', {
          file: outcome.file.filename,
          rows: number.format(outcome.file.total),
        }),
      });
    } else if (outcome.status === 'cancelled') {
      toast.show({ kind: 'info', text: t('admin.export.cancelled') });
    } else if (outcome.status === 'failed') {
      toast.show({
        kind: 'danger',
        text: t('admin.export.failed', {
          reason: outcome.error instanceof ApiError ? outcome.error.message : t('error.unexpected'),
        }),
      });
    }
  }

  const what = selected.length
    ? t('admin.export.selected', { count: number.format(selected.length) })
    : total !== undefined
      ? t('admin.export.allMatching', { count: number.format(total) })
      : t('admin.export.all');

  if (state.status === 'running') {
    const progress = state.progress;
    const fraction =
      progress && progress.rows !== null && progress.total > 0
        ? progress.rows / progress.total
        : null;
    const label = !progress
      ? t('admin.export.starting')
      : progress.rows !== null
        ? t('admin.export.progressRows', {
            rows: number.format(progress.rows),
            total: number.format(progress.total),
          })
        : t('admin.export.progressBytes', {
            size: size.format(progress.bytes / 1_000_000),
            total: number.format(progress.total),
          });
    return (
      <div className="d-flex align-items-center gap-2" data-testid="export-progress">
        <div
          className="progress flex-grow-1"
          style={{ minWidth: '8rem' }}
          role="progressbar"
          aria-label={t('admin.export.running', { format: t(FORMAT_LABELS[state.format]) })}
          aria-valuemin={0}
          aria-valuemax={100}
          {...(fraction !== null && { 'aria-valuenow': Math.round(fraction * 100) })}
          aria-valuetext={label}
        >
          <div
            className={`progress-bar${fraction === null ? ' progress-bar-striped progress-bar-animated' : ''}`}
            style={{ width: `${fraction === null ? 100 : Math.round(fraction * 100)}%` }}
          />
        </div>
        <span className="small text-body-secondary text-nowrap">{label}</span>
        <button type="button" className="btn btn-sm btn-outline-secondary" onClick={cancel}>
          {t('admin.export.cancel')}
        </button>
      </div>
    );
  }

  return (
    <div className="d-flex align-items-center gap-2 flex-wrap">
      <span className="small text-body-secondary" id={`export-${kind}-label`}>
        {what}
      </span>
      <div className="btn-group btn-group-sm" role="group" aria-labelledby={`export-${kind}-label`}>
        {EXPORT_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="btn btn-outline-secondary"
            onClick={() => void run(format)}
          >
            {t(FORMAT_LABELS[format])}
          </button>
        ))}
      </div>
    </div>
  );
}

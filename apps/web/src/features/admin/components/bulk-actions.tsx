import type { BulkResult } from '@folio/schema';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useToast } from '../../../components/toast-context';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import type { RowSelection } from './row-selection';

export interface BulkActionSpec<A extends string> {
  action: A;
  /** The button's text, and the confirmation's. */
  label: string;
  danger?: boolean;
  /** The confirmation's question, and what the action will do. */
  title: string;
  text: string;
  /** The toast once it ran, from what it changed and what it left. */
  done: (result: BulkResult) => string;
}

/** What a bulk action acts on: the rows selected, or every row the filter matches. */
export type BulkTarget<A extends string, F> = { action: A; ids: number[] } | { action: A; all: F };

interface BulkActionsProps<A extends string, F> {
  selection: RowSelection;
  /** Rows the filter matches, and rows on the page shown. */
  total: number;
  shown: number;
  /** The filter applied now: what "all matching" sends. */
  filter: F;
  actions: BulkActionSpec<A>[];
  run: (target: BulkTarget<A, F>) => Promise<BulkResult>;
  busy: boolean;
  /** Names the group of buttons ("Actions on the selected blogs"). */
  label: string;
}

/**
 * A paged list's actions on its selected rows: the buttons, the offer to select every row the
 * filter matches once the page's are, and a question before each action; a toast then says what
 * it changed and what it left as it was.
 */
export function BulkActions<A extends string, F>({
  selection,
  total,
  shown,
  filter,
  actions,
  run,
  busy,
  label,
}: BulkActionsProps<A, F>) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const number = new Intl.NumberFormat(locale);
  // The action asked about stays named while the dialog fades out after the answer.
  const [asked, setAsked] = useState<BulkActionSpec<A> | null>(null);
  const [confirming, setConfirming] = useState(false);
  const count = number.format(selection.count);

  async function confirm() {
    if (!asked) return;
    const target: BulkTarget<A, F> = selection.allMatching
      ? { action: asked.action, all: filter }
      : { action: asked.action, ids: [...selection.ids] };
    try {
      const result = await run(target);
      selection.clear();
      toast.show({ kind: 'success', text: asked.done(result) });
    } catch (error) {
      toast.show({
        kind: 'danger',
        text: error instanceof ApiError ? error.message : t('error.unexpected'),
      });
    } finally {
      setConfirming(false);
    }
  }

  return (
    <div className="flex-grow-1">
      <div
        role="group"
        aria-label={label}
        className="d-flex flex-wrap align-items-center gap-2"
        data-testid="bulk-actions"
      >
        <span className="small text-body-secondary me-1" aria-live="polite">
          {t('admin.bulk.selected', { count })}
        </span>
        {actions.map((spec) => (
          <button
            key={spec.action}
            type="button"
            className={`btn btn-sm ${spec.danger ? 'btn-outline-danger' : 'btn-outline-secondary'}`}
            disabled={selection.count === 0}
            onClick={() => {
              setAsked(spec);
              setConfirming(true);
            }}
          >
            {spec.label}
          </button>
        ))}
      </div>
      {selection.allMatching ? (
        <div className="alert alert-info py-2 mt-2 mb-0" data-testid="select-all-banner">
          {t('admin.bulk.allSelected', { total: number.format(total) })}{' '}
          <button type="button" className="btn btn-link btn-sm p-0" onClick={selection.clear}>
            {t('admin.bulk.clear')}
          </button>
        </div>
      ) : (
        selection.page === 'all' &&
        total > shown && (
          <div className="alert alert-info py-2 mt-2 mb-0" data-testid="select-all-banner">
            {t('admin.bulk.pageSelected', { count: number.format(shown) })}{' '}
            <button
              type="button"
              className="btn btn-link btn-sm p-0"
              onClick={selection.selectAllMatching}
            >
              {t('admin.bulk.selectAll', { total: number.format(total) })}
            </button>
          </div>
        )
      )}
      <ConfirmDialog
        open={confirming}
        title={asked?.title ?? ''}
        confirmLabel={asked?.label ?? ''}
        kind={asked?.danger ? 'danger' : 'primary'}
        busy={busy}
        onConfirm={() => void confirm()}
        onClose={() => setConfirming(false)}
      >
        <p>{asked?.text}</p>
        <p className="mb-0 fw-semibold">
          {selection.allMatching
            ? t('admin.bulk.confirmAll', { count })
            : t('admin.bulk.confirmSelected', { count })}
        </p>
      </ConfirmDialog>
    </div>
  );
}

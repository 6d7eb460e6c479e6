import { LIMITS } from '@folio/schema';
import type { BlogRevision } from '@folio/schema';
import { useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { TimedPhrase } from '../../../components/timed-phrase';
import { useToast } from '../../../components/toast-context';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { loadOnce } from '../../../lib/load-once';
import type { VersionedBlog } from '../api/get-my-blog';
import { useRestoreRevision, useRevisions } from '../api/revisions';
import type * as RevisionDiff from './revision-diff';
import type { Comparison, DiffRow, ValueChange, Version } from './revision-diff';
import './revisions-panel.css';

type DiffModule = typeof RevisionDiff;

/** The comparison code (and jsdiff) loads with the first comparison; a failed load is tried again. */
const loadDiffModule: () => Promise<DiffModule> = loadOnce(() => import('./revision-diff'));

interface RevisionsPanelProps {
  blogId: number;
  /** What the editor holds now (saved or not): each revision is compared with it. */
  current: Version;
  /** A revision was restored: the blog as the API saved it, with its new ETag. */
  onRestored: (saved: VersionedBlog) => void;
}

/** The versions saves of a published blog replaced: who and when, a comparison, a restore. */
export function RevisionsPanel({ blogId, current, onRestored }: RevisionsPanelProps) {
  const { t } = useI18n();
  const toast = useToast();
  const headingId = useId();
  const revisions = useRevisions(blogId);
  const restore = useRestoreRevision();
  const [comparing, setComparing] = useState<number | null>(null);
  const [restoring, setRestoring] = useState<BlogRevision | null>(null);
  const [confirming, setConfirming] = useState(false);

  function confirmRestore() {
    if (!restoring) return;
    restore.mutate(
      { blogId, revisionId: restoring.id },
      {
        onSuccess: (saved) => {
          setConfirming(false);
          setComparing(null);
          toast.show({ kind: 'success', text: t('revisions.restored') });
          onRestored(saved);
        },
        onError: (error) =>
          toast.show({
            kind: 'danger',
            text: error instanceof ApiError ? error.message : t('error.unexpected'),
          }),
      },
    );
  }

  return (
    <section aria-labelledby={headingId} data-testid="revisions-panel">
      <h2 className="h5" id={headingId}>
        {t('revisions.title')}
      </h2>
      <p className="small text-body-secondary">
        {t('revisions.intro', { count: LIMITS.blogRevisions })}
      </p>
      {revisions.isPending ? (
        <Loading />
      ) : revisions.isError && !revisions.data ? (
        <ErrorAlert error={revisions.error} onRetry={() => void revisions.refetch()} />
      ) : revisions.data.length === 0 ? (
        <p className="text-body-secondary border rounded p-3 mb-0" data-testid="revisions-empty">
          {t('revisions.empty')}
        </p>
      ) : (
        <ul className="list-group" data-testid="revision-list">
          {revisions.data.map((revision) => (
            <RevisionItem
              key={revision.id}
              revision={revision}
              current={current}
              comparing={comparing === revision.id}
              onCompare={() =>
                setComparing((shown) => (shown === revision.id ? null : revision.id))
              }
              onRestore={() => {
                setRestoring(revision);
                setConfirming(true);
              }}
            />
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('revisions.restoreTitle')}
        confirmLabel={t('revisions.restore')}
        kind="primary"
        busy={restore.isPending}
        onConfirm={confirmRestore}
        onClose={() => setConfirming(false)}
      >
        {t('revisions.restoreText')}
      </ConfirmDialog>
    </section>
  );
}

interface RevisionItemProps {
  revision: BlogRevision;
  current: Version;
  comparing: boolean;
  onCompare: () => void;
  onRestore: () => void;
}

function RevisionItem({ revision, current, comparing, onCompare, onRestore }: RevisionItemProps) {
  const { t } = useI18n();
  const describedBy = useId();
  const comparisonId = useId();
  const { editor } = revision;
  return (
    <li className="list-group-item" data-testid="revision">
      <div className="d-flex flex-wrap align-items-start gap-2">
        <div className="flex-grow-1 min-w-0" id={describedBy}>
          <div className="fw-semibold text-break">{revision.title}</div>
          <div className="small text-body-secondary">
            <TimedPhrase
              message={
                editor
                  ? t('revisions.replaced', { name: editor.nickname })
                  : t('revisions.replacedUnknown')
              }
              dateTime={revision.createdAt}
            />
          </div>
        </div>
        <div className="d-flex gap-2">
          <button
            type="button"
            className="btn btn-sm btn-outline-secondary"
            aria-expanded={comparing}
            aria-controls={comparing ? comparisonId : undefined}
            aria-describedby={describedBy}
            onClick={onCompare}
            data-testid="compare-revision"
          >
            {t(comparing ? 'revisions.hideCompare' : 'revisions.compare')}
          </button>
          <button
            type="button"
            className="btn btn-sm btn-outline-primary"
            aria-describedby={describedBy}
            onClick={onRestore}
            data-testid="restore-revision"
          >
            {t('revisions.restore')}
          </button>
        </div>
      </div>
      {comparing && (
        <div id={comparisonId} className="mt-3">
          <RevisionComparison revision={revision} current={current} />
        </div>
      )}
    </li>
  );
}

function RevisionComparison({ revision, current }: { revision: Version; current: Version }) {
  const { t } = useI18n();
  const [module, setModule] = useState<DiffModule | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    loadDiffModule().then(
      (loaded) => live && setModule(loaded),
      (error: unknown) => live && setFailure(error),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  // The editor renders at each keystroke with a new `current`: the comparison runs again only
  // when the text changed, and after the keystroke has shown.
  const currentText = useDeferredValue(JSON.stringify(current));
  const comparison = useMemo(
    () => module?.compareVersions(revision, JSON.parse(currentText) as Version),
    [module, revision, currentText],
  );

  if (failure) {
    return (
      <ErrorAlert
        error={failure}
        onRetry={() => {
          setFailure(null);
          setAttempt((n) => n + 1);
        }}
      />
    );
  }
  if (!module || !comparison) return <Loading />;
  if (module.isSame(comparison)) {
    return (
      <p className="mb-0 text-body-secondary" data-testid="revision-same">
        {t('revisions.same')}
      </p>
    );
  }
  return <ComparisonView comparison={comparison} />;
}

function ComparisonView({ comparison }: { comparison: Comparison }) {
  const { t } = useI18n();
  const { title, excerpt, tags, content } = comparison;
  return (
    <div data-testid="revision-diff">
      <p className="small text-body-secondary mb-2">{t('revisions.legend')}</p>
      <dl className="revision-fields mb-0">
        <dt>{t('revisions.field.title')}</dt>
        <dd>{title ? <ValueDiff change={title} /> : <Unchanged />}</dd>
        <dt>{t('revisions.field.excerpt')}</dt>
        <dd>{excerpt ? <ValueDiff change={excerpt} /> : <Unchanged />}</dd>
        <dt>{t('revisions.field.tags')}</dt>
        <dd data-testid="diff-tags">
          {tags ? (
            <ul className="list-inline mb-0">
              {tags.removed.map((tag) => (
                <li key={`-${tag}`} className="list-inline-item">
                  <del className="badge diff-tag diff-removed">
                    <span aria-hidden="true">− </span>
                    <span className="visually-hidden">{t('revisions.removed')} </span>
                    {tag}
                  </del>
                </li>
              ))}
              {tags.added.map((tag) => (
                <li key={`+${tag}`} className="list-inline-item">
                  <ins className="badge diff-tag diff-added">
                    <span aria-hidden="true">+ </span>
                    <span className="visually-hidden">{t('revisions.added')} </span>
                    {tag}
                  </ins>
                </li>
              ))}
            </ul>
          ) : (
            <Unchanged />
          )}
        </dd>
        <dt>{t('revisions.field.content')}</dt>
        <dd data-testid="diff-content">{content ? <LineDiff rows={content} /> : <Unchanged />}</dd>
      </dl>
    </div>
  );
}

function Unchanged() {
  const { t } = useI18n();
  return <span className="small text-body-secondary">{t('revisions.unchanged')}</span>;
}

function ValueDiff({ change }: { change: ValueChange }) {
  const { t } = useI18n();
  const empty = t('revisions.emptyValue');
  return (
    <div className="revision-diff">
      <DiffLine kind="removed" text={change.before || empty} />
      <DiffLine kind="added" text={change.after || empty} />
    </div>
  );
}

function LineDiff({ rows }: { rows: DiffRow[] }) {
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale);
  return (
    <div className="revision-diff">
      {rows.map((row, index) =>
        row.kind === 'skip' ? (
          <div key={index} className="diff-line diff-skip">
            <span className="diff-marker" aria-hidden="true">
              ⋯
            </span>
            <span>{t('revisions.unchangedLines', { count: number.format(row.count) })}</span>
          </div>
        ) : (
          <DiffLine key={index} kind={row.kind} text={row.text} />
        ),
      )}
    </div>
  );
}

const MARKERS = { added: '+', removed: '−', same: ' ' } as const;

/** A line in colour and with its + or − (colour alone says nothing to some), in <ins> or <del>. */
function DiffLine({ kind, text }: { kind: 'same' | 'added' | 'removed'; text: string }) {
  const { t } = useI18n();
  const marker = (
    <span className="diff-marker" aria-hidden="true">
      {MARKERS[kind]}
    </span>
  );
  if (kind === 'same') {
    return (
      <div className="diff-line">
        {marker}
        <span className="diff-text">{text}</span>
      </div>
    );
  }
  const Tag = kind === 'added' ? 'ins' : 'del';
  return (
    <div className={`diff-line diff-${kind}`} data-kind={kind}>
      {marker}
      <Tag className="diff-text">
        <span className="visually-hidden">
          {t(kind === 'added' ? 'revisions.added' : 'revisions.removed')}{' '}
        </span>
        {text}
      </Tag>
    </div>
  );
}

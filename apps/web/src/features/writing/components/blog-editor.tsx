import { LIMITS } from '@folio/schema';
import type { EditorView } from '@codemirror/view';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { FieldError } from '../../../components/form-field';
import { useI18n } from '../../../lib/i18n';
import { useMediaQuery } from '../../../lib/use-media-query';
import type { VersionedBlog } from '../api/get-my-blog';
import type { BlogDraft } from '../blog-draft';
import { useTagSuggestions } from '../api/get-tags';
import { handOff } from '../handoff';
import { isFutureInput } from '../schedule';
import { useBlogEditor } from '../use-blog-editor';
import type { BlogEditorStart } from '../use-blog-editor';
import { useInlineUploads } from '../use-inline-uploads';
import { useLeaveGuard } from '../use-leave-guard';
import '../writing.scss';
import { ConflictAlert } from './conflict-alert';
import { CoverPicker } from './cover-picker';
import { EditorToolbar } from './editor-toolbar';
import { MarkdownEditor } from './markdown-editor';
import { MarkdownPreview } from './markdown-preview';
import { SaveStatus } from './save-status';
import { ScheduleField } from './schedule-field';
import { TagInput } from './tag-input';
import { UploadProgress } from './upload-progress';

/** Bootstrap's `lg`: from here the text and its preview stand side by side. */
const SIDE_BY_SIDE = '(min-width: 992px)';

interface BlogEditorProps {
  start: BlogEditorStart;
  /** Where the cursor was on the page this one took over from. */
  selection?: { anchor: number; head: number };
  /**
   * More below the fields, as wide as the page (the edit page's revisions and their
   * comparisons), given the blog as saved now with its ETag (null before the first save) and the
   * fields as the editor holds them.
   */
  below?: (saved: VersionedBlog | null, current: BlogDraft) => ReactNode;
}

/** A confirm dialog as a promise: the leave guard asks and waits for the answer. */
function useLeaveQuestion() {
  const [open, setOpen] = useState(false);
  const resolver = useRef<((leave: boolean) => void) | null>(null);
  const ask = useCallback(
    () =>
      new Promise<boolean>((resolve) => {
        resolver.current = resolve;
        setOpen(true);
      }),
    [],
  );
  const answer = (leave: boolean) => {
    setOpen(false);
    resolver.current?.(leave);
    resolver.current = null;
  };
  return { open, ask, answer };
}

export function BlogEditor({ start, selection, below }: BlogEditorProps) {
  const { t } = useI18n();
  const ids = useId();
  const inline = useInlineUploads();
  const [coverBusy, setCoverBusy] = useState(false);
  const uploadsBusy = inline.busy || coverBusy;
  const editor = useBlogEditor(start, uploadsBusy);
  const { current, update, session, state, dirty, saving, errors } = editor;
  const tags = useTagSuggestions();
  const wide = useMediaQuery(SIDE_BY_SIDE);
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const [view, setView] = useState<EditorView | null>(null);
  const question = useLeaveQuestion();
  const go = useLeaveGuard(dirty || saving || uploadsBusy, question.ask);
  const isNew = start.session === null;
  const isDraft = state === 'new' || state === 'draft';
  const future = isFutureInput(current.pubAt);

  const onView = useCallback(
    (next: EditorView | null) => {
      inline.setView(next);
      setView(next);
    },
    [inline],
  );

  // The first save gave the new blog its address: the page becomes its edit page, with the fields
  // as they are now (uploads and saves under way finish first, here).
  const created = isNew ? session?.blog.id : undefined;
  useEffect(() => {
    if (created === undefined || saving || uploadsBusy || !session) return;
    const main = view?.state.selection.main;
    handOff({
      blog: session.blog,
      etag: session.etag,
      saved: session.saved,
      current,
      savedAt: editor.savedAt ?? new Date(),
      selection: main ? { anchor: main.anchor, head: main.head } : undefined,
    });
    go(`/blogs/${created}/edit`, { replace: true });
    // Once, when the conditions first hold; the page leaves right after.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [created, saving, uploadsBusy]);

  const saveNow = useCallback(() => {
    if (isDraft) void editor.submit('draft');
    else if (dirty) void editor.submit('update');
  }, [dirty, editor, isDraft]);

  const titleId = `${ids}-title`;
  const excerptId = `${ids}-excerpt`;
  const blogId = session?.blog.id;

  const showPreview = wide || tab === 'preview';
  const more = below?.(session ? { blog: session.blog, etag: session.etag } : null, current);
  const text = (
    <MarkdownEditor
      value={current.content}
      onChange={(content) => update({ content })}
      onSave={saveNow}
      onImages={inline.start}
      onView={onView}
      label={t('write.content.label')}
      placeholder={t('write.content.placeholder')}
      linkText={t('write.toolbar.linkText')}
      initialSelection={selection}
      autoFocus={selection !== undefined}
      invalid={Boolean(errors.content)}
    />
  );

  return (
    <div className="writing-page" data-testid="blog-editor">
      <div className="writing-header d-flex flex-wrap align-items-center gap-2 mb-3">
        <h1 className="h3 mb-0 me-auto">{isNew ? t('write.titleNew') : t('write.titleEdit')}</h1>
        <span className={`badge ${stateBadge(state)}`} data-testid="blog-state">
          {t(`write.state.${state}`)}
        </span>
        <SaveStatus
          saving={saving}
          dirty={dirty}
          conflict={editor.conflict}
          failed={editor.failed}
          needsTitle={isNew && !session && !current.title.trim()}
          savedAt={editor.savedAt}
        />
        <div className="d-flex flex-wrap gap-2 writing-actions">
          {state === 'published' && blogId && (
            <Link className="btn btn-outline-secondary" to={`/blogs/${blogId}`}>
              {t('write.action.view')}
            </Link>
          )}
          {isDraft ? (
            <>
              <button
                type="button"
                className="btn btn-outline-secondary"
                disabled={saving || editor.conflict}
                onClick={() => void editor.submit('draft')}
              >
                {t('write.action.saveDraft')}
              </button>
              <button
                type="button"
                className="btn btn-primary"
                disabled={saving || uploadsBusy || editor.conflict}
                onClick={() => void editor.submit('publish')}
              >
                {future ? t('write.action.schedule') : t('write.action.publish')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="btn btn-primary"
              disabled={saving || uploadsBusy || editor.conflict || !dirty}
              onClick={() => void editor.submit('update')}
            >
              {t('write.action.update')}
            </button>
          )}
        </div>
      </div>

      {editor.conflict && <ConflictAlert onResolve={editor.resolveConflict} />}

      <div className="row g-4">
        <div className="col-xl-9">
          <div className="mb-3">
            <label htmlFor={titleId} className="form-label visually-hidden">
              {t('write.title.label')}
            </label>
            <input
              id={titleId}
              className={`form-control form-control-lg writing-title ${errors.title ? 'is-invalid' : ''}`}
              placeholder={t('write.title.placeholder')}
              value={current.title}
              maxLength={LIMITS.blogTitle}
              onChange={(event) => update({ title: event.target.value })}
              aria-invalid={errors.title ? true : undefined}
              autoFocus={isNew && selection === undefined}
              data-testid="title-input"
            />
            <FieldError message={errors.title} />
          </div>

          <div className="card writing-body">
            {!wide && (
              <ul className="nav nav-tabs px-2 pt-2" role="tablist">
                {(['write', 'preview'] as const).map((name) => (
                  <li key={name} className="nav-item" role="presentation">
                    <button
                      type="button"
                      role="tab"
                      aria-selected={tab === name}
                      className={`nav-link ${tab === name ? 'active' : ''}`}
                      onClick={() => setTab(name)}
                    >
                      {t(`write.tab.${name}`)}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {(wide || tab === 'write') && <EditorToolbar view={view} onImages={inline.start} />}
            <div className="row g-0">
              <div className={wide ? 'col-6 border-end' : tab === 'write' ? 'col-12' : 'd-none'}>
                {text}
              </div>
              {showPreview && (
                <div className={wide ? 'col-6' : 'col-12'}>
                  <section className="writing-preview" aria-label={t('write.preview.label')}>
                    <MarkdownPreview markdown={current.content} />
                  </section>
                </div>
              )}
            </div>
          </div>
          <FieldError message={errors.content} />
          {inline.uploads.length > 0 && (
            <div className="d-grid gap-2 mt-2">
              {inline.uploads.map((upload) => (
                <UploadProgress key={upload.key} name={upload.name} fraction={upload.fraction} />
              ))}
            </div>
          )}
          <p className="form-text">{t('write.content.hint')}</p>
        </div>

        <aside className="col-xl-3 writing-aside" aria-label={t('write.aside.label')}>
          <div className="card mb-3">
            <div className="card-body">
              <h2 className="h6">{t('write.aside.publishing')}</h2>
              <ScheduleField
                value={current.pubAt}
                onChange={(pubAt) => update({ pubAt })}
                error={errors.pubDate}
                published={!isDraft}
              />
            </div>
          </div>
          <div className="card mb-3">
            <div className="card-body">
              <CoverPicker
                cover={current.cover}
                onChange={(cover) => update({ cover })}
                onBusyChange={setCoverBusy}
                error={errors.coverId}
              />
            </div>
          </div>
          <div className="card mb-3">
            <div className="card-body">
              <TagInput
                tags={current.tags}
                onChange={(next) => update({ tags: next })}
                known={tags.data?.items.map((tag) => tag.name) ?? []}
                error={errors.tags}
              />
            </div>
          </div>
          <div className="card mb-3">
            <div className="card-body">
              <label htmlFor={excerptId} className="form-label">
                {t('write.excerpt.label')}
              </label>
              <textarea
                id={excerptId}
                className={`form-control ${errors.excerpt ? 'is-invalid' : ''}`}
                rows={3}
                maxLength={LIMITS.blogExcerpt}
                value={current.excerpt}
                onChange={(event) => update({ excerpt: event.target.value })}
                aria-describedby={`${excerptId}-hint`}
                data-testid="excerpt-input"
              />
              <FieldError message={errors.excerpt} />
              <div
                id={`${excerptId}-hint`}
                className="form-text d-flex justify-content-between gap-2"
              >
                <span>{t('write.excerpt.hint')}</span>
                <span>
                  {t('write.counter', { count: current.excerpt.length, max: LIMITS.blogExcerpt })}
                </span>
              </div>
            </div>
          </div>
        </aside>
      </div>

      {more && <div className="mt-4">{more}</div>}

      <ConfirmDialog
        open={question.open}
        title={t('write.leave.title')}
        confirmLabel={t('write.leave.confirm')}
        onConfirm={() => question.answer(true)}
        onClose={() => question.answer(false)}
      >
        <p className="mb-0">{t('write.leave.text')}</p>
      </ConfirmDialog>
    </div>
  );
}

function stateBadge(state: string): string {
  if (state === 'published') return 'text-bg-success';
  if (state === 'scheduled') return 'text-bg-info';
  return 'text-bg-secondary';
}

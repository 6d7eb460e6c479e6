import { IdSchema } from '@folio/schema';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { NotFoundState } from '../../components/not-found-state';
import { myBlogQueryOptions } from '../../features/writing/api/get-my-blog';
import type { VersionedBlog } from '../../features/writing/api/get-my-blog';
import { BlogEditor } from '../../features/writing/components/blog-editor';
import { RevisionsPanel } from '../../features/writing/components/revisions-panel';
import { WritingGate } from '../../features/writing/components/writing-gate';
import { clearHandoff, peekHandoff } from '../../features/writing/handoff';
import type { BlogDraft } from '../../features/writing/blog-draft';
import { startFromBlog, startFromHandoff } from '../../features/writing/use-blog-editor';
import { ApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';

export function EditBlogPage() {
  const id = IdSchema.safeParse(useParams().id);
  return (
    <WritingGate>
      {id.success ? <EditBlog key={id.data} id={id.data} /> : <EditNotFound />}
    </WritingGate>
  );
}

function EditBlog({ id }: { id: number }) {
  const { t } = useI18n();
  useDocumentTitle(t('write.titleEdit'));
  // Just created on /write: that page's fields, as they were, instead of a reload.
  const [handoff, setHandoff] = useState(() => peekHandoff(id));
  useEffect(() => clearHandoff(id), [id]);
  const queryClient = useQueryClient();
  const loaded = useQuery({ ...myBlogQueryOptions(id), enabled: handoff === null });

  // The editor keeps its own fields across its saves (each one updates the query's data): only a
  // restored revision, the blog as saved now, starts it again, whichever way it started.
  const [generation, setGeneration] = useState(0);
  const restored = (saved: VersionedBlog) => {
    queryClient.setQueryData(myBlogQueryOptions(id).queryKey, saved);
    setHandoff(null);
    setGeneration((n) => n + 1);
  };
  // Only saves of a published (or scheduled) blog keep the version they replace.
  const revisions = (saved: VersionedBlog | null, current: BlogDraft) =>
    saved && saved.blog.status !== 'draft' ? (
      <RevisionsPanel blogId={id} current={current} onRestored={restored} />
    ) : null;

  if (handoff)
    return (
      <BlogEditor
        start={startFromHandoff(handoff)}
        selection={handoff.selection}
        below={revisions}
      />
    );
  if (loaded.isPending) return <Loading />;
  if (loaded.isError) {
    const { error } = loaded;
    if (error instanceof ApiError && error.status === 404) return <EditNotFound />;
    if (error instanceof ApiError && error.status === 403) return <CannotEdit id={id} />;
    return <ErrorAlert error={error} onRetry={() => void loaded.refetch()} />;
  }
  if (loaded.data.blog.status === 'trashed') return <InTrash />;
  return <BlogEditor key={generation} start={startFromBlog(loaded.data)} below={revisions} />;
}

function EditNotFound() {
  const { t } = useI18n();
  useDocumentTitle(t('write.notFound.title'));
  return (
    <NotFoundState
      title={t('write.notFound.title')}
      text={t('write.notFound.text')}
      backTo="/write"
      backLabel={t('write.notFound.back')}
    />
  );
}

/** Another writer's blog: nobody but its author (or a moderator) changes it. */
function CannotEdit({ id }: { id: number }) {
  const { t } = useI18n();
  useDocumentTitle(t('write.forbidden.title'));
  return (
    <section className="text-center py-5" data-testid="cannot-edit">
      <p className="display-4 fw-bold text-body-tertiary mb-2" aria-hidden="true">
        403
      </p>
      <h1 className="h3">{t('write.forbidden.title')}</h1>
      <p className="text-body-secondary">{t('write.forbidden.text')}</p>
      <div className="d-flex flex-wrap justify-content-center gap-2">
        <Link to={`/blogs/${id}`} className="btn btn-outline-secondary">
          {t('write.forbidden.read')}
        </Link>
        <Link to="/write" className="btn btn-primary">
          {t('write.forbidden.write')}
        </Link>
      </div>
    </section>
  );
}

function InTrash() {
  const { t } = useI18n();
  return (
    <section className="text-center py-5" data-testid="blog-in-trash">
      <h1 className="h3">{t('write.trashed.title')}</h1>
      <p className="text-body-secondary">{t('write.trashed.text')}</p>
    </section>
  );
}

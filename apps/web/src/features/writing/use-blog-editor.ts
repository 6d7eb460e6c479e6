import type { MyBlog, MyBlogStatus } from '@folio/schema';
import { UpdateBlogBody } from '@folio/schema';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useToast } from '../../components/toast-context';
import { ApiError } from '../../lib/api-client';
import { blogWritten } from '../../lib/api/blog-writes';
import { apiFieldErrors, validate } from '../../lib/form-errors';
import type { FieldErrors } from '../../lib/form-errors';
import { translate, useI18n } from '../../lib/i18n';
import { fetchMyBlog, myBlogQueryOptions } from './api/get-my-blog';
import type { VersionedBlog } from './api/get-my-blog';
import { createBlog, updateBlog } from './api/save-blog';
import { allFields, draftOf, EMPTY_DRAFT, hasChanges, pubDateOf, saveBody } from './blog-draft';
import type { BlogDraft } from './blog-draft';
import type { EditorHandoff } from './handoff';

/**
 * How a save is meant: `auto` (a draft's own saving), `draft` (Save draft), `publish` (Publish or
 * Schedule) and `update` (a published or scheduled blog's changes).
 */
export type SaveIntent = 'auto' | 'draft' | 'publish' | 'update';

/** Quiet for this long after a change, a draft saves itself; typing on, it saves by the longest. */
export const AUTOSAVE_QUIET_MS = 2000;
export const AUTOSAVE_LONGEST_MS = 8000;
const RETRY_MS = 15_000;

interface Session extends VersionedBlog {
  blog: MyBlog;
  /** The fields as the API has them now. */
  saved: BlogDraft;
}

export interface BlogEditorStart {
  session: Session | null;
  current: BlogDraft;
  savedAt: Date | null;
}

export function startFromBlog(loaded: VersionedBlog): BlogEditorStart {
  const saved = draftOf(loaded.blog);
  return {
    session: { ...loaded, saved },
    current: saved,
    savedAt: new Date(loaded.blog.updatedAt),
  };
}

export function startFromHandoff(handoff: EditorHandoff): BlogEditorStart {
  const { blog, etag, saved, current, savedAt } = handoff;
  return { session: { blog, etag, saved }, current, savedAt };
}

export const NEW_BLOG: BlogEditorStart = { session: null, current: EMPTY_DRAFT, savedAt: null };

/**
 * The writing page's state and its saving: the fields, what the API holds, the autosave of a
 * draft, the explicit saves, and the 412 of a blog changed elsewhere.
 */
export function useBlogEditor(start: BlogEditorStart, uploadsBusy: boolean) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState<BlogDraft>(start.current);
  const [session, setSession] = useState<Session | null>(start.session);
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(start.savedAt);
  const [failed, setFailed] = useState(false);
  const [conflict, setConflict] = useState<SaveIntent | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [retryTick, setRetryTick] = useState(0);
  const currentRef = useRef(current);
  const sessionRef = useRef(session);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const dirtySince = useRef<number | null>(null);

  useEffect(() => {
    currentRef.current = current;
    sessionRef.current = session;
  });

  const saved = session?.saved ?? EMPTY_DRAFT;
  const dirty = hasChanges(saved, current);
  const state: MyBlogStatus | 'new' = session?.blog.status ?? 'new';
  const isDraft = state === 'new' || state === 'draft';

  const update = useCallback((change: Partial<BlogDraft>) => {
    setCurrent((previous) => ({ ...previous, ...change }));
    setErrors((previous) => {
      const next = { ...previous };
      for (const key of Object.keys(change)) {
        delete next[key === 'cover' ? 'coverId' : key === 'pubAt' ? 'pubDate' : key];
      }
      return next;
    });
  }, []);

  const store = useCallback(
    (result: VersionedBlog, sent: BlogDraft) => {
      const before = sessionRef.current?.blog.status ?? 'draft';
      const fromApi = draftOf(result.blog);
      // What was sent is what the API holds now; a draft's time stays the writer's choice.
      const nowSaved: BlogDraft = {
        ...sent,
        pubAt: result.blog.status === 'draft' ? sent.pubAt : fromApi.pubAt,
      };
      const next: Session = { ...result, saved: nowSaved };
      sessionRef.current = next;
      setSession(next);
      setCurrent((latest) =>
        latest.pubAt === sent.pubAt ? { ...latest, pubAt: nowSaved.pubAt } : latest,
      );
      setSavedAt(new Date());
      setFailed(false);
      queryClient.setQueryData(myBlogQueryOptions(result.blog.id).queryKey, {
        blog: result.blog,
        etag: result.etag,
      });
      blogWritten(queryClient, result.blog.id, {
        fromEditor: true,
        public: before !== 'draft' || result.blog.status !== 'draft',
      });
    },
    [queryClient],
  );

  const report = useCallback(
    (error: unknown, intent: SaveIntent) => {
      if (error instanceof ApiError && error.code === 'PRECONDITION_FAILED') {
        setConflict(intent);
        return;
      }
      setFailed(true);
      setErrors(apiFieldErrors(error));
      // An autosave that failed (the network, say) tries again by itself a little later.
      if (intent === 'auto') setTimeout(() => setRetryTick((n) => n + 1), RETRY_MS);
      const text = error instanceof ApiError ? error.message : t('error.unexpected');
      toast.show({ kind: 'danger', text: t('write.saveFailed', { reason: text }) });
    },
    [t, toast],
  );

  const run = useCallback(
    async (intent: SaveIntent, full: boolean): Promise<boolean> => {
      const sent = currentRef.current;
      const known = sessionRef.current;
      if (!known) {
        const body = {
          ...allFields(sent),
          status: intent === 'publish' ? ('published' as const) : ('draft' as const),
          ...(intent === 'publish' && pubDateOf(sent) && { pubDate: pubDateOf(sent) }),
        };
        const checked = validate(UpdateBlogBody, body);
        if (checked.errors) {
          setErrors(checked.errors);
          return false;
        }
        setSaving(true);
        try {
          store(await createBlog(body), sent);
          return true;
        } catch (error) {
          report(error, intent);
          return false;
        } finally {
          setSaving(false);
        }
      }

      const body = saveBody(known.saved, sent, intent === 'auto' ? 'update' : intent, full);
      if (intent === 'auto' && 'pubDate' in body) delete body.pubDate;
      // A changed time on a published blog that was emptied means "now".
      if (intent === 'update' && sent.pubAt === '' && known.saved.pubAt !== '') {
        body.pubDate = new Date().toISOString();
      }
      if (Object.keys(body).length === 0) {
        if (intent !== 'auto') setSavedAt(new Date());
        return true;
      }
      const checked = validate(UpdateBlogBody, body);
      if (checked.errors) {
        setErrors(checked.errors);
        return false;
      }
      setSaving(true);
      try {
        store(await updateBlog(known.blog.id, body, known.etag), sent);
        return true;
      } catch (error) {
        report(error, intent);
        return false;
      } finally {
        setSaving(false);
      }
    },
    [store, report],
  );

  /** Saves one at a time: a save asked for during another runs after it, with the fields then. */
  const save = useCallback(
    (intent: SaveIntent, full = false): Promise<boolean> => {
      const next = queue.current.then(() => run(intent, full));
      queue.current = next.catch(() => undefined);
      return next;
    },
    [run],
  );

  // A draft (or a new blog with a title) saves itself once the writer pauses.
  useEffect(() => {
    if (!dirty) {
      dirtySince.current = null;
      return;
    }
    dirtySince.current ??= Date.now();
    if (!isDraft || conflict || saving || uploadsBusy) return;
    if (!current.title.trim()) return;
    const waited = Date.now() - dirtySince.current;
    const delay = Math.max(0, Math.min(AUTOSAVE_QUIET_MS, AUTOSAVE_LONGEST_MS - waited));
    const timer = setTimeout(() => void save('auto'), delay);
    return () => clearTimeout(timer);
  }, [current, dirty, isDraft, conflict, saving, uploadsBusy, save, retryTick]);

  /** Explicit saves say how they went. */
  const submit = useCallback(
    async (intent: Exclude<SaveIntent, 'auto'>) => {
      const ok = await save(intent);
      if (!ok) return false;
      const blog = sessionRef.current?.blog;
      const when = blog
        ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
            new Date(blog.pubDate),
          )
        : '';
      const key =
        intent === 'draft'
          ? 'write.saved.draft'
          : blog?.status === 'scheduled'
            ? 'write.saved.scheduled'
            : intent === 'publish'
              ? 'write.saved.published'
              : 'write.saved.updated';
      toast.show({ kind: 'success', text: translate(locale, key, { time: when }) });
      return true;
    },
    [locale, save, toast],
  );

  /** The 412's choices: take the version saved elsewhere, or put these fields over it. */
  const resolveConflict = useCallback(
    async (choice: 'theirs' | 'mine') => {
      const known = sessionRef.current;
      if (!known) return;
      let fresh: VersionedBlog;
      try {
        fresh = await fetchMyBlog(known.blog.id);
      } catch (error) {
        toast.show({
          kind: 'danger',
          text: error instanceof ApiError ? error.message : t('error.unexpected'),
        });
        return;
      }
      const intent = conflict ?? 'auto';
      setConflict(null);
      if (choice === 'theirs') {
        const start = startFromBlog(fresh);
        sessionRef.current = start.session;
        currentRef.current = start.current;
        setSession(start.session);
        setCurrent(start.current);
        setSavedAt(start.savedAt);
        setErrors({});
        toast.show({ kind: 'info', text: t('write.conflict.reloaded') });
        return;
      }
      const next: Session = { ...fresh, saved: draftOf(fresh.blog) };
      sessionRef.current = next;
      setSession(next);
      const ok = await save(
        intent === 'auto' ? (next.blog.status === 'draft' ? 'draft' : 'update') : intent,
        true,
      );
      if (ok) toast.show({ kind: 'success', text: t('write.conflict.overwritten') });
    },
    [conflict, save, t, toast],
  );

  return {
    current,
    update,
    session,
    state,
    dirty,
    saving,
    savedAt,
    failed,
    conflict: conflict !== null,
    errors,
    save,
    submit,
    resolveConflict,
  };
}

import { AVATAR_MIME_TYPES, LIMITS } from '@folio/schema';
import type { Me } from '@folio/schema';
import { useEffect, useId, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { FieldError } from '../../../components/form-field';
import { useToast } from '../../../components/toast-context';
import { apiFieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import type { MessageKey } from '../../../lib/i18n';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useUploadAvatar } from '../api/upload-avatar';
import { UserAvatar } from './user-avatar';

interface Chosen {
  file: File;
  preview: string;
}

const ACCEPTED: ReadonlySet<string> = new Set(AVATAR_MIME_TYPES);
/** The API's size limit as people read it ("2 MB"). */
const MAX_SIZE = `${LIMITS.avatarBytes / (1024 * 1024)} MB`;

/**
 * What is wrong with a chosen file, before anything is sent. The browser's type comes from the
 * file's name, so the API still checks the bytes; this spares a round trip and a broken preview.
 */
function problemWith(file: File): MessageKey | null {
  if (!ACCEPTED.has(file.type)) return 'account.avatar.wrongType';
  if (file.size > LIMITS.avatarBytes) return 'account.avatar.tooLarge';
  return null;
}

/** Pick a picture, see it as it will look, then upload it (the API crops it square). */
export function AvatarUpload({ me }: { me: Me }) {
  const { t } = useI18n();
  const toast = useToast();
  const upload = useUploadAvatar();
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const { errors, setErrors, showApiError } = useFormErrors((text) =>
    toast.show({ kind: 'danger', text }),
  );
  // The browser's own finding, kept as a key so it follows a change of language on this page.
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const error = problem ? t(problem, { max: MAX_SIZE }) : errors.avatar;

  useEffect(() => {
    if (!chosen) return;
    return () => URL.revokeObjectURL(chosen.preview);
  }, [chosen]);

  function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const found = problemWith(file);
    setProblem(found);
    setErrors({});
    if (found) {
      setChosen(null);
      return;
    }
    setChosen({ file, preview: URL.createObjectURL(file) });
  }

  /** The browser could not draw it: the API would not read it either, so it is not offered. */
  function previewFailed() {
    setChosen(null);
    setProblem('account.avatar.unreadable');
  }

  function save() {
    if (!chosen) return;
    upload.mutate(chosen.file, {
      onSuccess: () => {
        setChosen(null);
        toast.show({ kind: 'success', text: t('account.avatar.saved') });
      },
      onError: (failure) => {
        // Only the file is a field here; any other failure is said in a toast.
        const { avatar } = apiFieldErrors(failure);
        showApiError(failure, avatar ? { avatar } : {});
      },
    });
  }

  return (
    <section aria-labelledby={`${id}-title`} data-testid="avatar-upload">
      <h2 className="h5" id={`${id}-title`}>
        {t('account.avatar.title')}
      </h2>
      <div className="d-flex flex-wrap align-items-center gap-3">
        {chosen ? (
          <UserAvatar
            key={chosen.preview}
            me={me}
            size={96}
            src={chosen.preview}
            alt={t('account.avatar.preview')}
            onFailed={previewFailed}
          />
        ) : (
          <UserAvatar me={me} size={96} />
        )}
        <div className="d-flex flex-wrap gap-2">
          <input
            ref={inputRef}
            id={id}
            name="avatar"
            type="file"
            accept={AVATAR_MIME_TYPES.join(',')}
            className="visually-hidden"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${errorId} ${hintId}` : hintId}
            onChange={choose}
            data-testid="avatar-input"
          />
          <label htmlFor={id} className="btn btn-outline-secondary mb-0">
            {t('account.avatar.choose')}
          </label>
          {chosen && (
            <>
              <button
                type="button"
                className="btn btn-primary"
                onClick={save}
                disabled={upload.isPending}
              >
                {upload.isPending && (
                  <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />
                )}
                {t('account.avatar.upload')}
              </button>
              <button
                type="button"
                className="btn btn-link"
                onClick={() => setChosen(null)}
                disabled={upload.isPending}
              >
                {t('common.cancel')}
              </button>
            </>
          )}
        </div>
      </div>
      <FieldError id={errorId} message={error} />
      <div id={hintId} className="form-text">
        {t('account.avatar.hint', { max: MAX_SIZE })}
      </div>
    </section>
  );
}

import { AVATAR_MIME_TYPES, LIMITS } from '@folio/schema';
import type { Me } from '@folio/schema';
import { useEffect, useId, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { FieldError } from '../../../components/form-field';
import { useToast } from '../../../components/toast-context';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useUploadAvatar } from '../api/upload-avatar';
import { UserAvatar } from './user-avatar';

interface Chosen {
  file: File;
  preview: string;
}

/** Pick a picture, see it as it will look, then upload it (the API crops it square). */
export function AvatarUpload({ me }: { me: Me }) {
  const { t } = useI18n();
  const toast = useToast();
  const upload = useUploadAvatar();
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!chosen) return;
    return () => URL.revokeObjectURL(chosen.preview);
  }, [chosen]);

  function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const allowed = (AVATAR_MIME_TYPES as readonly string[]).includes(file.type);
    if (!allowed || file.size > LIMITS.avatarBytes) {
      setError('imageInvalid');
      setChosen(null);
      return;
    }
    setError(undefined);
    setChosen({ file, preview: URL.createObjectURL(file) });
  }

  function save() {
    if (!chosen) return;
    upload.mutate(chosen.file, {
      onSuccess: () => {
        setChosen(null);
        toast.show({ kind: 'success', text: t('account.avatar.saved') });
      },
      onError: (failure) => {
        const problem = failure instanceof ApiError ? failure.errors?.file : undefined;
        if (problem) setError(problem);
        else {
          toast.show({
            kind: 'danger',
            text: failure instanceof ApiError ? failure.message : t('error.unexpected'),
          });
        }
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
          <img
            src={chosen.preview}
            alt={t('account.avatar.preview')}
            className="rounded-circle object-fit-cover"
            width={96}
            height={96}
          />
        ) : (
          <UserAvatar me={me} size={96} />
        )}
        <div className="d-flex flex-wrap gap-2">
          <input
            ref={inputRef}
            id={id}
            type="file"
            accept={AVATAR_MIME_TYPES.join(',')}
            className="visually-hidden"
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
      <FieldError message={error} />
      <div className="form-text">{t('account.avatar.hint')}</div>
    </section>
  );
}

import type { Upload } from '@folio/schema';
import { useId, useRef, useState } from 'react';
import { FieldError } from '../../../components/form-field';
import { useToast } from '../../../components/toast-context';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { uploadImage } from '../api/upload-image';
import { UploadProgress } from './upload-progress';

/**
 * The shapes a cover is cut to: a card in the blog lists, and a wide banner. Each frame shows
 * the picture with `object-fit: cover`, as the pages will.
 */
const FRAMES = [
  { key: 'list', ratio: '16 / 9', label: 'write.cover.list' },
  { key: 'wide', ratio: '21 / 9', label: 'write.cover.wide' },
] as const;

interface CoverPickerProps {
  cover: Upload | null;
  onChange: (cover: Upload | null) => void;
  /** Counts an upload under way, so nothing leaves the page or saves without it. */
  onBusyChange: (busy: boolean) => void;
  error?: string;
}

export function CoverPicker({ cover, onChange, onBusyChange, error }: CoverPickerProps) {
  const { t } = useI18n();
  const toast = useToast();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [upload, setUpload] = useState<{ name: string; fraction: number } | null>(null);

  async function choose(file: File) {
    setUpload({ name: file.name, fraction: 0 });
    onBusyChange(true);
    try {
      const uploaded = await uploadImage(file, {
        onProgress: (fraction) => setUpload({ name: file.name, fraction }),
      });
      onChange(uploaded);
    } catch (failure) {
      const text = failure instanceof ApiError ? failure.message : t('error.unexpected');
      toast.show({
        kind: 'danger',
        text: t('write.upload.failed', { name: file.name, reason: text }),
      });
    } finally {
      setUpload(null);
      onBusyChange(false);
    }
  }

  const srcSet = cover?.variants.map((v) => `${v.url} ${v.width}w`).join(', ');
  return (
    <div className="cover-picker" data-testid="cover-picker">
      <label htmlFor={id} className="form-label d-block">
        {t('write.cover.label')}
      </label>
      <div className="d-flex flex-wrap align-items-center gap-2 mb-2">
        <button
          type="button"
          className="btn btn-sm btn-outline-primary"
          onClick={() => input.current?.click()}
          disabled={upload !== null}
        >
          {cover ? t('write.cover.replace') : t('write.cover.choose')}
        </button>
        {cover && (
          <button
            type="button"
            className="btn btn-sm btn-outline-danger"
            onClick={() => onChange(null)}
            disabled={upload !== null}
          >
            {t('write.cover.remove')}
          </button>
        )}
      </div>
      <input
        ref={input}
        id={id}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/gif"
        className="visually-hidden"
        tabIndex={-1}
        data-testid="cover-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void choose(file);
        }}
      />
      {upload && <UploadProgress name={upload.name} fraction={upload.fraction} />}
      {cover ? (
        <div className="row g-2" data-testid="cover-preview">
          {FRAMES.map((frame) => (
            <figure key={frame.key} className={frame.key === 'list' ? 'col-5' : 'col-7'}>
              <div className="cover-frame rounded border" style={{ aspectRatio: frame.ratio }}>
                <img
                  src={cover.url}
                  srcSet={srcSet}
                  sizes="(min-width: 1200px) 20vw, 50vw"
                  alt=""
                  className="w-100 h-100"
                />
              </div>
              <figcaption className="form-text mt-1">{t(frame.label)}</figcaption>
            </figure>
          ))}
        </div>
      ) : (
        !upload && <p className="form-text mt-0">{t('write.cover.none')}</p>
      )}
      <FieldError message={error} />
    </div>
  );
}

import type { Captcha } from '@folio/schema';
import type { UseQueryResult } from '@tanstack/react-query';
import { useId } from 'react';
import { FieldError } from './form-field';
import { useI18n } from '../lib/i18n';

interface CaptchaFieldProps {
  captcha: UseQueryResult<Captcha>;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** Shown on request ("Send again"), where the person's next step is typing the answer. */
  autoFocus?: boolean;
}

/** The picture and its answer; a click on the picture draws a new one. */
export function CaptchaField({ captcha, value, onChange, error, autoFocus }: CaptchaFieldProps) {
  const { t } = useI18n();
  const id = useId();
  const errorId = `${id}-error`;

  function renew() {
    onChange('');
    void captcha.refetch();
  }

  return (
    <div className="mb-3">
      <label htmlFor={id} className="form-label">
        {t('captcha.label')}
      </label>
      <div className="d-flex gap-2 align-items-start">
        <input
          id={id}
          name="captchaText"
          className={`form-control ${error ? 'is-invalid' : ''}`}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={16}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          data-testid="captcha-input"
          autoFocus={autoFocus}
        />
        <button
          type="button"
          className="btn btn-outline-secondary p-0 captcha-picture flex-shrink-0"
          onClick={renew}
          title={t('captcha.renew')}
          aria-label={t('captcha.renew')}
          disabled={captcha.isFetching}
          data-testid="captcha-picture"
          data-captcha-id={captcha.data?.id}
        >
          {captcha.data ? (
            <img
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(captcha.data.svg)}`}
              alt={t('captcha.alt')}
            />
          ) : (
            <span className="spinner-border spinner-border-sm text-secondary" role="status">
              <span className="visually-hidden">{t('common.loading')}</span>
            </span>
          )}
        </button>
      </div>
      <FieldError id={errorId} message={error} />
      {captcha.isError && <div className="form-text text-danger">{t('captcha.loadFailed')}</div>}
    </div>
  );
}

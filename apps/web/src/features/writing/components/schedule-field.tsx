import { useId } from 'react';
import { FieldError } from '../../../components/form-field';
import { useI18n } from '../../../lib/i18n';
import { fromLocalInput, isFutureInput } from '../schedule';

interface ScheduleFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** A published blog always has a time: no "now" for it. */
  published: boolean;
}

/** The publication time in the person's own time zone; the API gets it in UTC. */
export function ScheduleField({ value, onChange, error, published }: ScheduleFieldProps) {
  const { t, locale } = useI18n();
  const id = useId();
  const hintId = `${id}-hint`;
  const iso = fromLocalInput(value);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  let hint = published ? t('write.schedule.hintPublished') : t('write.schedule.hintNow');
  if (iso) {
    const when = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(iso));
    hint = isFutureInput(value)
      ? t('write.schedule.hintFuture', { time: when })
      : t('write.schedule.hintPast', { time: when });
  }
  return (
    <div className="mb-3">
      <label htmlFor={id} className="form-label">
        {t('write.schedule.label')}
      </label>
      <div className="input-group">
        <input
          id={id}
          type="datetime-local"
          className={`form-control ${error ? 'is-invalid' : ''}`}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby={hintId}
          aria-invalid={error ? true : undefined}
          data-testid="schedule-input"
        />
        {value && (
          <button
            type="button"
            className="btn btn-outline-secondary"
            onClick={() => onChange('')}
            aria-label={t('write.schedule.clear')}
            title={t('write.schedule.clear')}
          >
            {t('write.schedule.now')}
          </button>
        )}
      </div>
      <FieldError message={error} />
      <div id={hintId} className="form-text">
        <span className="d-block">{hint}</span>
        <span className="d-block">{t('write.schedule.zone', { zone })}</span>
      </div>
    </div>
  );
}

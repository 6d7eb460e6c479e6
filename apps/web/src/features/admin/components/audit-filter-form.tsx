import { AUDIT_ACTIONS, AUDIT_TARGETS, AuditFilter } from '@folio/schema';
import type { AuditFilterValue } from '@folio/schema';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { FieldError, TextField } from '../../../components/form-field';
import { validate } from '../../../lib/form-errors';
import type { FieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { actionText, targetTypeText } from '../audit-texts';

export const AUDIT_FILTER_FIELDS = [
  'action',
  'actorId',
  'targetType',
  'targetId',
  'from',
  'to',
] as const satisfies readonly (keyof AuditFilterValue)[];

type FilterField = (typeof AUDIT_FILTER_FIELDS)[number];

interface AuditFilterFormProps {
  /** The filter applied now (the URL's). */
  value: AuditFilterValue;
  /** A new filter, checked with the API's schema; fields left empty are absent. */
  onApply: (filter: AuditFilterValue) => void;
}

const TARGET_ID_MAX = AuditFilter.shape.targetId.unwrap().maxLength ?? undefined;

/** The audit log's filters: what happened, who did it, to what, between which days. */
export function AuditFilterForm({ value, onApply }: AuditFilterFormProps) {
  const { t } = useI18n();
  const [errors, setErrors] = useState<FieldErrors>({});
  const applied = AUDIT_FILTER_FIELDS.some((field) => value[field] !== undefined);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values: Partial<Record<FilterField, string>> = {};
    for (const field of AUDIT_FILTER_FIELDS) {
      const entry = form.get(field);
      const text = typeof entry === 'string' ? entry.trim() : '';
      if (text) values[field] = text;
    }
    const result = validate(AuditFilter, values);
    if (result.errors) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    onApply(result.data);
  }

  function clear() {
    setErrors({});
    onApply({});
  }

  return (
    // Keyed by the applied filter: going back in history shows that filter in the fields again.
    <form
      key={JSON.stringify(AUDIT_FILTER_FIELDS.map((field) => value[field]))}
      className="card card-body mb-3"
      onSubmit={submit}
      noValidate
      aria-label={t('admin.audit.filter.label')}
      data-testid="audit-filter"
    >
      <div className="row g-2">
        <div className="col-12 col-md-6 col-xl-4">
          <FilterSelect
            label={t('admin.audit.filter.action')}
            name="action"
            value={value.action}
            anyLabel={t('admin.audit.filter.anyAction')}
            options={AUDIT_ACTIONS.map((action) => ({
              value: action,
              label: actionText(action, t),
            }))}
            error={errors.action}
          />
        </div>
        <div className="col-6 col-md-3">
          <TextField
            className="mb-0"
            label={t('admin.audit.filter.actorId')}
            name="actorId"
            inputMode="numeric"
            defaultValue={value.actorId ?? ''}
            error={errors.actorId}
          />
        </div>
        <div className="col-6 col-md-3 col-xl-2">
          <FilterSelect
            label={t('admin.audit.filter.targetType')}
            name="targetType"
            value={value.targetType}
            anyLabel={t('admin.audit.filter.anyTarget')}
            options={AUDIT_TARGETS.map((type) => ({ value: type, label: targetTypeText(type, t) }))}
            error={errors.targetType}
          />
        </div>
        <div className="col-12 col-md-6 col-xl-3">
          <TextField
            className="mb-0"
            label={t('admin.audit.filter.targetId')}
            name="targetId"
            maxLength={TARGET_ID_MAX}
            defaultValue={value.targetId ?? ''}
            error={errors.targetId}
          />
        </div>
        <div className="col-6 col-md-3">
          <TextField
            className="mb-0"
            label={t('admin.audit.filter.from')}
            name="from"
            type="date"
            defaultValue={value.from ?? ''}
            error={errors.from}
          />
        </div>
        <div className="col-6 col-md-3">
          <TextField
            className="mb-0"
            label={t('admin.audit.filter.to')}
            name="to"
            type="date"
            defaultValue={value.to ?? ''}
            error={errors.to}
          />
        </div>
      </div>
      <div className="form-text">{t('admin.audit.filter.utcHint')}</div>
      <div className="d-flex flex-wrap gap-2 mt-3">
        <button type="submit" className="btn btn-primary">
          {t('admin.audit.filter.apply')}
        </button>
        {applied && (
          <button type="button" className="btn btn-outline-secondary" onClick={clear}>
            {t('admin.audit.filter.clear')}
          </button>
        )}
      </div>
    </form>
  );
}

interface FilterSelectProps {
  label: string;
  name: FilterField;
  value: string | undefined;
  anyLabel: string;
  options: { value: string; label: string }[];
  error: string | undefined;
}

function FilterSelect({ label, name, value, anyLabel, options, error }: FilterSelectProps) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      <select
        id={id}
        name={name}
        className={`form-select ${error ? 'is-invalid' : ''}`}
        defaultValue={value ?? ''}
        aria-invalid={error ? true : undefined}
      >
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError message={error} />
    </div>
  );
}

import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { z } from 'zod';
import { FieldError, TextField } from '../../../components/form-field';
import { validate } from '../../../lib/form-errors';
import type { FieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';

export interface FilterFieldSpec {
  name: string;
  label: string;
  type: 'search' | 'id' | 'date' | 'select';
  /** A select's choices, after its "any" choice. */
  options?: { value: string; label: string }[];
  /** A select's "any" choice. */
  anyLabel?: string;
  /** The column's classes in the form's grid. */
  className?: string;
  maxLength?: number;
}

interface ListFilterFormProps<S extends z.ZodObject> {
  /** The API's filter schema: what it refuses is said under the field, and not applied. */
  schema: S;
  fields: FilterFieldSpec[];
  /** The filter applied now (the URL's). */
  value: Partial<Record<string, unknown>>;
  /** The new filter; fields left empty are absent. */
  onApply: (filter: z.output<S>) => void;
  label: string;
  hint?: string;
  testId?: string;
}

/** A staff list's filters, applied together by their button, checked with the API's schema. */
export function ListFilterForm<S extends z.ZodObject>({
  schema,
  fields,
  value,
  onApply,
  label,
  hint,
  testId,
}: ListFilterFormProps<S>) {
  const { t } = useI18n();
  const [errors, setErrors] = useState<FieldErrors>({});
  const applied = fields.some((field) => value[field.name] !== undefined);
  const shown = (name: string) => (value[name] === undefined ? '' : String(value[name]));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values: Record<string, string> = {};
    for (const { name } of fields) {
      const entry = form.get(name);
      const text = typeof entry === 'string' ? entry.trim() : '';
      if (text) values[name] = text;
    }
    const result = validate(schema, values);
    if (result.errors) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    onApply(result.data);
  }

  function clear() {
    setErrors({});
    onApply(schema.parse({}));
  }

  return (
    // Keyed by the applied filter: going back in history shows that filter in the fields again.
    <form
      key={JSON.stringify(fields.map((field) => value[field.name]))}
      className="card card-body mb-3"
      onSubmit={submit}
      noValidate
      role="search"
      aria-label={label}
      data-testid={testId}
    >
      <div className="row g-2">
        {fields.map((field) => (
          <div key={field.name} className={field.className ?? 'col-6 col-md-3'}>
            {field.type === 'select' ? (
              <FilterSelect field={field} value={shown(field.name)} error={errors[field.name]} />
            ) : (
              <TextField
                className="mb-0"
                label={field.label}
                name={field.name}
                type={field.type === 'date' ? 'date' : field.type === 'search' ? 'search' : 'text'}
                inputMode={field.type === 'id' ? 'numeric' : undefined}
                maxLength={field.maxLength}
                defaultValue={shown(field.name)}
                error={errors[field.name]}
              />
            )}
          </div>
        ))}
      </div>
      {hint && <div className="form-text">{hint}</div>}
      <div className="d-flex flex-wrap gap-2 mt-3">
        <button type="submit" className="btn btn-primary">
          {t('admin.filter.apply')}
        </button>
        {applied && (
          <button type="button" className="btn btn-outline-secondary" onClick={clear}>
            {t('admin.filter.clear')}
          </button>
        )}
      </div>
    </form>
  );
}

function FilterSelect({
  field,
  value,
  error,
}: {
  field: FilterFieldSpec;
  value: string;
  error: string | undefined;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="form-label">
        {field.label}
      </label>
      <select
        id={id}
        name={field.name}
        className={`form-select ${error ? 'is-invalid' : ''}`}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
      >
        <option value="">{field.anyLabel}</option>
        {field.options?.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError message={error} />
    </div>
  );
}

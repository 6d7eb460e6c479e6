import { useId } from 'react';
import { useI18n } from '../lib/i18n';

export const PER_PAGE_OPTIONS = [5, 10, 20, 50, 100] as const;

interface PerPageSelectProps {
  value: number;
  onChange: (perPage: number) => void;
}

export function PerPageSelect({ value, onChange }: PerPageSelectProps) {
  const { t } = useI18n();
  const id = useId();
  // A size typed into the URL by hand still shows as chosen.
  const options = new Set<number>([...PER_PAGE_OPTIONS, value]);

  return (
    <div>
      <label htmlFor={id} className="form-label small text-body-secondary mb-1">
        {t('list.perPage')}
      </label>
      <select
        id={id}
        className="form-select"
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {[...options]
          .sort((a, b) => a - b)
          .map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
      </select>
    </div>
  );
}

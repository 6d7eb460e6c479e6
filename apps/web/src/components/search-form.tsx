import { useId } from 'react';
import type { FormEvent } from 'react';
import { LIMITS } from '@folio/schema';
import { useI18n } from '../lib/i18n';

interface SearchFormProps {
  value: string;
  onSearch: (q: string) => void;
  placeholder?: string;
}

export function SearchForm({ value, onSearch, placeholder }: SearchFormProps) {
  const { t } = useI18n();
  const id = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = new FormData(event.currentTarget).get('q');
    onSearch(typeof q === 'string' ? q.trim() : '');
  }

  return (
    <form role="search" onSubmit={submit}>
      <label htmlFor={id} className="form-label small text-body-secondary mb-1">
        {t('search.label')}
      </label>
      <div className="input-group">
        {/* Keyed by the applied value, so going back in history shows that search again. */}
        <input
          key={value}
          id={id}
          name="q"
          type="search"
          className="form-control"
          defaultValue={value}
          placeholder={placeholder}
          maxLength={LIMITS.searchText}
          enterKeyHint="search"
        />
        <button type="submit" className="btn btn-primary">
          {t('search.submit')}
        </button>
      </div>
    </form>
  );
}

import { LIMITS } from '@folio/schema';
import { useId } from 'react';
import { useI18n } from '../../../lib/i18n';
import { useAuthors } from '../api/get-authors';

interface AuthorSelectProps {
  value: number | undefined;
  onChange: (authorId: number | undefined) => void;
}

export function AuthorSelect({ value, onChange }: AuthorSelectProps) {
  const { t } = useI18n();
  const id = useId();
  const authors = useAuthors({ page: 1, perPage: LIMITS.perPageMax });
  const items = authors.data?.items ?? [];
  // An id from a shared link may be beyond the first page of authors; keep it selectable.
  const unlisted = value !== undefined && !items.some((author) => author.id === value);

  return (
    <div>
      <label htmlFor={id} className="form-label small text-body-secondary mb-1">
        {t('blog.author')}
      </label>
      <select
        id={id}
        className="form-select"
        value={value ?? ''}
        aria-busy={authors.isPending}
        onChange={(event) =>
          onChange(event.target.value === '' ? undefined : Number(event.target.value))
        }
      >
        <option value="">{t('blogs.allAuthors')}</option>
        {items.map((author) => (
          <option key={author.id} value={author.id}>
            {author.name}
          </option>
        ))}
        {unlisted && <option value={value}>{t('blogs.authorNumber', { id: value })}</option>}
      </select>
    </div>
  );
}

import { LIMITS } from '@folio/schema';
import { useId } from 'react';
import { useI18n } from '../../../lib/i18n';
import { useTags } from '../api/get-tags';

interface TagSelectProps {
  /** A tag's slug. */
  value: string | undefined;
  onChange: (slug: string | undefined) => void;
}

/** A filter by tag: the most used tags, and the one a shared link names if it is not among them. */
export function TagSelect({ value, onChange }: TagSelectProps) {
  const { t } = useI18n();
  const id = useId();
  const tags = useTags({ page: 1, perPage: LIMITS.perPageMax });
  const items = tags.data?.items ?? [];
  const unlisted = value !== undefined && !items.some((tag) => tag.slug === value);

  return (
    <div>
      <label htmlFor={id} className="form-label small text-body-secondary mb-1">
        {t('blog.tags')}
      </label>
      <select
        id={id}
        className="form-select"
        value={value ?? ''}
        aria-busy={tags.isPending}
        onChange={(event) => onChange(event.target.value || undefined)}
      >
        <option value="">{t('search.allTags')}</option>
        {items.map((tag) => (
          <option key={tag.slug} value={tag.slug}>
            {tag.name}
          </option>
        ))}
        {unlisted && <option value={value}>{value}</option>}
      </select>
    </div>
  );
}

import { BLOG_SORTS } from '@folio/schema';
import type { BlogSort } from '@folio/schema';
import { useId } from 'react';
import { useI18n } from '../../../lib/i18n';
import type { MessageKey } from '../../../lib/i18n';

const SORT_LABELS: Record<BlogSort, MessageKey> = {
  '-pubDate': 'blogs.sort.newest',
  pubDate: 'blogs.sort.oldest',
};

interface BlogSortSelectProps {
  value: BlogSort;
  onChange: (sort: BlogSort) => void;
}

export function BlogSortSelect({ value, onChange }: BlogSortSelectProps) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="form-label small text-body-secondary mb-1">
        {t('blogs.sort')}
      </label>
      <select
        id={id}
        className="form-select"
        value={value}
        onChange={(event) => {
          const sort = BLOG_SORTS.find((option) => option === event.target.value);
          if (sort) onChange(sort);
        }}
      >
        {BLOG_SORTS.map((sort) => (
          <option key={sort} value={sort}>
            {t(SORT_LABELS[sort])}
          </option>
        ))}
      </select>
    </div>
  );
}

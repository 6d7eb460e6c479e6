import { useI18n } from '../lib/i18n';

interface RangeSummaryProps {
  page: number;
  perPage: number;
  total: number;
  shown: number;
}

/** "Showing 21–40 of 95". */
export function RangeSummary({ page, perPage, total, shown }: RangeSummaryProps) {
  const { t, locale } = useI18n();
  if (shown === 0) return null;
  const number = new Intl.NumberFormat(locale);
  const from = (page - 1) * perPage + 1;
  return (
    <p className="small text-body-secondary mb-0" aria-live="polite">
      {t('list.range', {
        from: number.format(from),
        to: number.format(from + shown - 1),
        total: number.format(total),
      })}
    </p>
  );
}

import type { StatsSummary } from '@folio/schema';
import type { AdminMessageKey } from '../../../lib/i18n';
import { useI18n } from '../../../lib/i18n';

const CARDS: { key: keyof StatsSummary; label: AdminMessageKey }[] = [
  { key: 'users', label: 'admin.dashboard.card.users' },
  { key: 'newUsersToday', label: 'admin.dashboard.card.newUsersToday' },
  { key: 'blogs', label: 'admin.dashboard.card.blogs' },
  { key: 'comments', label: 'admin.dashboard.card.comments' },
  { key: 'loginsToday', label: 'admin.dashboard.card.loginsToday' },
];

/** The dashboard's totals, a card each: two side by side on a phone, five in a row when wide. */
export function StatCards({ summary }: { summary: StatsSummary }) {
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale);
  return (
    <ul className="row row-cols-2 row-cols-md-3 row-cols-xl-5 g-3 list-unstyled mb-0">
      {CARDS.map((card) => (
        <li key={card.key} className="col">
          <div className="card h-100" data-testid={`stat-${card.key}`}>
            <div className="card-body">
              <div className="small text-body-secondary">{t(card.label)}</div>
              <div className="fs-3 fw-semibold">{number.format(summary[card.key])}</div>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}

import { STATS_RANGES, StatsQuery } from '@folio/schema';
import { Suspense, useId, useState } from 'react';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { useDailyStats } from '../../features/admin/api/get-daily-stats';
import { useStatsSummary } from '../../features/admin/api/get-stats-summary';
import { isEmpty } from '../../features/admin/chart-configs';
import { AdminHeader } from '../../features/admin/components/admin-header';
import type { ChartView } from '../../features/admin/components/daily-charts';
import { SectionNoAccess } from '../../features/admin/components/require-permission';
import { StatCards } from '../../features/admin/components/stat-cards';
import { viewerTimeZone } from '../../features/admin/viewer-time-zone';
import { ApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useListSearch } from '../../lib/list-search';
import { useDocumentTitle } from '../../lib/use-document-title';
import { PartBoundary } from '../../components/part-boundary';
import { lazyComponent } from '../../lib/lazy-component';

// Chart.js comes with the charts, when the dashboard first draws them: the section's other pages
// do without it.
const DailyCharts = lazyComponent(
  async () => (await import('../../features/admin/components/daily-charts')).DailyCharts,
);

/** The range of days shown, kept in the URL (`?days=7`). */
const RangeSearch = z.object({ days: StatsQuery.shape.days });

const forbidden = (error: unknown) => error instanceof ApiError && error.status === 403;

/**
 * The admin home page for staff who may read the statistics: today's and all-time totals, and
 * the activity per day over 7, 30 or 90 days, counted in the viewer's time zone.
 */
export function AdminDashboard() {
  const { t } = useI18n();
  useDocumentTitle(t('admin.dashboard.title'));
  const [timeZone] = useState(viewerTimeZone);
  const [{ days }, update] = useListSearch(RangeSearch);
  const summary = useStatsSummary(timeZone);
  const daily = useDailyStats({ days, tz: timeZone });
  const [view, setView] = useState<ChartView>('chart');

  // The permission went since the account was read.
  if (forbidden(summary.error) || forbidden(daily.error)) {
    return <SectionNoAccess permission="stats.read" />;
  }

  let cards: ReactNode;
  if (summary.isPending) cards = <Loading />;
  else if (!summary.data) {
    cards = <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />;
  } else cards = <StatCards summary={summary.data} />;

  let charts: ReactNode;
  if (daily.isPending) charts = <Loading />;
  else if (!daily.data) {
    charts = <ErrorAlert error={daily.error} onRetry={() => void daily.refetch()} />;
  } else if (isEmpty(daily.data)) {
    charts = (
      <EmptyState>{t('admin.dashboard.empty', { days: daily.data.days.length })}</EmptyState>
    );
  } else {
    charts = (
      <div
        aria-busy={daily.isPlaceholderData}
        className={daily.isPlaceholderData ? 'opacity-50' : undefined}
      >
        <PartBoundary>
          <Suspense fallback={<Loading />}>
            <DailyCharts stats={daily.data} view={view} />
          </Suspense>
        </PartBoundary>
      </div>
    );
  }

  return (
    <>
      <AdminHeader trail={[]} title={t('admin.dashboard.title')} />
      <section aria-labelledby="admin-totals" className="mb-4">
        <h2 id="admin-totals" className="visually-hidden">
          {t('admin.dashboard.totals')}
        </h2>
        {cards}
      </section>
      <section aria-labelledby="admin-activity">
        <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-3">
          <h2 id="admin-activity" className="h4 mb-0">
            {t('admin.dashboard.activity')}
          </h2>
          <div className="d-flex flex-wrap align-items-center gap-2">
            <RangePicker days={days} onChange={(next) => update({ days: next })} />
            <button
              type="button"
              className="btn btn-outline-secondary"
              aria-pressed={view === 'table'}
              onClick={() => setView(view === 'table' ? 'chart' : 'table')}
              data-testid="table-view"
            >
              {t('admin.dashboard.tableView')}
            </button>
          </div>
        </div>
        {charts}
      </section>
    </>
  );
}

function RangePicker({ days, onChange }: { days: number; onChange: (days: number) => void }) {
  const { t } = useI18n();
  const name = useId();
  return (
    <div className="btn-group" role="radiogroup" aria-label={t('admin.dashboard.range')}>
      {STATS_RANGES.map((range) => (
        <RangeOption
          key={range}
          name={name}
          range={range}
          checked={range === days}
          onChange={onChange}
        />
      ))}
    </div>
  );
}

function RangeOption({
  name,
  range,
  checked,
  onChange,
}: {
  name: string;
  range: number;
  checked: boolean;
  onChange: (days: number) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <>
      <input
        type="radio"
        className="btn-check"
        name={name}
        id={id}
        checked={checked}
        onChange={() => onChange(range)}
      />
      <label className="btn btn-outline-primary" htmlFor={id}>
        {t('admin.dashboard.days', { days: range })}
      </label>
    </>
  );
}

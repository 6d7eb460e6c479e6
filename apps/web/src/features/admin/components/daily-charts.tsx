import type { DailyStats } from '@folio/schema';
import { useId, useMemo } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../../../lib/i18n';
import {
  DAILY_METRICS,
  dailyChartConfig,
  formatDay,
  readPalette,
  topAuthorsChartConfig,
} from '../chart-configs';
import type { ChartPalette, DailyMetric } from '../chart-configs';
import { ChartCanvas } from './chart-canvas';

export type ChartView = 'chart' | 'table';

interface DailyChartsProps {
  stats: DailyStats;
  /** Charts (with their tables for screen readers only), or the tables alone, shown. */
  view: ChartView;
}

/**
 * The dashboard's charts of a range of days: registrations, blogs, comments and logins per day,
 * and the top authors. Each has a table of the same numbers: hidden from sight beside its chart
 * (screen readers read it instead of the picture), or shown in its place.
 */
export function DailyCharts({ stats, view }: DailyChartsProps) {
  // Read once the page's styles are in: the charts take the colours of the page around them.
  const palette = useMemo(() => readPalette(document.documentElement), []);
  return (
    <div className="row g-3">
      {DAILY_METRICS.map((metric) => (
        <div key={metric} className="col-12 col-xl-6">
          <DailyChart stats={stats} metric={metric} view={view} palette={palette} />
        </div>
      ))}
      <div className="col-12">
        <TopAuthorsChart stats={stats} view={view} palette={palette} />
      </div>
    </div>
  );
}

interface ChartProps {
  stats: DailyStats;
  view: ChartView;
  palette: ChartPalette;
}

function DailyChart({ stats, metric, view, palette }: ChartProps & { metric: DailyMetric }) {
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale);
  const title = t(`admin.dashboard.chart.${metric}`);
  const config = useMemo(
    () => dailyChartConfig(stats.days, metric, title, locale, palette),
    [stats.days, metric, title, locale, palette],
  );
  return (
    <ChartCard
      name={metric}
      title={title}
      view={view}
      chart={<ChartCanvas name={metric} config={config} />}
      table={
        <ChartTable
          name={metric}
          caption={t('admin.dashboard.caption', { chart: title, days: stats.days.length })}
          headers={[t('admin.dashboard.column.day'), t(`admin.dashboard.column.${metric}`)]}
          rows={stats.days.map((day) => ({
            key: day.date,
            label: formatDay(day.date, locale, 'full'),
            value: number.format(day[metric]),
          }))}
        />
      }
    />
  );
}

function TopAuthorsChart({ stats, view, palette }: ChartProps) {
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale);
  const title = t('admin.dashboard.chart.topAuthors');
  const authors = stats.topAuthors;
  const config = useMemo(
    () => topAuthorsChartConfig(authors, t('admin.dashboard.column.authorBlogs'), locale, palette),
    [authors, t, locale, palette],
  );
  if (authors.length === 0) {
    return (
      <ChartCard
        name="authors"
        title={title}
        view={view}
        chart={null}
        table={
          <p className="text-body-secondary mb-0" data-testid="no-top-authors">
            {t('admin.dashboard.noTopAuthors')}
          </p>
        }
      />
    );
  }
  return (
    <ChartCard
      name="authors"
      title={title}
      view={view}
      // A bar per author: the box grows with them.
      chart={<ChartCanvas name="authors" config={config} height={4 + authors.length * 2} />}
      table={
        <ChartTable
          name="authors"
          caption={t('admin.dashboard.caption', { chart: title, days: stats.days.length })}
          headers={[t('admin.dashboard.column.author'), t('admin.dashboard.column.authorBlogs')]}
          rows={authors.map((author) => ({
            key: String(author.id),
            label: author.name,
            value: number.format(author.blogs),
          }))}
        />
      }
    />
  );
}

interface ChartCardProps {
  name: string;
  title: string;
  view: ChartView;
  /** None when there is nothing to draw: `table` then says so to everyone. */
  chart: ReactNode;
  table: ReactNode;
}

function ChartCard({ name, title, view, chart, table }: ChartCardProps) {
  const headingId = useId();
  const pictured = view === 'chart' && chart !== null;
  return (
    <section className="card h-100" aria-labelledby={headingId} data-testid={`chart-${name}`}>
      <div className="card-body">
        <h3 className="h6 card-title" id={headingId}>
          {title}
        </h3>
        {pictured && chart}
        <div className={pictured ? 'visually-hidden' : 'table-responsive'}>{table}</div>
      </div>
    </section>
  );
}

interface ChartTableProps {
  name: string;
  caption: string;
  headers: [string, string];
  rows: { key: string; label: string; value: string }[];
}

function ChartTable({ name, caption, headers, rows }: ChartTableProps) {
  return (
    <table className="table table-sm caption-top mb-0" data-testid={`chart-table-${name}`}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{headers[0]}</th>
          <th scope="col" className="text-end">
            {headers[1]}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" className="fw-normal">
              {row.label}
            </th>
            <td className="text-end">{row.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

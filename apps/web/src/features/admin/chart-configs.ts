import type { DailyStats, Locale } from '@folio/schema';
import type { ChartConfiguration } from 'chart.js';

export const DAILY_METRICS = ['registrations', 'blogs', 'comments', 'logins'] as const;
export type DailyMetric = (typeof DAILY_METRICS)[number];

/** The colours a chart is drawn in: the page's text and border colours, one colour a series. */
export interface ChartPalette {
  text: string;
  grid: string;
  series: Record<DailyMetric | 'authors', string>;
}

// Bootstrap's own values, for when its custom properties cannot be read (no stylesheet, as in tests).
const FALLBACK: ChartPalette = {
  text: '#212529',
  grid: 'rgba(0, 0, 0, 0.175)',
  series: {
    registrations: '#0d6efd',
    blogs: '#198754',
    comments: '#6f42c1',
    logins: '#fd7e14',
    authors: '#0dcaf0',
  },
};

const SERIES_PROPERTIES: Record<keyof ChartPalette['series'], string> = {
  registrations: '--bs-primary',
  blogs: '--bs-success',
  comments: '--bs-purple',
  logins: '--bs-orange',
  authors: '--bs-info',
};

/**
 * The colours of Bootstrap's custom properties where `element` is, so the charts follow the
 * page's colour mode (`data-bs-theme`) as it is when they are drawn.
 */
export function readPalette(element: Element): ChartPalette {
  const style = getComputedStyle(element);
  const read = (property: string, fallback: string) =>
    style.getPropertyValue(property).trim() || fallback;
  const series = { ...FALLBACK.series };
  for (const [name, property] of Object.entries(SERIES_PROPERTIES)) {
    const key = name as keyof ChartPalette['series'];
    series[key] = read(property, FALLBACK.series[key]);
  }
  return {
    text: read('--bs-secondary-color', FALLBACK.text),
    grid: read('--bs-border-color-translucent', FALLBACK.grid),
    series,
  };
}

const dayInstant = (date: string) => Date.parse(`${date}T00:00:00Z`);

/**
 * A day of the API (YYYY-MM-DD, already a day in the viewer's zone) in the viewer's language:
 * "Dec 1" / "12月1日" under a chart, "Tuesday, December 1, 2026" in its table.
 */
export function formatDay(date: string, locale: Locale, style: 'axis' | 'full'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'axis' ? { month: 'short', day: 'numeric' } : { dateStyle: 'full' };
  // The date is a calendar day: formatted as UTC it stays that day wherever the browser is.
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(dayInstant(date));
}

function axes(palette: ChartPalette) {
  const ticks = { color: palette.text };
  const grid = { color: palette.grid };
  return { ticks, grid };
}

/** A line of one count per day, dated on the x axis in the viewer's language. */
export function dailyChartConfig(
  days: DailyStats['days'],
  metric: DailyMetric,
  label: string,
  locale: Locale,
  palette: ChartPalette,
): ChartConfiguration<'line', number[], string> {
  const colour = palette.series[metric];
  const { ticks, grid } = axes(palette);
  return {
    type: 'line',
    data: {
      labels: days.map((day) => formatDay(day.date, locale, 'axis')),
      datasets: [
        {
          label,
          data: days.map((day) => day[metric]),
          borderColor: colour,
          backgroundColor: colour,
          borderWidth: 2,
          // Points would crowd 90 days on a phone; the tooltip still finds each day.
          pointRadius: days.length > 31 ? 0 : 2,
          pointHitRadius: 8,
          tension: 0.2,
        },
      ],
    },
    options: {
      locale,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      plugins: { legend: { display: false } },
      scales: {
        x: { ticks: { ...ticks, autoSkip: true, maxRotation: 0 }, grid: { display: false } },
        y: { beginAtZero: true, ticks: { ...ticks, precision: 0 }, grid },
      },
    },
  };
}

/** Bars of blogs per author, names on the y axis so that they read on a phone. */
export function topAuthorsChartConfig(
  authors: DailyStats['topAuthors'],
  label: string,
  locale: Locale,
  palette: ChartPalette,
): ChartConfiguration<'bar', number[], string> {
  const { ticks, grid } = axes(palette);
  return {
    type: 'bar',
    data: {
      labels: authors.map((author) => author.name),
      datasets: [
        {
          label,
          data: authors.map((author) => author.blogs),
          backgroundColor: palette.series.authors,
          borderRadius: 3,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      locale,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: false } },
      scales: {
        x: { beginAtZero: true, ticks: { ...ticks, precision: 0 }, grid },
        y: { ticks, grid: { display: false } },
      },
    },
  };
}

/** Nothing counted on any day and no author published: the database has no activity yet. */
export function isEmpty(stats: DailyStats): boolean {
  return (
    stats.topAuthors.length === 0 &&
    stats.days.every((day) => DAILY_METRICS.every((metric) => day[metric] === 0))
  );
}

import type { DailyStats, StatsSummary } from '@folio/schema';
import type * as ChartJs from 'chart.js';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../lib/i18n';
import { logInAsStaff } from '../../test/admin';
import { chartData, FakeChart, liveCharts } from '../../test/fake-chart';
import { fail, fakeApi, ok } from '../../test/fake-api';
import { renderRoute } from '../../test/render-route';
import { setViewportWidth } from '../../test/viewport';
import { PublicLayout } from '../layouts/public-layout';
import { AdminSection } from './admin-section';

// jsdom cannot draw: the charts are made by a Chart that keeps what it was given.
vi.mock('chart.js', async (importOriginal) => ({
  ...(await importOriginal<typeof ChartJs>()),
  Chart: (await import('../../test/fake-chart')).FakeChart,
}));

const routes = [
  {
    element: <PublicLayout />,
    children: [{ path: '/admin/*', element: <AdminSection /> }],
  },
];

const summary: StatsSummary = {
  users: 12345,
  newUsersToday: 3,
  blogs: 678,
  comments: 90,
  loginsToday: 41,
};

/** `count` days up to 2026-12-01, each metric a different number a day. */
function daily(count: number, topAuthors: DailyStats['topAuthors'] = []): DailyStats {
  const last = Date.parse('2026-12-01T00:00:00Z');
  return {
    tz: 'Asia/Shanghai',
    days: Array.from({ length: count }, (_, i) => ({
      date: new Date(last - (count - 1 - i) * 86_400_000).toISOString().slice(0, 10),
      registrations: i,
      blogs: i * 2,
      comments: i * 3,
      logins: 1000 + i,
    })),
    topAuthors,
  };
}

const authors = [
  { id: 1, name: 'Mark', blogs: 5 },
  { id: 4, name: 'Lily', blogs: 2 },
];

/** The numbers of a chart's table, row by row: [day or author, number]. */
function tableRows(name: string): string[][] {
  const table = screen.getByTestId(`chart-table-${name}`);
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.children].map((cell) => cell.textContent ?? ''));
}

describe('/admin, the dashboard', () => {
  let user: ReturnType<typeof logInAsStaff>;

  beforeEach(() => {
    setLocale('en');
    vi.stubGlobal('scrollTo', vi.fn());
    user = logInAsStaff(['stats.read']);
    // The viewer's zone, which the stats count days in.
    const resolved = Intl.DateTimeFormat.prototype.resolvedOptions;
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockImplementation(function (
      this: Intl.DateTimeFormat,
    ) {
      return { ...resolved.call(this), timeZone: 'Asia/Shanghai' };
    });
  });

  it("shows the totals and charts the last 30 days in the viewer's zone, with the same numbers in tables", async () => {
    const api = fakeApi({
      'GET /me': ok(user),
      'GET /admin/stats/summary': ok(summary),
      'GET /admin/stats/daily': ok(daily(30, authors)),
    });
    renderRoute(routes, '/admin');
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
    expect(await screen.findByTestId('stat-users')).toHaveTextContent('Users12,345');
    expect(screen.getByTestId('stat-newUsersToday')).toHaveTextContent('New today3');
    expect(screen.getByTestId('stat-blogs')).toHaveTextContent('Published blogs678');
    expect(screen.getByTestId('stat-comments')).toHaveTextContent('Comments90');
    expect(screen.getByTestId('stat-loginsToday')).toHaveTextContent('Logins today41');

    await waitFor(() => expect(liveCharts().size).toBe(5), { timeout: 5000 });
    expect(api.calls('GET /admin/stats/summary')[0]?.url.searchParams.get('tz')).toBe(
      'Asia/Shanghai',
    );
    const query = api.calls('GET /admin/stats/daily')[0]?.url.searchParams;
    expect(query?.get('days')).toBe('30');
    expect(query?.get('tz')).toBe('Asia/Shanghai');

    const logins = chartData('logins');
    expect(logins.labels).toHaveLength(30);
    expect(logins.labels[0]).toBe('Nov 2');
    expect(logins.labels[29]).toBe('Dec 1');
    expect(logins.values[29]).toBe(1029);
    expect(chartData('registrations').values).toEqual(daily(30).days.map((d) => d.registrations));
    expect(chartData('blogs').values).toEqual(daily(30).days.map((d) => d.blogs));
    expect(chartData('comments').values).toEqual(daily(30).days.map((d) => d.comments));
    expect(chartData('authors')).toEqual({ labels: ['Mark', 'Lily'], values: [5, 2] });
    expect(liveCharts().get('authors')?.config.type).toBe('bar');
    expect(liveCharts().get('logins')?.config.type).toBe('line');

    // The tables say the same, captioned, for screen readers (out of sight beside the charts).
    const loginsTable = screen.getByTestId('chart-table-logins');
    expect(loginsTable.parentElement).toHaveClass('visually-hidden');
    expect(within(loginsTable).getByText('Logins per day, the last 30 days')).toBeInTheDocument();
    const rows = tableRows('logins');
    expect(rows).toHaveLength(30);
    expect(rows[29]).toEqual(['Tuesday, December 1, 2026', '1,029']);
    expect(rows.map((row) => row[1])).toEqual(
      (logins.values as number[]).map((n) => n.toLocaleString('en')),
    );
    expect(tableRows('authors')).toEqual([
      ['Mark', '5'],
      ['Lily', '2'],
    ]);
    // The picture is left to sighted readers.
    for (const chart of liveCharts().values()) {
      expect(chart.canvas).toHaveAttribute('aria-hidden', 'true');
      expect(chart.config.options?.responsive).toBe(true);
      expect(chart.config.options?.maintainAspectRatio).toBe(false);
    }
  });

  it('registers only the parts of Chart.js it draws with', async () => {
    fakeApi({
      'GET /me': ok(user),
      'GET /admin/stats/summary': ok(summary),
      'GET /admin/stats/daily': ok(daily(7, authors)),
    });
    renderRoute(routes, '/admin');
    await waitFor(() => expect(liveCharts().size).toBe(5), { timeout: 5000 });
    const names = FakeChart.registered.map((item) => (item as { id?: string }).id).sort();
    expect(names).toEqual(['bar', 'bar', 'category', 'line', 'line', 'linear', 'point', 'tooltip']);
  });

  it('changes the range in the URL, draws the new days and destroys the old charts', async () => {
    const api = fakeApi({
      'GET /me': ok(user),
      'GET /admin/stats/summary': ok(summary),
      'GET /admin/stats/daily': (request) =>
        ok(daily(Number(request.url.searchParams.get('days')), authors)),
    });
    const router = renderRoute(routes, '/admin');
    await waitFor(() => expect(liveCharts().size).toBe(5), { timeout: 5000 });
    const before = [...liveCharts().values()];
    const range = screen.getByRole('radiogroup', { name: 'Days shown' });
    expect(within(range).getByRole('radio', { name: '30 days' })).toBeChecked();

    fireEvent.click(within(range).getByRole('radio', { name: '7 days' }));
    await waitFor(() => expect(router.state.location.search).toBe('?days=7'));
    await waitFor(() => expect(chartData('registrations').labels).toHaveLength(7));
    expect(api.calls('GET /admin/stats/daily').at(-1)?.url.searchParams.get('days')).toBe('7');
    expect(within(range).getByRole('radio', { name: '7 days' })).toBeChecked();
    expect(before.every((chart) => chart.destroyed)).toBe(true);
    expect(liveCharts().size).toBe(5);
    expect(tableRows('registrations')).toHaveLength(7);

    await router.navigate('/admin?days=90');
    await waitFor(() => expect(chartData('comments').labels).toHaveLength(90));
  });

  it('shows the numbers as tables instead of charts when asked', async () => {
    fakeApi({
      'GET /me': ok(user),
      'GET /admin/stats/summary': ok(summary),
      'GET /admin/stats/daily': ok(daily(7, authors)),
    });
    renderRoute(routes, '/admin');
    await waitFor(() => expect(liveCharts().size).toBe(5), { timeout: 5000 });
    const toggle = screen.getByRole('button', { name: 'Show as tables' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');

    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(liveCharts().size).toBe(0);
    expect(document.querySelector('canvas')).toBeNull();
    expect(screen.getByTestId('chart-table-blogs').parentElement).toHaveClass('table-responsive');
    expect(screen.getByTestId('chart-table-blogs').parentElement).not.toHaveClass(
      'visually-hidden',
    );
    expect(tableRows('blogs').map((row) => row[1])).toEqual(['0', '2', '4', '6', '8', '10', '12']);

    fireEvent.click(toggle);
    await waitFor(() => expect(liveCharts().size).toBe(5));
  });

  it('draws the charts again in the new language on a switch', async () => {
    fakeApi({
      'GET /me': ok(user),
      'GET /admin/stats/summary': ok(summary),
      'GET /admin/stats/daily': ok(daily(7, authors)),
    });
    renderRoute(routes, '/admin');
    await waitFor(() => expect(liveCharts().size).toBe(5), { timeout: 5000 });
    const english = liveCharts().get('registrations')!;
    expect(english.config.data.labels?.at(-1)).toBe('Dec 1');
    expect(english.config.options?.locale).toBe('en');

    act(() => setLocale('zh-CN'));
    expect(english.destroyed).toBe(true);
    const chinese = liveCharts().get('registrations')!;
    expect(chinese.config.data.labels?.at(-1)).toBe('12月1日');
    expect(chinese.config.options?.locale).toBe('zh-CN');
    expect(chinese.config.data.datasets[0]?.label).toBe('每日注册');
    expect(screen.getByRole('heading', { level: 1, name: '仪表盘' })).toBeInTheDocument();
    expect(screen.getByTestId('stat-users')).toHaveTextContent('用户12,345');
    expect(
      within(screen.getByTestId('chart-table-registrations')).getByText('每日注册（最近 7 天）'),
    ).toBeInTheDocument();
    expect(tableRows('registrations').at(-1)).toEqual(['2026年12月1日星期二', '6']);
  });

  it('works on a phone', async () => {
    setViewportWidth(375);
    fakeApi({
      'GET /me': ok(user),
      'GET /admin/stats/summary': ok(summary),
      'GET /admin/stats/daily': ok(daily(30, authors)),
    });
    renderRoute(routes, '/admin');
    await waitFor(() => expect(liveCharts().size).toBe(5), { timeout: 5000 });
    // Each chart fills a box of the page's width, whose height the stylesheet sets.
    for (const chart of liveCharts().values()) {
      expect(chart.canvas.parentElement).toHaveClass('admin-chart');
    }
    expect(screen.getByTestId('stat-users').closest('ul')).toHaveClass('row-cols-2');
  });

  it('says when nothing has happened yet, and draws nothing', async () => {
    const quiet = daily(30);
    for (const day of quiet.days)
      Object.assign(day, { registrations: 0, blogs: 0, comments: 0, logins: 0 });
    fakeApi({
      'GET /me': ok(user),
      'GET /admin/stats/summary': ok({ ...summary, newUsersToday: 0, loginsToday: 0 }),
      'GET /admin/stats/daily': ok(quiet),
    });
    renderRoute(routes, '/admin');
    expect(await screen.findByTestId('empty')).toHaveTextContent(
      'Nothing yet: no registrations, blogs, comments or logins in the last 30 days.',
    );
    expect(screen.getByTestId('stat-loginsToday')).toHaveTextContent('0');
    expect(liveCharts().size).toBe(0);
  });

  it('says when no author published in the range, beside the other charts', async () => {
    fakeApi({
      'GET /me': ok(user),
      'GET /admin/stats/summary': ok(summary),
      'GET /admin/stats/daily': ok(daily(7)),
    });
    renderRoute(routes, '/admin');
    await waitFor(() => expect(liveCharts().size).toBe(4), { timeout: 5000 });
    expect(liveCharts().has('authors')).toBe(false);
    expect(screen.getByTestId('no-top-authors')).toHaveTextContent(
      'No blogs were published in these days.',
    );
  });

  it('shows an error where the API failed, and the rest of the page', async () => {
    const api = fakeApi({
      'GET /me': ok(user),
      'GET /admin/stats/summary': ok(summary),
      'GET /admin/stats/daily': [
        fail(422, 'VALIDATION_FAILED', 'Check the fields.', { tz: 'Unknown time zone.' }),
        ok(daily(7)),
      ],
    });
    renderRoute(routes, '/admin');
    // The toast says it too; the page keeps it in view, in the place of the charts.
    const activity = await screen.findByRole('region', { name: 'Activity' });
    const alert = await within(activity).findByRole('alert');
    expect(alert).toHaveTextContent('Check the fields.');
    expect(screen.getByTestId('stat-users')).toHaveTextContent('12,345');
    expect(liveCharts().size).toBe(0);

    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(liveCharts().size).toBe(4), { timeout: 5000 });
    expect(api.calls('GET /admin/stats/daily')).toHaveLength(2);
  });

  it("shows an error in the cards' place when the totals fail", async () => {
    fakeApi({
      'GET /me': ok(user),
      'GET /admin/stats/summary': fail(422, 'VALIDATION_FAILED', 'Unknown time zone.'),
      'GET /admin/stats/daily': ok(daily(7)),
    });
    renderRoute(routes, '/admin');
    const totals = await screen.findByRole('region', { name: 'Totals' });
    expect(await within(totals).findByRole('alert')).toHaveTextContent('Unknown time zone.');
    expect(screen.queryByTestId('stat-users')).toBeNull();
  });

  it('shows the no-access state when the API says the permission is gone', async () => {
    fakeApi({
      'GET /me': ok(user),
      'GET /admin/stats/summary': fail(403, 'FORBIDDEN', 'You may not do this.'),
      'GET /admin/stats/daily': fail(403, 'FORBIDDEN', 'You may not do this.'),
    });
    renderRoute(routes, '/admin');
    expect(await screen.findByTestId('no-access')).toHaveTextContent(
      'It needs the permission “View statistics”',
    );
  });

  it('destroys its charts when the page goes', async () => {
    fakeApi({
      'GET /me': ok(logInAsStaff(['stats.read', 'roles.manage'])),
      'GET /admin/stats/summary': ok(summary),
      'GET /admin/stats/daily': ok(daily(7, authors)),
      'GET /admin/roles': ok({ items: [] }),
    });
    const router = renderRoute(routes, '/admin');
    await waitFor(() => expect(liveCharts().size).toBe(5), { timeout: 5000 });
    const drawn = [...liveCharts().values()];
    await act(() => router.navigate('/admin/roles'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Roles' })).toBeInTheDocument();
    expect(drawn.every((chart) => chart.destroyed)).toBe(true);
    expect(liveCharts().size).toBe(0);
  });

  it('keeps the welcome and the list of sections for staff who may not read the statistics', async () => {
    const other = logInAsStaff(['roles.manage']);
    const api = fakeApi({ 'GET /me': ok(other) });
    renderRoute(routes, '/admin');
    expect(await screen.findByText(/Welcome, Lily\./)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Admin' })).toBeInTheDocument();
    expect(api.calls('GET /admin/stats/summary')).toHaveLength(0);
    expect(api.calls('GET /admin/stats/daily')).toHaveLength(0);
  });
});

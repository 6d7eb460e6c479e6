import type { ChartConfiguration } from 'chart.js';

/**
 * Chart.js's `Chart` as the dashboard uses it (jsdom has no canvas to draw on): it keeps what each
 * chart was given and whether it was destroyed. A test file swaps it in with
 * `vi.mock('chart.js', …)`, keeping the rest of the module (its controllers, scales) as it is.
 */
export class FakeChart {
  static readonly made: FakeChart[] = [];
  static readonly registered: unknown[] = [];

  static register(...items: unknown[]): void {
    FakeChart.registered.push(...items);
  }

  destroyed = false;

  constructor(
    readonly canvas: HTMLCanvasElement,
    readonly config: ChartConfiguration,
  ) {
    FakeChart.made.push(this);
  }

  destroy(): void {
    this.destroyed = true;
  }
}

/** The charts drawn now (made, not yet destroyed), by their canvas's `data-chart`. */
export function liveCharts(): Map<string, FakeChart> {
  const live = new Map<string, FakeChart>();
  for (const chart of FakeChart.made) {
    if (chart.destroyed) continue;
    const name = chart.canvas.dataset.chart ?? '';
    if (live.has(name)) throw new Error(`two live charts named ${name}`);
    live.set(name, chart);
  }
  return live;
}

/** The one live chart named `name`: its labels and its first dataset's numbers. */
export function chartData(name: string): { labels: unknown[]; values: unknown[] } {
  const chart = liveCharts().get(name);
  if (!chart) throw new Error(`no live chart named ${name}`);
  return {
    labels: chart.config.data.labels ?? [],
    values: chart.config.data.datasets[0]?.data ?? [],
  };
}

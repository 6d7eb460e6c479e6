import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { ChartConfiguration } from 'chart.js';
import { useEffect, useRef } from 'react';

// Only what the dashboard draws, so the rest of Chart.js stays out of the build.
Chart.register(
  LineController,
  LineElement,
  PointElement,
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  Tooltip,
);

interface ChartCanvasProps {
  /** Which chart it is (`data-chart`), for styles and tests. */
  name: string;
  config: ChartConfiguration<'line' | 'bar', number[], string>;
  /** The box's height in rem, when not the stylesheet's. */
  height?: number;
}

/**
 * A Chart.js chart, drawn anew whenever `config` changes (another range, another language) and
 * destroyed with the component. It fills its box, which sets the height; the numbers are in the
 * table beside it, so screen readers skip the picture.
 */
export function ChartCanvas({ name, config, height }: ChartCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const chart = new Chart(canvasRef.current!, config);
    return () => chart.destroy();
  }, [config]);

  return (
    <div className="admin-chart" style={height ? { height: `${height}rem` } : undefined}>
      <canvas ref={canvasRef} data-chart={name} aria-hidden="true" />
    </div>
  );
}

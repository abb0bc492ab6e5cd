import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
);
Chart.defaults.font.family = 'system-ui, sans-serif';
Chart.defaults.color = '#1d2733';
Chart.defaults.animation = false;

export const COLOURS = {
  score: '#1f5f8b',
  baseline: '#6b4e00',
  mcid: '#a3223a',
  session: '#2f6b3a',
  pre: '#7a3e9d',
  post: '#b35900',
  suppressed: 'rgba(90, 90, 90, 0.25)',
  ci: 'rgba(31, 95, 139, 0.35)',
};

/**
 * One Chart.js chart. The canvas is an image to assistive technology, described by `label`; the same numbers are in
 * the table given as children (shown under the chart in a disclosure).
 */
export function ChartView(props: {
  config: ChartConfiguration;
  label: string;
  testId?: string;
  height?: number;
  children?: ComponentChildren;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      ...props.config,
      options: { responsive: true, maintainAspectRatio: false, ...props.config.options },
    });
    return () => chart.destroy();
  }, [JSON.stringify(props.config.data), props.label]);
  return (
    <figure class="chart" data-testid={props.testId}>
      <div class={props.height === 2 ? 'chart-box tall' : 'chart-box'}>
        <canvas ref={canvas} role="img" aria-label={props.label} />
      </div>
      {props.children && (
        <details>
          <summary>The numbers</summary>
          {props.children}
        </details>
      )}
    </figure>
  );
}

/** Tick labels for a linear time axis (epoch milliseconds): no date adapter needed. */
export function dayTick(value: number | string): string {
  return new Date(Number(value)).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

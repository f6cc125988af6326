// Loads Chart.js once, on first use.
import type { Chart } from 'chart.js';

let loading: Promise<typeof Chart> | null = null;

export function loadChartJs(): Promise<typeof Chart> {
  loading ??= import('./chartjs.ts').then((m) => m.Chart);
  return loading;
}

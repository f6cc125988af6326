// Chart.js, registered with only what the charts use. Imported dynamically (its own chunk), so
// the editor is usable before the charts arrive.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
  type Plugin,
} from 'chart.js';

/** Vertical dashed lines at given x indices (break-even months), with a short label. */
const markers: Plugin = {
  id: 'markers',
  afterDatasetsDraw(chart, _args, options: { lines?: { index: number; label: string; color: string }[] }) {
    const lines = options.lines ?? [];
    const { ctx, chartArea, scales } = chart;
    const x = scales.x;
    if (!x || lines.length === 0) return;
    ctx.save();
    ctx.setLineDash([5, 4]);
    ctx.lineWidth = 1.5;
    ctx.font = '11px system-ui, sans-serif';
    lines.forEach((line, i) => {
      const px = x.getPixelForValue(line.index);
      ctx.strokeStyle = line.color;
      ctx.fillStyle = line.color;
      ctx.beginPath();
      ctx.moveTo(px, chartArea.top);
      ctx.lineTo(px, chartArea.bottom);
      ctx.stroke();
      ctx.fillText(line.label, Math.min(px + 4, chartArea.right - 80), chartArea.top + 12 + i * 13);
    });
    ctx.restore();
  },
};

Chart.register(LineController, LineElement, PointElement, ScatterController, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip, Filler, markers);
Chart.defaults.animation = false;
// Every chart fills the height its figure gives it, with its legend below.
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.plugins.legend.position = 'bottom';
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export { Chart };

// The report's charts, each as a Chart.js configuration and the table of its figures (the chart's
// text equivalent, printed beside its image).
import type { ChartConfiguration } from 'chart.js';
import { formatCO2e, formatMonth, formatWater } from '../../i18n/format.ts';
import type { Lang, Translator } from '../../i18n/translate.ts';
import { MIX_COLOUR, optionColour, wrapLabel } from '../charts/palette.ts';
import { money } from '../results/format-result.ts';
import type { Evaluated } from './answer.ts';

export interface ReportFigure {
  title: string;
  config: ChartConfiguration;
  head: string[];
  rows: string[][];
}

interface Series {
  name: string;
  cumulative: number[];
  totals: { costCcy: number; operationalKgCO2e: number; marketKgCO2e: number; embodiedKgCO2e: number; onsiteWaterL: number; offsiteWaterL: number };
  currency: string;
}

function series(list: Evaluated[], t: Translator): Series[] {
  if (list.length === 1) {
    const r = list[0]!.result;
    const alone = r.options.map((o) => ({ name: o.name, cumulative: o.alone.cumulativeCostCcy, totals: o.alone.totals, currency: r.currency }));
    return r.options.length > 1 ? [...alone, { name: t('results.mix'), cumulative: r.mix.cumulativeCostCcy, totals: r.mix.totals, currency: r.currency }] : alone;
  }
  return list.map((e) => ({ name: e.scenario.name, cumulative: e.result.mix.cumulativeCostCcy, totals: e.result.mix.totals, currency: e.result.currency }));
}

export function reportFigures(list: Evaluated[], t: Translator, lang: Lang): ReportFigure[] {
  const s = series(list, t);
  const first = list[0]!.result;
  const months = Math.max(...s.map((x) => x.cumulative.length));
  const colour = (i: number, name: string) => (name === t('results.mix') && list.length === 1 ? MIX_COLOUR : optionColour(i));
  const cumulative: ReportFigure = {
    title: t('report.chartCumulative'),
    config: {
      type: 'line',
      data: {
        labels: Array.from({ length: months }, (_, m) => formatMonth(lang, first.startMonth, m)),
        datasets: s.map((x, i) => ({ label: `${x.name} (${x.currency})`, data: x.cumulative, borderColor: colour(i, x.name), backgroundColor: colour(i, x.name), pointRadius: 0, borderWidth: 2 })),
      },
      options: {},
    },
    head: [t('report.series'), t('results.totalCost')],
    rows: s.map((x) => [x.name, money(lang, x.totals.costCcy, x.currency)]),
  };
  const labels = s.map((x) => wrapLabel(x.name));
  const emissions: ReportFigure = {
    title: t('chart.emissionsTitle'),
    config: {
      type: 'bar',
      data: {
        labels,
        datasets: [
          { label: t('chart.operational'), data: s.map((x) => x.totals.operationalKgCO2e / 1000), backgroundColor: '#D55E00' },
          { label: t('chart.embodied'), data: s.map((x) => x.totals.embodiedKgCO2e / 1000), backgroundColor: '#E69F00' },
        ],
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: 'tCO2e' } } } },
    },
    // footprint (issue 12): the bars are location-based; the table gives market-based beside it.
    head: [t('report.series'), t('results.opLocation'), t('results.opMarket'), t('results.embodied')],
    rows: s.map((x) => [x.name, formatCO2e(lang, x.totals.operationalKgCO2e), formatCO2e(lang, x.totals.marketKgCO2e), formatCO2e(lang, x.totals.embodiedKgCO2e)]),
  };
  const water: ReportFigure = {
    title: t('report.chartWater'),
    config: {
      type: 'bar',
      data: {
        labels,
        datasets: [
          { label: t('chart.onsiteWater'), data: s.map((x) => x.totals.onsiteWaterL / 1000), backgroundColor: '#56B4E9' },
          { label: t('chart.offsiteWater'), data: s.map((x) => x.totals.offsiteWaterL / 1000), backgroundColor: '#0072B2' },
        ],
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: 'm³' } } } },
    },
    head: [t('report.series'), t('chart.onsiteWater'), t('chart.offsiteWater')],
    rows: s.map((x) => [x.name, formatWater(lang, x.totals.onsiteWaterL), formatWater(lang, x.totals.offsiteWaterL)]),
  };
  return [cumulative, emissions, water];
}

/** Draws a chart off screen and returns it as a PNG data URL (the report holds images, not canvases). */
export async function chartImage(config: ChartConfiguration, width = 820, height = 340): Promise<string> {
  const { loadChartJs } = await import('../charts/lazy.ts');
  const Chart = await loadChartJs();
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const chart = new Chart(canvas, { ...config, options: { ...config.options, responsive: false, animation: false, devicePixelRatio: 2 } });
  const url = chart.toBase64Image('image/png');
  chart.destroy();
  return url;
}

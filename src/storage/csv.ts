// The results of an evaluation as CSV: month by month, then the totals. Numbers are written in
// a machine-readable form (dot decimals, no grouping); headers are in the page's language.
import type { Translator } from '../i18n/translate.ts';
import type { EvaluationResult } from '../../workers/models/types.ts';

function cell(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(Math.round(v * 1e6) / 1e6) : '';
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function row(values: (string | number | null)[]): string {
  return values.map(cell).join(',');
}

function monthLabel(start: string, m: number): string {
  const [y, mo] = start.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, mo - 1 + m, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function resultsCsv(r: EvaluationResult, t: Translator): string {
  const lines: string[] = [];
  const cur = r.currency;
  const head: string[] = [t('csv.month'), t('csv.demand')];
  for (const o of r.options) {
    head.push(`${o.name} — ${t('csv.aloneCost', { currency: cur })}`, `${o.name} — ${t('csv.mixCost', { currency: cur })}`, `${o.name} — ${t('csv.mixServed')}`);
  }
  head.push(t('csv.mixTotal', { currency: cur }), t('csv.mixCumulative', { currency: cur }), t('csv.unmet'));
  lines.push(row(head));
  for (let m = 0; m < r.months; m++) {
    const values: (string | number)[] = [monthLabel(r.startMonth, m), r.demandRefGpuHours[m]!];
    for (const o of r.options) values.push(o.alone.costCcy[m]!, o.inMix.costCcy[m]!, o.inMix.servedRefGpuHours[m]!);
    values.push(r.mix.costCcy[m]!, r.mix.cumulativeCostCcy[m]!, r.mix.unmetRefGpuHours[m]!);
    lines.push(row(values));
  }
  lines.push('');
  lines.push(
    row([
      t('csv.totals'),
      t('csv.cost', { currency: cur }),
      t('csv.npv', { currency: cur }),
      t('csv.perHour', { currency: cur }),
      t('csv.served'),
      t('csv.energy'),
      t('csv.operational'),
      t('csv.embodied'),
      t('csv.water'),
    ]),
  );
  const totals = [...r.options.map((o) => [`${o.name} (${t('table.alone')})`, o.alone.totals] as const), [t('results.mix'), r.mix.totals] as const];
  for (const [name, x] of totals) {
    lines.push(
      row([name, x.costCcy, x.npvCcy, x.costPerUsefulGpuHourCcy, x.servedRefGpuHours, x.facilityEnergyKWh, x.operationalKgCO2e, x.embodiedKgCO2e, x.onsiteWaterL + x.offsiteWaterL]),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

// The results of an evaluation as CSV: month by month, the totals, then the Monte Carlo's
// percentiles and odds when a run of the same scenario is at hand. The page's language sets the
// delimiter and the decimal mark (English: comma and dot; French: semicolon and comma, as a
// spreadsheet in that language expects); numbers are never grouped. Headers are in the page's language.
import { areaTranslator } from '../i18n/area.ts';
import { messages as footprintMessages } from '../i18n/areas/footprint.ts';
import { messages } from '../i18n/areas/csv.ts';
import { messages as failuresMessages } from '../i18n/areas/failures.ts';
import type { Lang, Translator } from '../i18n/translate.ts';
import type { EvaluationResult } from '../../workers/models/types.ts';
import type { MonteCarloResult } from '../../workers/models/uncertainty/montecarlo.ts';

export interface CsvDialect {
  delimiter: ',' | ';';
  decimal: '.' | ',';
}

/** The dialect a spreadsheet in the page's language reads without an import dialog. */
export function csvDialect(lang: Lang): CsvDialect {
  return lang === 'fr' ? { delimiter: ';', decimal: ',' } : { delimiter: ',', decimal: '.' };
}

function cell(v: string | number | null, d: CsvDialect): string {
  if (v === null) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    const s = String(Math.round(v * 1e6) / 1e6);
    return d.decimal === '.' ? s : s.replace('.', d.decimal);
  }
  return v.includes(d.delimiter) || /["\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function monthLabel(start: string, m: number): string {
  const [y, mo] = start.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, mo - 1 + m, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export interface CsvOptions {
  lang: Lang;
  /** The Monte Carlo of the same scenario, if one is up to date (otherwise its section is left out). */
  monteCarlo?: MonteCarloResult | null;
}

export function resultsCsv(r: EvaluationResult, base: Translator, opts: CsvOptions): string {
  // The CSV's column names download with it (src/i18n/areas/csv.ts); the footprint columns' headers with the footprint's messages.
  const t = areaTranslator(areaTranslator(base, opts.lang, messages), opts.lang, footprintMessages);
  const d = csvDialect(opts.lang);
  const row = (values: (string | number | null)[]) => values.map((v) => cell(v, d)).join(d.delimiter);
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
      // footprint (issue 12): market-based beside location-based, energy by component, water on and off site, energy measured or estimated.
      t('csv.market'),
      ...(['accelerators', 'host', 'measured', 'overhead', 'facility'] as const).map((part) => t('csv.part', { part: t(`part.${part}`) })),
      t('csv.onsite'),
      t('csv.offsite'),
      t('csv.energyBasis'),
    ]),
  );
  const totals = [
    ...r.options.map((o) => [`${o.name} (${t('table.alone')})`, o.alone.totals, t(`basis.${o.footprintBasis.energy}`)] as const),
    [t('results.mix'), r.mix.totals, ''] as const,
  ];
  for (const [name, x, basis] of totals) {
    const e = x.energyByComponent;
    lines.push(
      row([
        name, x.costCcy, x.npvCcy, x.costPerUsefulGpuHourCcy, x.servedRefGpuHours, x.facilityEnergyKWh, x.operationalKgCO2e, x.embodiedKgCO2e, x.onsiteWaterL + x.offsiteWaterL,
        x.marketKgCO2e, e.acceleratorsKWh, e.hostKWh, e.measuredKWh, e.overheadKWh, e.facilityOverheadKWh, x.onsiteWaterL, x.offsiteWaterL, basis,
      ]),
    );
  }
  // failures (issue 15): nominal beside goodput-adjusted cost per useful GPU-hour, for the options that have failures.
  const failing = r.options.filter((o) => o.failures);
  if (failing.length > 0) {
    const tf = areaTranslator(t, opts.lang, failuresMessages);
    lines.push('');
    lines.push(row([tf('csv.failTitle')]));
    lines.push(row([tf('csv.failOption'), tf('csv.failGoodput'), tf('csv.failNominal', { currency: cur }), tf('csv.failAdjusted', { currency: cur }), tf('csv.failYoung'), tf('csv.failDaly')]));
    for (const o of failing) {
      const f = o.failures!;
      lines.push(row([o.name, f.goodputFraction, f.nominalCostPerUsefulGpuHourCcy, f.costPerUsefulGpuHourCcy, f.job?.youngHours ?? null, f.job?.dalyHours ?? null]));
    }
  }
  const mc = opts.monteCarlo;
  if (mc && mc.scenarioId === r.scenarioId && mc.currency === r.currency) {
    lines.push('');
    lines.push(row([t('csv.mcTitle', { samples: mc.samples, seed: mc.seed })]));
    const stats = [
      ['cost', t('csv.mcCost', { currency: cur })],
      ['npv', t('csv.mcNpv', { currency: cur })],
      ['co2eKg', t('csv.mcCo2e')],
    ] as const;
    const h: string[] = [t('csv.mcOption')];
    for (const [, label] of stats) h.push(`${label} P5`, `${label} P50`, `${label} P95`, `${label} ${t('uncertainty.mean')}`);
    h.push(t('csv.mcCheapest'), t('csv.mcBreakEven'));
    lines.push(row(h));
    for (const o of mc.options) {
      const values: (string | number | null)[] = [o.name];
      for (const [k] of stats) values.push(o[k].p5, o[k].p50, o[k].p95, o[k].mean);
      values.push(o.pCheapest, o.pBreakEven);
      lines.push(row(values));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

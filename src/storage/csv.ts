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
import type { PoolMonteCarloResult } from '../../workers/models/uncertainty/pool-montecarlo.ts';

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
  /** pool (issue 15): the pool's Monte Carlo of the same scenario, per member, if one is up to date. */
  poolMonteCarlo?: PoolMonteCarloResult | null;
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
      t('csv.gridMetric'),
      t('csv.cpuOnly'),
    ]),
  );
  const totals = [
    ...r.options.map((o) => [`${o.name} (${t('table.alone')})`, o.alone.totals, t(`basis.${o.footprintBasis.energy}`), gridMetricCell(o, t), t(o.footprintBasis.cpuOnly ? 'csv.yes' : 'csv.no')] as const),
    [t('results.mix'), r.mix.totals, '', '', ''] as const,
  ];
  for (const [name, x, basis, metric, cpuOnly] of totals) {
    const e = x.energyByComponent;
    lines.push(
      row([
        name, x.costCcy, x.npvCcy, x.costPerUsefulGpuHourCcy, x.servedRefGpuHours, x.facilityEnergyKWh, x.operationalKgCO2e, x.embodiedKgCO2e, x.onsiteWaterL + x.offsiteWaterL,
        x.marketKgCO2e, e.acceleratorsKWh, e.hostKWh, e.measuredKWh, e.overheadKWh, e.facilityOverheadKWh, x.onsiteWaterL, x.offsiteWaterL, basis, metric, cpuOnly,
      ]),
    );
  }
  poolSection(r, t, row, lines, opts.poolMonteCarlo ?? null);
  // tokens (issue 15): the price of a token, per option alone and for the mix, when the workload has a load profile;
  // kWh and kg per thousand tokens in Wh and g (the cells keep six decimals).
  const milli = (x: number | null) => (x === null ? null : x * 1000);
  if (r.tokens) {
    lines.push('');
    lines.push(row([t('csv.tokensTitle')]));
    lines.push(row([t('csv.tokensOption'), t('csv.tokensServed'), t('csv.tokensCost', { currency: cur }), t('csv.tokensInput', { currency: cur }), t('csv.tokensOutput', { currency: cur }), t('csv.tokensEnergy'), t('csv.tokensCo2e')]));
    const figures = [...r.options.map((o, i) => [`${o.name} (${t('table.alone')})`, r.tokens!.options[i]!.alone] as const), [t('results.mix'), r.tokens.mix] as const];
    for (const [name, f] of figures) lines.push(row([name, f.tokens, f.costPerMillionCcy, f.inputCostPerMillionCcy, f.outputCostPerMillionCcy, milli(f.facilityKWhPerThousand), milli(f.kgCO2ePerThousand)]));
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
    // tokens (issue 15): the price of a token from each sample's totals, each option alone, when the workload has a load profile.
    const tokenStats = [
      ['costPerMillionCcy', t('csv.tokensCost', { currency: cur })],
      ['inputCostPerMillionCcy', t('csv.tokensInput', { currency: cur })],
      ['outputCostPerMillionCcy', t('csv.tokensOutput', { currency: cur })],
    ] as const;
    const priced = mc.options.some((o) => o.tokens);
    if (priced) for (const [, label] of tokenStats) h.push(`${label} P5`, `${label} P50`, `${label} P95`);
    lines.push(row(h));
    for (const o of mc.options) {
      const values: (string | number | null)[] = [o.name];
      for (const [k] of stats) values.push(o[k].p5, o[k].p50, o[k].p95, o[k].mean);
      values.push(o.pCheapest, o.pBreakEven);
      if (priced) for (const [k] of tokenStats) values.push(o.tokens?.[k]?.p5 ?? null, o.tokens?.[k]?.p50 ?? null, o.tokens?.[k]?.p95 ?? null);
      lines.push(row(values));
    }
    // tokens (issue 15): the mix's price of a token across the samples (each sample's own mix), energy in Wh and CO2e in g per thousand tokens.
    const mt = mc.mixTokens;
    if (mt) {
      const mixStats = [...tokenStats, ['facilityKWhPerThousand', t('csv.tokensEnergy')], ['kgCO2ePerThousand', t('csv.tokensCo2e')]] as const;
      const scale = (k: string) => (k === 'facilityKWhPerThousand' || k === 'kgCO2ePerThousand' ? 1000 : 1);
      lines.push('');
      lines.push(row([t('csv.mcMixTokensTitle')]));
      const mh: string[] = [t('csv.mcOption')];
      for (const [, label] of mixStats) mh.push(`${label} P5`, `${label} P50`, `${label} P95`);
      lines.push(row(mh));
      const values: (string | number | null)[] = [t('results.mix')];
      for (const [k] of mixStats) {
        const x = mt[k];
        values.push(x ? x.p5 * scale(k) : null, x ? x.p50 * scale(k) : null, x ? x.p95 * scale(k) : null);
      }
      lines.push(row(values));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** pool (issue 15): each member in the pool and alone, the pool's utilisation with and without pooling, and the pool's Monte Carlo per member. */
function poolSection(r: EvaluationResult, t: Translator, row: (v: (string | number | null)[]) => string, lines: string[], mc: PoolMonteCarloResult | null): void {
  const p = r.pool;
  if (!p) return;
  const cur = r.currency;
  lines.push('');
  lines.push(row([t('csv.poolTitle'), t(`csv.poolRule.${p.splitRule}`)]));
  lines.push(
    row([
      t('csv.poolMember'),
      t('csv.poolDemand'),
      t('csv.poolShared', { currency: cur }),
      t('csv.poolPayg', { currency: cur }),
      t('csv.poolInPool', { currency: cur }),
      t('csv.poolAlone', { currency: cur }),
      t('csv.poolAloneBest'),
      t('csv.poolSaving', { currency: cur }),
      t('csv.poolKg'),
      t('csv.poolKWh'),
    ]),
  );
  const optionName = (id: string) => (id === 'mix' ? t('results.mix') : (r.options.find((o) => o.id === id)?.name ?? id));
  for (const m of p.members) {
    const best = m.aloneServesAll ? optionName(m.aloneBest) : `${optionName(m.aloneBest)} (${t('csv.poolUnmet')})`;
    lines.push(row([m.name, m.demandRefGpuHours, m.sharedCcy, m.payAsYouGoCcy, m.inPoolCcy, m.aloneCcy, best, m.savingCcy, m.inPoolKgCO2e, m.inPoolFacilityKWh]));
  }
  lines.push(row([t('csv.poolTotal'), null, null, null, p.poolCcy, p.aloneCcy, null, p.savingCcy, null, null]));
  lines.push(row([t('csv.poolUtilPooled'), p.utilisationPooled]));
  lines.push(row([t('csv.poolUtilAlone'), p.utilisationAlone]));
  // tokens (issue 15): each member's price of a token in the pool and alone, when its workload has a load profile.
  if (p.members.some((m) => m.tokens)) {
    const milli = (x: number | null) => (x === null ? null : x * 1000);
    lines.push('');
    lines.push(row([t('csv.poolTokensTitle')]));
    lines.push(row([t('csv.poolMember'), t('csv.tokensServed'), t('csv.tokensCost', { currency: cur }), t('csv.tokensInput', { currency: cur }), t('csv.tokensOutput', { currency: cur }), t('csv.tokensEnergy'), t('csv.tokensCo2e')]));
    for (const m of p.members) {
      if (!m.tokens) {
        lines.push(row([m.name, t('csv.poolTokensNone')]));
        continue;
      }
      for (const [key, f] of [['csv.poolTokensInPool', m.tokens.inPool], ['csv.poolTokensAlone', m.tokens.alone]] as const) {
        lines.push(row([t(key, { name: m.name }), f.tokens, f.costPerMillionCcy, f.inputCostPerMillionCcy, f.outputCostPerMillionCcy, milli(f.facilityKWhPerThousand), milli(f.kgCO2ePerThousand)]));
      }
    }
  }
  if (!mc || mc.scenarioId !== r.scenarioId || mc.currency !== r.currency) return;
  lines.push('');
  lines.push(row([t('csv.poolMcTitle', { samples: mc.samples, seed: mc.seed })]));
  const stats = [
    ['inPoolCcy', t('csv.poolInPool', { currency: cur })],
    ['aloneCcy', t('csv.poolAlone', { currency: cur })],
    ['savingCcy', t('csv.poolSaving', { currency: cur })],
  ] as const;
  const h: string[] = [t('csv.poolMember')];
  for (const [, label] of stats) h.push(`${label} P5`, `${label} P50`, `${label} P95`);
  h.push(t('csv.poolPSaves'));
  lines.push(row(h));
  for (const m of mc.members) {
    const values: (string | number | null)[] = [m.name];
    for (const [k] of stats) values.push(m[k].p5, m[k].p50, m[k].p95);
    values.push(m.pSaves);
    lines.push(row(values));
  }
}

/** The grid metric an option's location-based figure used: the person's own figure, or the catalog's life-cycle / direct (or unstated). */
function gridMetricCell(o: EvaluationResult['options'][number], t: Translator): string {
  if (o.grid.fromPerson || o.footprintBasis.gridDataYear === null) return t('csv.gridPerson');
  return t(`parts.metric.${o.footprintBasis.gridMetric ?? 'unstated'}`);
}

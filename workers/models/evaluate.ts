// Evaluates a whole scenario month by month over its horizon: every option alone, the mix
// (the serving rule), break-even, footprint and dependency. Pure and deterministic: the worker,
// the tests and `npm run evaluate` call this same function.
import type { Scenario } from '../../src/scenario/schema.ts';
import { breakEven, cheapestRental } from './breakeven.ts';
import { emptyByCategory } from './cost.ts';
import { dependency } from './dependency.ts';
import { HOURS_PER_MONTH, resolutionWarnings, resolveOption } from './resolve.ts';
import { categoryTotals, cumulative, npv, perUsefulHour, runOption, sumMonthly } from './run.ts';
import { allocateAlone, allocateMix } from './serving.ts';
import { COST_CATEGORIES, type EvaluationResult, type MixResult, type OptionResult, type OptionRun, type Sentence } from './types.ts';
import { demandPerMonth } from './workload.ts';

export function evaluateScenario(s: Scenario): EvaluationResult {
  const months = s.settings.horizonMonths;
  const rate = s.settings.discountRatePctPerYear;
  const demand = demandPerMonth(s.workload, months);
  const resolved = s.options.map((o) => resolveOption(o, s));

  const mixAllocation = allocateMix(resolved, demand);
  const inMix = resolved.map((r, i) => runOption(r, mixAllocation.served[i]!, months, rate));
  const alone = resolved.map((r) => runOption(r, allocateAlone(r, demand).served, months, rate));

  const options: OptionResult[] = resolved.map((r, i) => {
    const o = r.option;
    const owned = o.kind === 'buy';
    const rental = owned ? cheapestRental(r, resolved, months) : null;
    return {
      id: o.id,
      name: o.name,
      kind: o.kind,
      acceleratorId: o.acceleratorId,
      throughputVsReference: r.throughput,
      throughputFromCatalog: r.throughputFromCatalog,
      grid: r.grid,
      alone: alone[i]!,
      inMix: inMix[i]!,
      breakEven: owned && rental ? breakEven(r, alone[i]!, rental, months, rate) : null,
      breakEvenReason: !owned ? 'notOwned' : rental ? null : 'noRental',
    };
  });

  const mix = combine(inMix, mixAllocation.unmet, months, rate);
  const spend = inMix.map((run) => Math.max(0, run.totals.costCcy));
  const spendTotal = spend.reduce((a, b) => a + b, 0);
  // Portfolio weights: share of the mix's spend (by served hours when nothing is spent).
  const served = inMix.map((run) => run.totals.servedRefGpuHours);
  const servedTotal = served.reduce((a, b) => a + b, 0);
  const weights =
    spendTotal > 0
      ? spend.map((x) => x / spendTotal)
      : servedTotal > 0
        ? served.map((x) => x / servedTotal)
        : inMix.map(() => 1 / inMix.length);

  const warnings: Sentence[] = resolutionWarnings(resolved);
  if (mix.totals.unmetRefGpuHours > 1e-6) {
    warnings.push({ key: 'warn.unmet', params: { refGpuHours: mix.totals.unmetRefGpuHours } });
  }

  // Spend paid in a network's own token: its share of what the decentralised option costs in the mix.
  const tokenSpend = s.options.reduce((a, o, i) => {
    if (o.kind !== 'decentralised') return a;
    const c = inMix[i]!.totals.byCategory;
    return a + (c.rent + c.fees) * (o.tokenPaymentPct / 100);
  }, 0);

  return {
    scenarioId: s.id,
    months,
    startMonth: s.settings.startMonth,
    currency: s.settings.currency,
    hoursPerMonth: HOURS_PER_MONTH,
    demandRefGpuHours: demand,
    options,
    mix,
    dependency: dependency(s, weights, { spendCcy: tokenSpend, totalCcy: spendTotal }),
    warnings,
  };
}

/** Sums the options' runs in the mix. */
function combine(runs: readonly OptionRun[], unmet: number[], months: number, rate: number): MixResult {
  const byCategory = emptyByCategory(months);
  for (const run of runs) {
    for (const cat of COST_CATEGORIES) {
      for (let m = 0; m < months; m++) byCategory[cat][m]! += run.costByCategory[cat][m]!;
    }
  }
  const cost = sumMonthly(byCategory, months);
  const sum = (f: (run: OptionRun) => number) => runs.reduce((a, run) => a + f(run), 0);
  const totalCost = cost.reduce((a, b) => a + b, 0);
  const served = sum((r) => r.totals.servedRefGpuHours);
  return {
    unmetRefGpuHours: unmet,
    costCcy: cost,
    cumulativeCostCcy: cumulative(cost),
    costByCategory: byCategory,
    totals: {
      costCcy: totalCost,
      npvCcy: npv(cost, rate),
      byCategory: categoryTotals(byCategory),
      servedRefGpuHours: served,
      usedGpuHours: sum((r) => r.totals.usedGpuHours),
      costPerUsefulGpuHourCcy: perUsefulHour(totalCost, served),
      itEnergyKWh: sum((r) => r.totals.itEnergyKWh),
      facilityEnergyKWh: sum((r) => r.totals.facilityEnergyKWh),
      operationalKgCO2e: sum((r) => r.totals.operationalKgCO2e),
      embodiedKgCO2e: sum((r) => r.totals.embodiedKgCO2e),
      onsiteWaterL: sum((r) => r.totals.onsiteWaterL),
      offsiteWaterL: sum((r) => r.totals.offsiteWaterL),
      unmetRefGpuHours: unmet.reduce((a, b) => a + b, 0),
    },
  };
}

// Evaluates a whole scenario month by month over its horizon: every option alone, the mix
// (the serving rule), break-even, footprint and dependency — the kernel (kernel.ts) at one
// sample with full detail. Pure and deterministic: the worker, the tests and `npm run evaluate`
// call this same function.
import type { Scenario } from '../../src/scenario/schema.ts';
import { breakEvenOf } from './breakeven.ts';
import { dependency } from './dependency.ts';
import { Kernel, newDetail, type Detail } from './kernel.ts';
import { HOURS_PER_MONTH, resolutionWarnings } from './resolve.ts';
import { categoryTotals, cumulative, npv, optionRun, perUsefulHour, sumByCategory } from './run.ts';
import { allocateMix } from './serving.ts';
import { COST_CATEGORIES, type CostCategory, type EvaluationResult, type MixResult, type OptionResult, type OptionRun, type Sentence, type TokensResult } from './types.ts';
import { compilePlan } from './uncertainty/plan.ts';
import { footprintBasisOf } from './footprint-basis.ts';
import { tokensResult } from './tokens.ts';
import { failuresResultOf } from './failures-result.ts';
import type { FailuresResult } from './types.ts';

const withFailures = (f: FailuresResult | null): { failures?: FailuresResult } => (f ? { failures: f } : {});

/** What a pool's split reads of an evaluation (pool.ts): everything but the dependency indicators, the warnings and the per-token figures. */
export type CostEvaluation = Omit<EvaluationResult, 'dependency' | 'warnings' | 'tokens' | 'pool'>;

/**
 * `demand` (pool.ts, issue 15): demand by month to serve instead of the workload's (the pool's, or one member's).
 * `costsOnly`: leaves out the dependency indicators, the warnings and the per-token figures (the pool's
 * members alone and its Monte Carlo read none of them; the dependency indicators were most of the time
 * of an evaluation) — every figure it returns is the full evaluation's.
 */
export function evaluateScenario(s: Scenario, demand?: Float64Array | null): EvaluationResult;
export function evaluateScenario(s: Scenario, demand: Float64Array | null, costsOnly: true): CostEvaluation;
export function evaluateScenario(s: Scenario, demand: Float64Array | null = null, costsOnly = false): EvaluationResult | CostEvaluation {
  const months = s.settings.horizonMonths;
  const rate = s.settings.discountRatePctPerYear;
  const plan = compilePlan(s, 1);
  const resolved = plan.resolved;
  // The module's columns, reused: this evaluation reads all it needs from them before it returns.
  const kernel = new Kernel(plan, true);
  kernel.prepare(1);
  const runs = (detail: Detail): OptionRun[] =>
    plan.options.map((o, i) => optionRun(o.id, o.kind === 0, o.p, kernel.options[i]!, detail.options[i]!, months, s.options[i]!.footprint?.offsetsKgCO2e ?? null));

  // Alone: each option serves the demand up to its own capacity; break-even is read from this run.
  const aloneDetail = newDetail(plan);
  kernel.run(1, { detail: aloneDetail, demand });
  const alone = runs(aloneDetail);
  const demandRefGpuHours = Array.from(aloneDetail.demand);
  const ids = plan.options.map((o) => o.id);
  const breakEvens = resolved.map((r, i) => (r.option.kind === 'buy' ? breakEvenOf(kernel.options[i]!, r.option.maxUtilisationPct, ids) : null));

  // The mix: the serving rule's allocation, from the kernel's capacities.
  const mixAllocation = allocateMix(resolved, kernel.options, demandRefGpuHours);
  const mixDetail = newDetail(plan);
  kernel.run(1, { served: mixAllocation.served, detail: mixDetail, demand });
  const inMix = runs(mixDetail);

  const options: OptionResult[] = resolved.map((r, i) => {
    const o = r.option;
    const owned = o.kind === 'buy';
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
      breakEven: breakEvens[i]!,
      breakEvenReason: !owned ? 'notOwned' : breakEvens[i] ? null : 'noRental',
      // own accelerators (issue 12)
      embodiedKgCO2ePerGpu: r.embodiedKgPerGpu,
      embodiedFrom: r.embodiedFrom,
      footprintBasis: footprintBasisOf(r),
      // failures (issue 15): only when the option has them, so a version-8 result is unchanged.
      ...withFailures(failuresResultOf(o, plan.options[i]!.p, s.workload.kind === 'training', alone[i]!)),
    };
  });

  const mix = combine(inMix, mixAllocation.unmet, months, rate);
  const costs: CostEvaluation = {
    scenarioId: s.id,
    months,
    startMonth: s.settings.startMonth,
    currency: s.settings.currency,
    hoursPerMonth: HOURS_PER_MONTH,
    demandRefGpuHours,
    options,
    mix,
  };
  if (costsOnly) return costs;
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

  const warnings: Sentence[] = resolutionWarnings(resolved, s);
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
    ...costs,
    dependency: dependency(s, weights, { spendCcy: tokenSpend, totalCcy: spendTotal }),
    warnings,
    // tokens (issue 15): per-token figures from the totals, when the workload has a load profile.
    ...tokensOf(s, plan.busyFromProfile, alone, inMix, mix),
  };
}

function tokensOf(s: Scenario, fromProfile: boolean, alone: OptionRun[], inMix: OptionRun[], mix: MixResult): { tokens?: TokensResult } {
  const t = tokensResult(s.workload, !fromProfile, alone.map((a, i) => ({ alone: a, inMix: inMix[i]! })), mix);
  return t ? { tokens: t } : {};
}

/** Sums the options' runs in the mix. */
function combine(runs: readonly OptionRun[], unmet: number[], months: number, rate: number): MixResult {
  const byCategory = Object.fromEntries(COST_CATEGORIES.map((c) => [c, new Array<number>(months).fill(0)])) as Record<CostCategory, number[]>;
  for (const run of runs) {
    for (const cat of COST_CATEGORIES) {
      for (let m = 0; m < months; m++) byCategory[cat][m]! += run.costByCategory[cat][m]!;
    }
  }
  const cost = sumByCategory(byCategory, months);
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
      // footprint (issue 12)
      marketKgCO2e: sum((r) => r.totals.marketKgCO2e),
      energyByComponent: {
        acceleratorsKWh: sum((r) => r.totals.energyByComponent.acceleratorsKWh),
        hostKWh: sum((r) => r.totals.energyByComponent.hostKWh),
        measuredKWh: sum((r) => r.totals.energyByComponent.measuredKWh),
        overheadKWh: sum((r) => r.totals.energyByComponent.overheadKWh),
        facilityOverheadKWh: sum((r) => r.totals.energyByComponent.facilityOverheadKWh),
      },
      offsetsKgCO2e: runs.some((r) => r.totals.offsetsKgCO2e !== null) ? sum((r) => r.totals.offsetsKgCO2e ?? 0) : null,
      unmetRefGpuHours: unmet.reduce((a, b) => a + b, 0),
    },
  };
}

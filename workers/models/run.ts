// One option's run as the evaluation reports it, read from the kernel's sample 0 and its detail. Pure.
import { monthlyDiscount } from './cost.ts';
import { footprintOf } from './energy.ts';
import type { Detail, OptionColumns } from './kernel.ts';
import { B, R } from './uncertainty/plan.ts';
import { COST_CATEGORIES, type ByCategory, type CostCategory, type FootprintParts, type OptionRun, type OptionTotals } from './types.ts';

/** Present value of monthly amounts: Σ x_m / (1 + r)^(m/12), month 0 undiscounted (the kernel's discounting, for a series). */
export function npv(perMonth: readonly number[], discountRatePctPerYear: number): number {
  const monthly = monthlyDiscount(discountRatePctPerYear);
  let pv = 0;
  let f = 1;
  for (const x of perMonth) {
    pv += x * f;
    f *= monthly;
  }
  return pv;
}

/** Below this many GPU-hours (a few milliseconds of one GPU), nothing was served: no cost per hour. */
export const MIN_SERVED_GPU_HOURS = 1e-6;

/** Cost per useful GPU-hour = total cost ÷ reference GPU-hours of demand served; null when nothing was served. */
export function perUsefulHour(cost: number, servedRefGpuHours: number): number | null {
  return servedRefGpuHours > MIN_SERVED_GPU_HOURS ? cost / servedRefGpuHours : null;
}

export function cumulative(xs: readonly number[]): number[] {
  let acc = 0;
  return xs.map((x) => (acc += x));
}

export function sumByCategory(byCategory: Record<CostCategory, number[]>, months: number): number[] {
  const out = new Array<number>(months).fill(0);
  for (const cat of COST_CATEGORIES) for (let m = 0; m < months; m++) out[m]! += byCategory[cat][m]!;
  return out;
}

export function categoryTotals(c: Record<CostCategory, number[]>): ByCategory {
  return Object.fromEntries(COST_CATEGORIES.map((cat) => [cat, c[cat].reduce((a, b) => a + b, 0)])) as Record<CostCategory, number>;
}

/** footprint (issue 12): market-based emissions and energy by component of sample 0 (the components add up to IT × PUE). */
export function footprintParts(c: OptionColumns, pue: number, offsetsKgCO2e: number | null): FootprintParts {
  const it = c.itKWh[0]!;
  const host = c.hostKWh[0]!;
  const measured = c.measuredKWh[0]!;
  const overhead = c.overheadKWh[0]!;
  // What the typed parts leave to the accelerators (0 when a measured figure replaces the derived one; below a rounding, 0).
  const rest = it - host - measured - overhead;
  return {
    marketKgCO2e: c.marketKg[0]!,
    energyByComponent: {
      acceleratorsKWh: rest > 1e-9 * it ? rest : 0,
      hostKWh: host,
      measuredKWh: measured,
      overheadKWh: overhead,
      // Facility overhead = IT × (PUE − 1) (The Green Grid).
      facilityOverheadKWh: it * (pue - 1),
    },
    offsetsKgCO2e,
  };
}

/** The option's run from the kernel's columns (sample 0) and the detail of that run. */
export function optionRun(id: string, owned: boolean, block: Float64Array, c: OptionColumns, detail: Detail['options'][number], months: number, offsetsKgCO2e: number | null = null): OptionRun {
  const byCategory = Object.fromEntries(COST_CATEGORIES.map((cat, x) => [cat, Array.from(detail.byCategory[x]!)])) as Record<CostCategory, number[]>;
  const costPerMonth = sumByCategory(byCategory, months);
  const cost = c.cost[0]!;
  const served = c.served[0]!;
  const [pue, wue, offsite, grid] = owned ? [B.pue, B.wue, B.offsiteWater, B.grid] : [R.pue, R.wue, R.offsiteWater, R.grid];
  const totals: OptionTotals = {
    costCcy: cost,
    npvCcy: c.npv[0]!,
    byCategory: categoryTotals(byCategory),
    servedRefGpuHours: served,
    usedGpuHours: c.used[0]!,
    costPerUsefulGpuHourCcy: perUsefulHour(cost, served),
    ...footprintOf(c.itKWh[0]!, block[pue]!, block[grid]!, c.embodiedKg[0]!, block[wue]!, block[offsite]!),
    // footprint (issue 12)
    ...footprintParts(c, block[pue]!, offsetsKgCO2e),
  };
  const depreciation = Array.from(detail.depreciation);
  return {
    optionId: id,
    servedRefGpuHours: Array.from(detail.served),
    costCcy: costPerMonth,
    costByCategory: byCategory,
    cumulativeCostCcy: cumulative(costPerMonth),
    totals,
    depreciation: owned ? { perMonthCcy: depreciation, bookValueAtEndCcy: c.capex[0]! - depreciation.reduce((a, b) => a + b, 0) } : null,
  };
}

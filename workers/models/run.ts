// Runs one option against an allocation of demand: usage → energy → cost → totals. Pure.
import { optionCosts, type MonthlyByCategory } from './cost.ts';
import { footprint, itEnergyKWh, usage } from './energy.ts';
import type { ResolvedOption } from './resolve.ts';
import { COST_CATEGORIES, type ByCategory, type CostCategory, type OptionRun, type OptionTotals } from './types.ts';

/** Present value of monthly amounts: Σ x_m / (1 + r)^(m/12), month 0 undiscounted. */
export function npv(perMonth: readonly number[], discountRatePctPerYear: number): number {
  // Discounting at an annual rate applied monthly: factor (1 + r)^(−m/12).
  const monthly = (1 + discountRatePctPerYear / 100) ** (-1 / 12);
  let pv = 0;
  let f = 1;
  for (const x of perMonth) {
    pv += x * f;
    f *= monthly;
  }
  return pv;
}

export function sumMonthly(c: MonthlyByCategory, months: number): number[] {
  const out = new Array<number>(months).fill(0);
  for (const cat of COST_CATEGORIES) {
    const arr = c[cat];
    for (let m = 0; m < months; m++) out[m]! += arr[m]!;
  }
  return out;
}

/** Below this many GPU-hours (a few milliseconds of one GPU), nothing was served: no cost per hour. */
export const MIN_SERVED_GPU_HOURS = 1e-6;

export function perUsefulHour(cost: number, servedRefGpuHours: number): number | null {
  return servedRefGpuHours > MIN_SERVED_GPU_HOURS ? cost / servedRefGpuHours : null;
}

export function cumulative(xs: readonly number[]): number[] {
  let acc = 0;
  return xs.map((x) => (acc += x));
}

export function categoryTotals(c: MonthlyByCategory): ByCategory {
  return Object.fromEntries(COST_CATEGORIES.map((cat) => [cat, c[cat].reduce((a, b) => a + b, 0)])) as Record<CostCategory, number>;
}

export function runOption(r: ResolvedOption, servedRef: readonly number[], months: number, discountRatePctPerYear: number): OptionRun {
  const u = usage(r, servedRef);
  const it = itEnergyKWh(r, u);
  const facility = it.map((e) => e * r.option.pue);
  const { byCategory, depreciation } = optionCosts(r, u, facility, months);
  const costPerMonth = sumMonthly(byCategory, months);
  const served = servedRef.reduce((a, b) => a + b, 0);
  const cost = costPerMonth.reduce((a, b) => a + b, 0);
  const totals: OptionTotals = {
    costCcy: cost,
    npvCcy: npv(costPerMonth, discountRatePctPerYear),
    byCategory: categoryTotals(byCategory),
    servedRefGpuHours: served,
    usedGpuHours: u.usedGpuHours.reduce((a, b) => a + b, 0),
    // Cost per useful GPU-hour = total cost ÷ reference GPU-hours of demand served.
    costPerUsefulGpuHourCcy: perUsefulHour(cost, served),
    ...footprint(r, u, months, it),
  };
  return {
    optionId: r.option.id,
    servedRefGpuHours: [...servedRef],
    costCcy: costPerMonth,
    costByCategory: byCategory,
    cumulativeCostCcy: cumulative(costPerMonth),
    totals,
    depreciation,
  };
}

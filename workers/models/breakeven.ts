// Break-even between owning and renting. Pure.
//
// For an owned option, over the horizon, cost is affine in the GPU-hours it serves:
// Own(u) = Own(0) + [Own(1) − Own(0)]·u, where u is the utilisation of the installed GPUs once
// delivered. Renting the same useful work at the cheapest rental rate costs R·u·Cap. Owning
// equals renting at u* = Own(0) / (R·Cap − [Own(1) − Own(0)]).
import { HOURS_PER_MONTH, priceFactor, type ResolvedOption } from './resolve.ts';
import { runOption } from './run.ts';
import type { BreakEven, OptionRun } from './types.ts';

/** Cost of one useful reference GPU-hour on a rental option in month m, at full use (price × trend × overheads × fees ÷ throughput). */
export function rentalRatePerRefGpuHour(r: ResolvedOption, m: number): number | null {
  const o = r.option;
  if (o.kind === 'buy') return null;
  const paid = r.reserved ? 1 : r.paidHoursFactor;
  return (o.priceCcyPerGpuHour * priceFactor(r, m) * paid * r.feeFactor) / r.throughput;
}

/** Installed capacity of an owned option in reference GPU-hours, month by month (0 before delivery). */
export function installedRefGpuHours(owned: ResolvedOption, months: number): number[] {
  const o = owned.option;
  if (o.kind !== 'buy') throw new Error('installed capacity is for owned options');
  return Array.from({ length: months }, (_, m) => (m < owned.deliveryMonth ? 0 : o.gpuCount * HOURS_PER_MONTH * owned.throughput));
}

export interface Rental {
  r: ResolvedOption;
  /** Rate per useful reference GPU-hour, month by month. */
  rates: number[];
  /** Average rate over the owned option's installed capacity. */
  averageRate: number;
}

/** The rental that would cost least to do the owned option's full work, month by month. */
export function cheapestRental(owned: ResolvedOption, resolved: readonly ResolvedOption[], months: number): Rental | null {
  const capacity = installedRefGpuHours(owned, months);
  const total = capacity.reduce((a, b) => a + b, 0);
  let best: Rental | null = null;
  let bestCost = Infinity;
  for (const r of resolved) {
    if (r.option.kind === 'buy') continue;
    const rates = Array.from({ length: months }, (_, m) => rentalRatePerRefGpuHour(r, m) as number);
    const cost = capacity.reduce((a, c, m) => a + c * rates[m]!, 0);
    const averageRate = total > 0 ? cost / total : rates[0]!;
    if (best === null || cost < bestCost || (total === 0 && averageRate < best.averageRate)) {
      best = { r, rates, averageRate };
      bestCost = cost;
    }
  }
  return best;
}

export function breakEven(
  owned: ResolvedOption,
  alone: OptionRun,
  rental: Rental,
  months: number,
  discountRatePctPerYear: number,
): BreakEven {
  const o = owned.option;
  if (o.kind !== 'buy') throw new Error('break-even is for owned options');
  const full = installedRefGpuHours(owned, months);
  const capRef = full.reduce((a, b) => a + b, 0);
  const own0 = runOption(owned, full.map(() => 0), months, discountRatePctPerYear).totals.costCcy;
  const own1 = runOption(owned, full, months, discountRatePctPerYear).totals.costCcy;
  // Renting all the installed capacity: Σ capacity × rate, month by month.
  const rentAll = full.reduce((a, c, m) => a + c * rental.rates[m]!, 0);
  const denominator = rentAll - (own1 - own0);

  let utilisation: number | null = null;
  let utilisationNote: BreakEven['utilisationNote'] = null;
  // u* = Own(0) / (R·Cap − (Own(1) − Own(0))).
  const u = own0 / denominator;
  if (denominator <= 0 || capRef === 0 || !Number.isFinite(u)) {
    utilisationNote = 'never';
  } else {
    utilisation = Math.max(0, u);
    if (utilisation > o.maxUtilisationPct / 100) utilisationNote = 'aboveMaximum';
  }

  // First month when renting the same served work would have cost as much as owning so far.
  let month: number | null = null;
  let rentCumulative = 0;
  for (let m = 0; m < months; m++) {
    rentCumulative += rental.rates[m]! * alone.servedRefGpuHours[m]!;
    if (rentCumulative > 0 && rentCumulative >= alone.cumulativeCostCcy[m]! - 1e-9 * Math.abs(alone.cumulativeCostCcy[m]!)) {
      month = m;
      break;
    }
  }
  return {
    rentalOptionId: rental.r.option.id,
    rentalCcyPerRefGpuHour: rental.averageRate,
    utilisation,
    utilisationNote,
    month,
  };
}

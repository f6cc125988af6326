// Break-even between owning and renting. Pure.
//
// For an owned option, over the horizon, cost is affine in the GPU-hours it serves:
// Own(u) = Own(0) + [Own(1) − Own(0)]·u, where u is the utilisation of the installed GPUs once
// delivered. Renting the same useful work at the cheapest rental rate costs R·u·Cap. Owning
// equals renting at u* = Own(0) / (R·Cap − [Own(1) − Own(0)]).
import { HOURS_PER_MONTH, type ResolvedOption } from './resolve.ts';
import { runOption } from './run.ts';
import type { BreakEven, OptionRun } from './types.ts';

/** Cost of one useful reference GPU-hour on a rental option at full use (price × overheads × fees ÷ throughput). */
export function rentalRatePerRefGpuHour(r: ResolvedOption): number | null {
  const o = r.option;
  if (o.kind === 'buy') return null;
  const paid = r.reserved ? 1 : r.paidHoursFactor;
  return (o.priceCcyPerGpuHour * paid * r.feeFactor) / r.throughput;
}

export function cheapestRental(resolved: readonly ResolvedOption[]): { r: ResolvedOption; rate: number } | null {
  let best: { r: ResolvedOption; rate: number } | null = null;
  for (const r of resolved) {
    const rate = rentalRatePerRefGpuHour(r);
    if (rate !== null && (best === null || rate < best.rate)) best = { r, rate };
  }
  return best;
}

export function breakEven(
  owned: ResolvedOption,
  alone: OptionRun,
  rental: { r: ResolvedOption; rate: number },
  months: number,
  discountRatePctPerYear: number,
): BreakEven {
  const o = owned.option;
  if (o.kind !== 'buy') throw new Error('break-even is for owned options');
  // Installed capacity in reference GPU-hours per month once delivered.
  const full = Array.from({ length: months }, (_, m) =>
    m < o.leadTimeMonths ? 0 : o.gpuCount * HOURS_PER_MONTH * owned.throughput,
  );
  const capRef = full.reduce((a, b) => a + b, 0);
  const own0 = runOption(owned, full.map(() => 0), months, discountRatePctPerYear).totals.costCcy;
  const own1 = runOption(owned, full, months, discountRatePctPerYear).totals.costCcy;
  const denominator = rental.rate * capRef - (own1 - own0);

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
    rentCumulative += rental.rate * alone.servedRefGpuHours[m]!;
    if (rentCumulative > 0 && rentCumulative >= alone.cumulativeCostCcy[m]! - 1e-9 * Math.abs(alone.cumulativeCostCcy[m]!)) {
      month = m;
      break;
    }
  }
  return {
    rentalOptionId: rental.r.option.id,
    rentalCcyPerRefGpuHour: rental.rate,
    utilisation,
    utilisationNote,
    month,
  };
}

// Break-even between owning and renting, as the evaluation reports it: read from the kernel
// (kernel.ts computes it for every sample: the cheapest rental, the month renting catches up, the
// utilisation at which owning costs the same). Pure.
import type { OptionColumns } from './kernel.ts';
import type { BreakEven } from './types.ts';

/** Sample 0's break-even of an owned option with schedulable maximum `maxUtilisationPct`; null without a rental. */
export function breakEvenOf(c: OptionColumns, maxUtilisationPct: number, optionIds: readonly string[]): BreakEven | null {
  const rental = c.rental[0]!;
  if (rental < 0) return null;
  const u = c.utilisation[0]!;
  const month = c.breakEvenMonth[0]!;
  return {
    rentalOptionId: optionIds[rental]!,
    rentalCcyPerRefGpuHour: c.averageRate[0]!,
    utilisation: Number.isNaN(u) ? null : u,
    // Why there is no break-even utilisation: renting is cheaper even at full use, or it is above the schedulable maximum.
    utilisationNote: Number.isNaN(u) ? 'never' : u > maxUtilisationPct / 100 ? 'aboveMaximum' : null,
    month: month < 0 ? null : month,
  };
}

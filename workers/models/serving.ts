// How demand is served in the mix. Pure.
//
// The mix rule (README, "How demand is served"):
//   1. owned GPUs first, in the order of the options, up to their schedulable capacity once delivered;
//   2. then reserved cloud GPUs, up to their commitment — they are paid whether used or not, so
//      using them before paying for more is never worse;
//   3. the remainder is split among the pay-as-you-go options (on-demand, spot, decentralised) by
//      the shares the person sets (they add up to 100 %);
//   4. what is left — when there is no pay-as-you-go option — is reported as unmet.
// "Alone", each option serves the whole demand by itself up to its own capacity (the kernel's own rule).
// Capacities are the kernel's (kernel.ts): reference GPU-hours a month from the first usable month.
import type { OptionColumns } from './kernel.ts';
import type { ResolvedOption } from './resolve.ts';

export interface Allocation {
  /** served[i][m]: reference GPU-hours option i serves in month m. */
  served: Float64Array[];
  unmet: number[];
}

/** The mix's allocation of sample `k`'s demand (0: the evaluation), from the options' capacities in that sample. */
export function allocateMix(resolved: readonly ResolvedOption[], columns: readonly OptionColumns[], demand: ArrayLike<number>, k = 0, into?: Allocation): Allocation {
  const months = demand.length;
  // `into`: an allocation of the same options and months to overwrite (a run over many samples reuses one).
  const served = into?.served ?? resolved.map(() => new Float64Array(months));
  const unmet = into?.unmet ?? new Array<number>(months).fill(0);
  const owned = indices(resolved, (r) => r.option.kind === 'buy');
  const reserved = indices(resolved, (r) => r.reserved);
  const payg = indices(resolved, (r) => r.payAsYouGo);
  const share = (i: number) => {
    const o = resolved[i]!.option;
    return o.kind === 'buy' ? 0 : o.demandSharePct;
  };
  const shareSum = payg.reduce((a, i) => a + share(i), 0);
  const capacityFirst = [...owned, ...reserved];
  for (let m = 0; m < months; m++) {
    let remaining = demand[m]!;
    for (const i of capacityFirst) {
      const c = columns[i]!;
      const take = Math.min(remaining, m < c.delivery[k]! ? 0 : c.capRef[k]!);
      served[i]![m] = take;
      remaining -= take;
    }
    if (payg.length > 0) {
      // Shares are normalised by their sum (which validation holds at 100 % ± 0.01), so the
      // remainder is served exactly: nothing is served twice or silently dropped.
      for (const i of payg) served[i]![m] = shareSum > 0 ? remaining * (share(i) / shareSum) : remaining / payg.length;
      remaining = 0;
    }
    unmet[m] = remaining;
  }
  return { served, unmet };
}

function indices(resolved: readonly ResolvedOption[], pred: (r: ResolvedOption) => boolean): number[] {
  const out: number[] = [];
  resolved.forEach((r, i) => {
    if (pred(r)) out.push(i);
  });
  return out;
}

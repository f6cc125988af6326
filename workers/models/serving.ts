// How demand is served. Pure.
//
// The mix rule (README, "How demand is served"):
//   1. owned GPUs first, in the order of the options, up to their schedulable capacity once delivered;
//   2. then reserved cloud GPUs, up to their commitment — they are paid whether used or not, so
//      using them before paying for more is never worse;
//   3. the remainder is split among the pay-as-you-go options (on-demand, spot, decentralised) by
//      the shares the person sets (they add up to 100 %);
//   4. what is left — when there is no pay-as-you-go option — is reported as unmet.
// "Alone", each option serves the whole demand by itself up to its own capacity.
import { HOURS_PER_MONTH, type ResolvedOption } from './resolve.ts';

/** Reference GPU-hours an option can serve in month `m` (Infinity for pay-as-you-go). */
export function capacityRefGpuHours(r: ResolvedOption, m: number): number {
  const o = r.option;
  if (o.kind === 'buy') {
    if (m < r.deliveryMonth) return 0;
    return o.gpuCount * HOURS_PER_MONTH * (o.maxUtilisationPct / 100) * r.throughput;
  }
  if (r.reserved && o.kind === 'cloud') return o.committedGpus * HOURS_PER_MONTH * r.throughput;
  return Infinity;
}

export interface Allocation {
  /** served[i][m]: reference GPU-hours option i serves in month m. */
  served: number[][];
  unmet: number[];
}

export function allocateMix(resolved: readonly ResolvedOption[], demand: readonly number[]): Allocation {
  const months = demand.length;
  const served = resolved.map(() => new Array<number>(months).fill(0));
  const unmet = new Array<number>(months).fill(0);
  const owned = indices(resolved, (r) => r.option.kind === 'buy');
  const reserved = indices(resolved, (r) => r.reserved);
  const payg = indices(resolved, (r) => r.payAsYouGo);
  const shareSum = payg.reduce((a, i) => {
    const o = resolved[i]!.option;
    return a + (o.kind === 'buy' ? 0 : o.demandSharePct);
  }, 0);
  for (let m = 0; m < months; m++) {
    let remaining = demand[m]!;
    for (const i of [...owned, ...reserved]) {
      const take = Math.min(remaining, capacityRefGpuHours(resolved[i]!, m));
      served[i]![m] = take;
      remaining -= take;
    }
    if (payg.length > 0) {
      // Shares are normalised by their sum (which validation holds at 100 % ± 0.01), so the
      // remainder is served exactly: nothing is served twice or silently dropped.
      for (const i of payg) {
        const o = resolved[i]!.option;
        served[i]![m] = shareSum > 0 ? remaining * ((o.kind === 'buy' ? 0 : o.demandSharePct) / shareSum) : remaining / payg.length;
      }
      remaining = 0;
    }
    unmet[m] = remaining;
  }
  return { served, unmet };
}

export function allocateAlone(r: ResolvedOption, demand: readonly number[]): { served: number[]; unmet: number[] } {
  const served = demand.map((d, m) => Math.min(d, capacityRefGpuHours(r, m)));
  return { served, unmet: demand.map((d, m) => d - served[m]!) };
}

function indices(resolved: readonly ResolvedOption[], pred: (r: ResolvedOption) => boolean): number[] {
  const out: number[] = [];
  resolved.forEach((r, i) => {
    if (pred(r)) out.push(i);
  });
  return out;
}

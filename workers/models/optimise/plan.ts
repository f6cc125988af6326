// The optimiser's decision variables and how a choice of them becomes a scenario. Pure.
//
// What a procurement team controls (issue 14): GPUs bought per purchase option, in whole servers,
// and the month ordered; GPUs committed per reserved cloud option; the split of the remaining
// demand among pay-as-you-go options. Everything else stays as typed. An option the plan does not
// use (no server, no commitment, no share) is left out of the plan's scenario.
import { isPayAsYouGo, isReserved } from '../../../src/scenario/constants.ts';
import type { Scenario, SupplyOption } from '../../../src/scenario/schema.ts';

/** One choice of every decision variable. Absent from a list: the option is not in the plan. */
export interface PlanChoice {
  /** Purchases: GPUs bought (a whole number of servers) and the month ordered. */
  buy: { optionId: string; gpus: number; orderMonth: number }[];
  /** Reserved cloud options: GPUs committed (the term is the option's own: one price per term). */
  reserved: { optionId: string; committedGpus: number }[];
  /** Pay-as-you-go options: share of the demand left after owned and reserved capacity, in percent (sum 100). */
  shares: { optionId: string; pct: number }[];
}

/** The person's own mix, as a choice. */
export function typedChoice(s: Scenario): PlanChoice {
  const c: PlanChoice = { buy: [], reserved: [], shares: [] };
  for (const o of s.options) {
    if (o.kind === 'buy') c.buy.push({ optionId: o.id, gpus: o.gpuCount, orderMonth: o.orderMonth });
    else if (o.kind === 'cloud' && isReserved(o)) c.reserved.push({ optionId: o.id, committedGpus: o.committedGpus });
    else if (o.demandSharePct > 0) c.shares.push({ optionId: o.id, pct: o.demandSharePct });
  }
  return c;
}

/** One option alone, as typed (a pay-as-you-go option then takes all the demand). */
export function aloneChoice(s: Scenario, o: SupplyOption): PlanChoice {
  if (o.kind === 'buy') return { buy: [{ optionId: o.id, gpus: o.gpuCount, orderMonth: o.orderMonth }], reserved: [], shares: [] };
  if (o.kind === 'cloud' && isReserved(o)) return { buy: [], reserved: [{ optionId: o.id, committedGpus: o.committedGpus }], shares: [] };
  return { buy: [], reserved: [], shares: [{ optionId: o.id, pct: 100 }] };
}

/** Decision fields: a range on one of them is dropped from the plan (the plan sets its value). */
const DECIDED = new Set(['gpuCount', 'orderMonth', 'committedGpus', 'demandSharePct', 'serverAndNetworkCcy']);

/**
 * The plan as a scenario in the format: the person's options with the chosen counts, order months
 * and shares; options not used are left out. The cluster's servers and network are priced per GPU
 * as typed (serverAndNetworkCcy × GPUs ÷ typed GPUs). Returns null when the plan has no option.
 */
export function applyChoice(s: Scenario, c: PlanChoice, meta: { id?: string; name?: string } = {}): Scenario | null {
  const buy = new Map(c.buy.map((b) => [b.optionId, b]));
  const reserved = new Map(c.reserved.map((r) => [r.optionId, r]));
  const shares = new Map(c.shares.map((x) => [x.optionId, x.pct]));
  const options: SupplyOption[] = [];
  for (const o of s.options) {
    if (o.kind === 'buy') {
      const b = buy.get(o.id);
      if (!b || b.gpus < 1) continue;
      // Servers and network for the whole cluster, scaled per GPU from the typed figure.
      const serverAndNetworkCcy = (o.serverAndNetworkCcy * b.gpus) / o.gpuCount;
      options.push({ ...o, gpuCount: b.gpus, orderMonth: b.orderMonth, serverAndNetworkCcy });
    } else if (o.kind === 'cloud' && isReserved(o)) {
      const r = reserved.get(o.id);
      if (!r || r.committedGpus < 1) continue;
      options.push({ ...o, committedGpus: r.committedGpus });
    } else if (isPayAsYouGo(o)) {
      const pct = shares.get(o.id) ?? 0;
      if (pct <= 0) continue;
      options.push({ ...o, demandSharePct: pct });
    }
  }
  if (options.length === 0) return null;
  const kept = new Set(options.map((o) => o.id));
  const ranges = s.uncertainty.ranges.filter((r) => r.target !== 'option' || (r.optionId !== null && kept.has(r.optionId) && !DECIDED.has(r.field)));
  return {
    ...s,
    id: meta.id ?? s.id,
    name: meta.name ?? s.name,
    options,
    uncertainty: { ...s.uncertainty, ranges },
  };
}

/** Every PAYG split of 100 % among `k` options in steps of `stepPct` (zeros allowed), plus "none" when `allowNone`. */
export function splits(k: number, stepPct: number, allowNone: boolean): number[][] {
  const out: number[][] = [];
  if (k === 0) return [[]];
  const units = Math.round(100 / stepPct);
  const rec = (i: number, left: number, acc: number[]) => {
    if (i === k - 1) {
      out.push([...acc, left * stepPct]);
      return;
    }
    for (let u = left; u >= 0; u--) rec(i + 1, left - u, [...acc, u * stepPct]);
  };
  rec(0, units, []);
  if (allowNone) out.push(new Array<number>(k).fill(0));
  return out;
}

/** Splits of 100 % between each pair of `k` options in steps of `stepPct` (the others at 0): the segments between two suppliers. */
export function pairSplits(k: number, stepPct: number): number[][] {
  const out: number[][] = [];
  const units = Math.round(100 / stepPct);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      for (let u = 0; u <= units; u++) {
        const v = new Array<number>(k).fill(0);
        v[a] = Math.round(u * stepPct * 1e6) / 1e6;
        v[b] = Math.round((100 - u * stepPct) * 1e6) / 1e6;
        out.push(v);
      }
    }
  }
  return out;
}

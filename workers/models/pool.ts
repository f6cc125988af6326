// Pooling (issue 15): several members share the supply options. The pool's demand is the sum of the
// members' demands, run through the one kernel (evaluate.ts with a demand given); what a member
// would pay alone is the same evaluation on its own demand. Then the pool's cost is split: the shared
// options (owned, reserved — paid whether used or not) by the person's rule, the pay-as-you-go
// options by the hours each member used. Methods: docs/methodology.md, "Pooling". Pure.
import { isShareRange } from '../../src/scenario/constants.ts';
import type { Scenario, Workload } from '../../src/scenario/schema.ts';
import { evaluateScenario, type CostEvaluation } from './evaluate.ts';
import { tokenFigures, tokenRate } from './tokens.ts';
import type { EvaluationResult, OptionTotals, PoolMemberResult, PoolResult } from './types.ts';
import type { Plan } from './uncertainty/plan.ts';
import { demandPerMonth, demandSeries, demandTerms, newDemandTerms } from './workload.ts';

/** Below this many reference GPU-hours, a member's demand is served in full (rounding). */
const SERVED_TOLERANCE = 1e-6;
/** A demand no option can reach: each option then serves its capacity (the kernel's own rule), which measures it. */
const UNBOUNDED_DEMAND = 1e15;

/** A member's demand by month: its workload's series from its start month, for its active months. */
export function memberDemand(w: Workload, startMonth: number, activeMonths: number | null, months: number): Float64Array {
  const own = demandPerMonth(w, months);
  const out = new Float64Array(months);
  const end = activeMonths === null ? months : Math.min(months, startMonth + activeMonths);
  // The workload as if it began at its start month: D_j[m] = D_w[m − start] for start ≤ m < start + active.
  for (let m = startMonth; m < end; m++) out[m] = own[m - startMonth]!;
  return out;
}

/** A member of the pool: its name, demand by month, committed share and workload (its tokens, issue 15). */
export interface PoolMember {
  name: string;
  demand: Float64Array;
  committedSharePct: number | null;
  workload?: Workload;
}

/** Every member's demand (the first is the scenario's workload, from month 0), names and committed shares. */
export function poolMembers(s: Scenario): PoolMember[] {
  const months = s.settings.horizonMonths;
  const pool = s.pool!;
  return [
    { name: pool.firstMemberName, demand: memberDemand(s.workload, 0, null, months), committedSharePct: pool.firstMemberCommittedSharePct, workload: s.workload },
    ...pool.members.map((m) => ({ name: m.name, demand: memberDemand(m.workload, m.memberStartMonth, m.memberActiveMonths, months), committedSharePct: m.committedSharePct, workload: m.workload })),
  ];
}

/** The demand of every member but the first, by month (null without a pool): the Monte Carlo and the tornado add it to the workload's. */
export function otherMembersDemand(s: Scenario): Float64Array | null {
  if (!s.pool) return null;
  const months = s.settings.horizonMonths;
  const out = new Float64Array(months);
  for (const m of poolMembers(s).slice(1)) for (let t = 0; t < months; t++) out[t]! += m.demand[t]!;
  return out;
}

/**
 * The committed shares of a sample (the pool's Monte Carlo, issue 15), in percent, from the stated
 * shares and the drawn ones (null: no range on it). A member with a range has its draw; the members
 * without one take the rest, 100 − Σ draws, in proportion to their stated shares (evenly if those are
 * all 0), so the shares add up to 100 % in every sample as validation asks of the stated ones. Should
 * the draws add up to more than 100 % (a tail beyond the ranges' high ends, which validation keeps at
 * 100 % at most), they are scaled down to 100 % and the others take none.
 */
export function sampledShares(stated: readonly number[], drawn: readonly (number | null)[]): number[] {
  const drawnSum = drawn.reduce<number>((a, d) => a + (d ?? 0), 0);
  if (drawnSum > 100) return drawn.map((d) => (d === null ? 0 : (d * 100) / drawnSum));
  const rest = 100 - drawnSum;
  const free = stated.filter((_, j) => drawn[j] === null);
  const freeSum = free.reduce((a, v) => a + v, 0);
  // s_j = d_j with a range; otherwise (100 − Σ d) × c_j ÷ Σ c over the members without one (c: stated share).
  return stated.map((c, j) => drawn[j] ?? (freeSum > 0 ? (rest * c) / freeSum : rest / free.length));
}

/** Whether a range is on a member beyond the first (its demand then differs from sample to sample). */
export function hasMemberRanges(s: Scenario): boolean {
  return s.uncertainty.ranges.some((r) => r.target === 'member');
}

/**
 * The other members' demand of samples [0, n) by month, into out[k × months + m], from the plan's
 * member blocks as sampled: the same series as memberDemand, from each sample's own inputs.
 */
export function otherMembersDemandSamples(plan: Plan, n: number, out: Float64Array): Float64Array {
  const months = plan.months;
  out.fill(0, 0, n * months);
  const terms = newDemandTerms(plan.stride);
  const own = new Float64Array(months);
  for (const m of plan.members) {
    demandTerms(m.kind, m.workload, plan.stride, n, months, terms);
    const end = m.activeMonths === null ? months : Math.min(months, m.startMonth + m.activeMonths);
    for (let k = 0; k < n; k++) {
      demandSeries(terms, k, months, own);
      // As memberDemand: D_j[m] = D_w[m − start] for start ≤ m < start + active.
      for (let t = m.startMonth; t < end; t++) out[k * months + t]! += own[t - m.startMonth]!;
    }
  }
  return out;
}

/** The scenario's evaluation: a pool's when it has one (options serving the sum of demands, with the split), today's otherwise. */
export function evaluatePlanning(s: Scenario): EvaluationResult {
  if (!s.pool) return evaluateScenario(s);
  const members = poolMembers(s);
  const pooled = evaluateScenario(s, poolDemand(members, s.settings.horizonMonths));
  return { ...pooled, pool: splitOf(s, members, pooled) };
}

/**
 * What a pool's Monte Carlo keeps from one sample to the next: the evaluations no range touches (each
 * member alone, the shared capacity), evaluated at the first sample and reused — the same inputs give
 * the same figures, so a sample is still exactly evaluatePlanning of its inputs.
 */
export interface SplitReuse {
  keepAlone: readonly boolean[];
  keepCapacity: boolean;
  alone: (CostEvaluation | undefined)[];
  capacity?: CostEvaluation;
}

/** Which evaluations no range of `s` touches: a range on the settings, an option or the first member's workload touches all; one on a member's workload, that member alone; one on a share, none. */
export function splitReuse(s: Scenario): SplitReuse {
  const ranges = s.uncertainty.ranges.filter((r) => !isShareRange(r));
  const all = ranges.some((r) => r.target !== 'member');
  const count = (s.pool?.members.length ?? 0) + 1;
  const keepAlone = Array.from({ length: count }, (_, j) => !all && (j === 0 || !ranges.some((r) => r.memberIndex === j - 1)));
  return { keepAlone, keepCapacity: !all, alone: [] };
}

/** The pool's split alone (its Monte Carlo, one sample): exactly evaluatePlanning(s).pool, without the pool's dependency indicators. */
export function poolSplit(s: Scenario, reuse?: SplitReuse): PoolResult {
  const members = poolMembers(s);
  return splitOf(s, members, evaluateScenario(s, poolDemand(members, s.settings.horizonMonths), true), reuse);
}

/** D[m] = Σ_j D_j[m]. */
function poolDemand(members: readonly { demand: Float64Array }[], months: number): Float64Array {
  const total = new Float64Array(months);
  for (const m of members) for (let t = 0; t < months; t++) total[t]! += m.demand[t]!;
  return total;
}

/** Each member alone and the shared options' capacity (costs only: the split reads nothing else), then the split. */
function splitOf(s: Scenario, members: ReturnType<typeof poolMembers>, pooled: CostEvaluation, reuse?: SplitReuse): PoolResult {
  const months = s.settings.horizonMonths;
  const alone = members.map((m, j) => {
    if (!reuse?.keepAlone[j]) return evaluateScenario(s, m.demand, true);
    return (reuse.alone[j] ??= evaluateScenario(s, m.demand, true));
  });
  const capacityOf = () => evaluateScenario(s, new Float64Array(months).fill(UNBOUNDED_DEMAND), true);
  const capacity = reuse?.keepCapacity ? (reuse.capacity ??= capacityOf()) : capacityOf();
  return splitPool(s, members, pooled, alone, capacity);
}

/** Whether option i is shared (owned or reserved: its cost does not follow each member's use). */
function sharedOptions(s: Scenario): boolean[] {
  return s.options.map((o) => o.kind === 'buy' || (o.kind === 'cloud' && (o.pricingModel === 'reserved1y' || o.pricingModel === 'reserved3y')));
}

/** Reference GPU-hours the shared options served in a run's mix. */
function sharedServed(r: CostEvaluation, shared: boolean[]): number {
  return r.options.reduce((a, o, i) => a + (shared[i] ? o.inMix.totals.servedRefGpuHours : 0), 0);
}

/** The split of the pooled evaluation among its members, and each member alone. */
export function splitPool(
  s: Scenario,
  members: readonly PoolMember[],
  pooled: CostEvaluation,
  alone: readonly CostEvaluation[],
  capacity: CostEvaluation,
): PoolResult {
  const months = s.settings.horizonMonths;
  const n = members.length;
  const shared = sharedOptions(s);
  const total = pooled.demandRefGpuHours;
  // Member j's part of month m's served hours: f_j[m] = D_j[m] ÷ Σ D[m] (each option serves the pool's demand, not a member's).
  const frac = (j: number, m: number) => (total[m]! > 0 ? members[j]!.demand[m]! / total[m]! : 1 / n);

  // Hours each member used of the shared options, the weights of the "GPU-hours used" rule.
  const sharedHours = members.map((_, j) =>
    pooled.options.reduce((a, o, i) => {
      if (!shared[i]) return a;
      let h = 0;
      for (let m = 0; m < months; m++) h += o.inMix.servedRefGpuHours[m]! * frac(j, m);
      return a + h;
    }, 0),
  );
  const hoursSum = sharedHours.reduce((a, b) => a + b, 0);
  const rule = s.pool!.splitRule;
  const fellBack = rule === 'gpuHours' && !(hoursSum > 0);
  // Share of the shared options' cost: hours used ÷ all hours used, the committed share, or 1/n.
  const weight = members.map((m, j) =>
    rule === 'committedShare' ? (m.committedSharePct ?? 0) / 100 : rule === 'gpuHours' && !fellBack ? sharedHours[j]! / hoursSum : 1 / n,
  );

  const out: PoolMemberResult[] = members.map((m, j) => {
    let sharedCcy = 0;
    let payAsYouGoCcy = 0;
    let kg = 0;
    let kWh = 0;
    let servedHours = sharedHours[j]!;
    pooled.options.forEach((o, i) => {
      const t = o.inMix.totals;
      if (shared[i]) {
        sharedCcy += t.costCcy * weight[j]!;
        kg += (t.operationalKgCO2e + t.embodiedKgCO2e) * weight[j]!;
        kWh += t.facilityEnergyKWh * weight[j]!;
        return;
      }
      let used = 0;
      let hours = 0;
      for (let mo = 0; mo < months; mo++) {
        used += o.inMix.costCcy[mo]! * frac(j, mo);
        hours += o.inMix.servedRefGpuHours[mo]! * frac(j, mo);
      }
      payAsYouGoCcy += used;
      servedHours += hours;
      const part = t.servedRefGpuHours > 0 ? hours / t.servedRefGpuHours : 0;
      kg += (t.operationalKgCO2e + t.embodiedKgCO2e) * part;
      kWh += t.facilityEnergyKWh * part;
    });
    const best = bestAlone(alone[j]!);
    const inPoolCcy = sharedCcy + payAsYouGoCcy;
    return {
      name: m.name,
      demandRefGpuHours: m.demand.reduce((a, b) => a + b, 0),
      sharedCcy,
      payAsYouGoCcy,
      inPoolCcy,
      inPoolKgCO2e: kg,
      inPoolFacilityKWh: kWh,
      aloneCcy: best.costCcy,
      aloneBest: best.id,
      aloneServesAll: best.servesAll,
      savingCcy: best.costCcy - inPoolCcy,
      ...memberTokens(m.workload, { costCcy: inPoolCcy, servedRefGpuHours: servedHours, facilityEnergyKWh: kWh, operationalKgCO2e: kg, embodiedKgCO2e: 0 }, best.totals),
    };
  });

  const cap = sharedServed(capacity, shared);
  const poolCcy = pooled.mix.totals.costCcy;
  const aloneCcy = out.reduce((a, m) => a + m.aloneCcy, 0);
  return {
    splitRule: rule,
    splitFellBackToEqual: fellBack,
    members: out,
    sharedCapacityRefGpuHours: cap,
    // Utilisation = served ÷ capacity of the owned and reserved options; alone, each member has a copy of them (n × capacity).
    utilisationPooled: cap > 0 ? sharedServed(pooled, shared) / cap : null,
    utilisationAlone: cap > 0 ? alone.reduce((a, r) => a + sharedServed(r, shared), 0) / (n * cap) : null,
    poolCcy,
    aloneCcy,
    savingCcy: aloneCcy - poolCcy,
  };
}

type TokenTotals = Pick<OptionTotals, 'costCcy' | 'servedRefGpuHours' | 'facilityEnergyKWh' | 'operationalKgCO2e' | 'embodiedKgCO2e'>;

/**
 * tokens (issue 15): a member's price of a token in the pool and alone — the same figures as an
 * option's (tokenFigures), from its share of the pool's cost, energy and CO2e and the tokens of the
 * hours it was served; nothing when its workload has no load profile (never a zero).
 */
function memberTokens(w: Workload | undefined, inPool: TokenTotals, alone: TokenTotals): Pick<PoolMemberResult, 'tokens'> {
  const rate = w ? tokenRate(w) : null;
  if (rate === null) return {};
  return { tokens: { inPool: tokenFigures(inPool, rate.perHour, rate.weights), alone: tokenFigures(alone, rate.perHour, rate.weights) } };
}

/** The cheapest way a member alone is served in full: the mix, or one option alone; the mix when none serves it all. */
function bestAlone(r: CostEvaluation): { id: string; costCcy: number; servesAll: boolean; totals: TokenTotals } {
  const demand = r.demandRefGpuHours.reduce((a, b) => a + b, 0);
  const candidates = [
    { id: 'mix', costCcy: r.mix.totals.costCcy, served: r.mix.totals.servedRefGpuHours, totals: r.mix.totals as TokenTotals },
    ...r.options.map((o) => ({ id: o.id, costCcy: o.alone.totals.costCcy, served: o.alone.totals.servedRefGpuHours, totals: o.alone.totals as TokenTotals })),
  ].filter((c) => c.served >= demand - SERVED_TOLERANCE);
  if (candidates.length === 0) return { id: 'mix', costCcy: r.mix.totals.costCcy, servesAll: false, totals: r.mix.totals };
  const best = candidates.reduce((a, b) => (b.costCcy < a.costCcy ? b : a));
  return { id: best.id, costCcy: best.costCcy, servesAll: true, totals: best.totals };
}

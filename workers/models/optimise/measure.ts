// What a candidate plan costs and uses, measured through the one kernel (kernel.ts) the way the
// ordinary evaluation (evaluate.ts) measures the mix: the serving rule's allocation (serving.ts),
// one kernel run at one sample, each option's run read by run.ts. Pure.
//
// One kernel run measures every split of the pay-as-you-go remainder at once: each pay-as-you-go
// option is run serving the whole remainder R, and an option at share w then costs its fixed part
// (egress and storage, paid in the months it serves) plus w × the rest, and emits and uses w × its
// footprint — the kernel's rented cost is linear in the hours served (kernel.ts, rentedTerms). The
// tests check every returned plan against evaluateScenario itself.
import { isPayAsYouGo, type Goals, type Scenario, type SupplyOption } from '../../../src/scenario/schema.ts';
import { portfolioConcentration, providerHeadquarters } from '../dependency.ts';
import { CAT, Kernel, newDetail } from '../kernel.ts';
import { HOURS_PER_MONTH } from '../resolve.ts';
import { npv, optionRun } from '../run.ts';
import { allocateMix } from '../serving.ts';
import type { DependencyTier, EvaluationResult } from '../types.ts';
import { compilePlan } from '../uncertainty/plan.ts';
import { applyChoice, type PlanChoice } from './plan.ts';

/** One option's part of a candidate: for a pay-as-you-go option, serving the whole remainder. */
export interface Part {
  option: SupplyOption;
  payg: boolean;
  costCcy: number;
  npvCcy: number;
  capexCcy: number;
  costByMonth: Float64Array;
  /** Pay-as-you-go: egress and storage (paid whatever the share, in the months it serves). */
  fixedByMonth: Float64Array;
  fixedCostCcy: number;
  fixedNpvCcy: number;
  co2eKg: number;
  waterL: number;
  servedRefGpuHours: number;
}

/** A measured combination of the whole-number variables; pay-as-you-go options all present. */
export interface Measured {
  parts: Part[];
  /** Reference GPU-hours left after owned and reserved capacity, over the horizon. */
  remainderRefGpuHours: number;
  sitePowerKW: number;
  rate: number;
  /** The planner's country (an owned option's provider jurisdiction, dependency.ts). */
  plannerCountry: string;
  /** The scenario's own accelerators (issue 12), for the supplier tiers. */
  ownAccelerators?: Scenario['ownAccelerators'];
}

/** Demand by month of a scenario (the workload is not a decision): from one kernel run. */
export function demandOf(s: Scenario): Float64Array {
  const plan = compilePlan(s, 1);
  const kernel = new Kernel(plan, true);
  kernel.prepare(1);
  const detail = newDetail(plan);
  kernel.run(1, { detail });
  return Float64Array.from(detail.demand);
}

/**
 * Power the site must supply for the owned hardware at full load: (GPUs × W per GPU + servers ×
 * host W) × PUE (nameplate provisioning, as a facility is sized; W per GPU is the catalog's TDP when left empty).
 */
export function sitePowerKW(s: Scenario): number {
  const plan = compilePlan(s, 1);
  let w = 0;
  for (const r of plan.resolved) {
    const o = r.option;
    if (o.kind !== 'buy') continue;
    w += (o.gpuCount * r.powerWPerGpu + Math.ceil(o.gpuCount / o.gpusPerServer) * r.hostWPerServer) * o.pue;
  }
  return w / 1000;
}

/** Measures a choice of the whole-number variables with every pay-as-you-go option present. */
export function measure(s: Scenario, c: PlanChoice, demand: Float64Array): Measured | null {
  const payg = s.options.filter(isPayAsYouGo);
  const choice: PlanChoice = { ...c, shares: payg.map((o) => ({ optionId: o.id, pct: 100 / payg.length })) };
  const plan0 = applyChoice(s, choice);
  if (!plan0) return null;
  const plan = compilePlan(plan0, 1);
  const kernel = new Kernel(plan, true);
  kernel.prepare(1);
  const alloc = allocateMix(plan.resolved, kernel.options, demand);
  const months = demand.length;
  const remainder = new Float64Array(months);
  plan.resolved.forEach((r, i) => {
    if (r.payAsYouGo) for (let m = 0; m < months; m++) remainder[m]! += alloc.served[i]![m]!;
  });
  if (payg.length === 0) for (let m = 0; m < months; m++) remainder[m] = alloc.unmet[m]!;
  const served = plan.resolved.map((r, i) => (r.payAsYouGo ? remainder : alloc.served[i]!));
  const detail = newDetail(plan);
  kernel.run(1, { served, detail });
  const rate = s.settings.discountRatePctPerYear;
  const parts: Part[] = plan.resolved.map((r, i) => {
    const run = optionRun(plan.options[i]!.id, r.option.kind === 'buy', plan.options[i]!.p, kernel.options[i]!, detail.options[i]!, months);
    const fixedByMonth = r.payAsYouGo ? Float64Array.from(detail.options[i]!.byCategory[CAT.egressStorage]!) : new Float64Array(months);
    const fixedList = Array.from(fixedByMonth);
    const t = run.totals;
    return {
      option: r.option,
      payg: r.payAsYouGo,
      costCcy: t.costCcy,
      npvCcy: t.npvCcy,
      capexCcy: t.byCategory.capex,
      costByMonth: Float64Array.from(run.costCcy),
      fixedByMonth,
      fixedCostCcy: fixedList.reduce((a, b) => a + b, 0),
      fixedNpvCcy: npv(fixedList, rate),
      co2eKg: t.operationalKgCO2e + t.embodiedKgCO2e,
      waterL: t.onsiteWaterL + t.offsiteWaterL,
      servedRefGpuHours: t.servedRefGpuHours,
    };
  });
  return { parts, remainderRefGpuHours: remainder.reduce((a, b) => a + b, 0), sitePowerKW: sitePowerKW(plan0), rate, plannerCountry: plan0.settings.plannerCountry, ownAccelerators: plan0.ownAccelerators };
}

/** Everything a constraint or an objective reads, for one plan. */
export interface Metrics {
  npvCcy: number;
  costCcy: number;
  capexCcy: number;
  maxMonthlyCcy: number;
  sitePowerKW: number;
  co2eKg: number;
  waterL: number;
  servedRefGpuHours: number;
  unmetRefGpuHours: number;
  /** Countries of the plan's options (null: unknown). */
  countries: (string | null)[];
  /** Headquarters country of each option's provider (dependency.ts; owned: the planner's; null: unknown). */
  jurisdictions: (string | null)[];
  /** Options in the plan, and their spend weights (the evaluation's portfolio weights). */
  options: SupplyOption[];
  weights: number[];
  plannerCountry: string;
  /** The scenario's own accelerators (issue 12), for the supplier tiers. */
  ownAccelerators?: Scenario['ownAccelerators'];
}

/** A split's metrics from a measured combination: `pct[j]` is the share of the j-th pay-as-you-go part. */
export function combine(m: Measured, pct: readonly number[]): Metrics {
  const months = m.parts[0]!.costByMonth.length;
  const byMonth = new Float64Array(months);
  const out: Metrics = {
    npvCcy: 0, costCcy: 0, capexCcy: 0, maxMonthlyCcy: 0, sitePowerKW: m.sitePowerKW, co2eKg: 0, waterL: 0,
    servedRefGpuHours: 0, unmetRefGpuHours: 0, countries: [], jurisdictions: [], options: [], weights: [], plannerCountry: m.plannerCountry,
    ownAccelerators: m.ownAccelerators,
  };
  const spend: number[] = [];
  const served: number[] = [];
  let j = 0;
  let paygShare = 0;
  for (const p of m.parts) {
    let w = 1;
    let cost = p.costCcy;
    if (p.payg) {
      w = (pct[j++] ?? 0) / 100;
      if (w <= 0) continue;
      paygShare += w;
      cost = p.fixedCostCcy + w * (p.costCcy - p.fixedCostCcy);
      out.npvCcy += p.fixedNpvCcy + w * (p.npvCcy - p.fixedNpvCcy);
      for (let t = 0; t < months; t++) byMonth[t]! += p.fixedByMonth[t]! + w * (p.costByMonth[t]! - p.fixedByMonth[t]!);
    } else {
      out.npvCcy += p.npvCcy;
      for (let t = 0; t < months; t++) byMonth[t]! += p.costByMonth[t]!;
    }
    out.costCcy += cost;
    out.capexCcy += p.capexCcy;
    out.co2eKg += w * p.co2eKg;
    out.waterL += w * p.waterL;
    out.servedRefGpuHours += w * p.servedRefGpuHours;
    out.options.push(p.option);
    out.countries.push(countryOf(p.option));
    out.jurisdictions.push(providerHeadquarters(p.option, m.plannerCountry));
    spend.push(Math.max(0, cost));
    served.push(w * p.servedRefGpuHours);
  }
  out.unmetRefGpuHours = paygShare > 0 ? 0 : m.remainderRefGpuHours;
  let max = -Infinity;
  for (let t = 0; t < months; t++) if (byMonth[t]! > max) max = byMonth[t]!;
  out.maxMonthlyCcy = max;
  const spendTotal = spend.reduce((a, b) => a + b, 0);
  const servedTotal = served.reduce((a, b) => a + b, 0);
  // The evaluation's portfolio weights (evaluate.ts): share of spend, by served hours when nothing is spent.
  out.weights = spendTotal > 0 ? spend.map((x) => x / spendTotal) : servedTotal > 0 ? served.map((x) => x / servedTotal) : spend.map(() => 1 / spend.length);
  return out;
}

export function countryOf(o: SupplyOption): string | null {
  return o.kind === 'buy' ? o.gridCountry : o.kind === 'cloud' ? o.regionCountry : o.hostCountry;
}

/** HHI and largest supplier share (percent) of a plan's spend at a tier (dependency.ts). */
export function concentrationAt(metrics: Pick<Metrics, 'options' | 'weights' | 'plannerCountry' | 'ownAccelerators'>, tier: DependencyTier): { hhi: number; topPct: number } {
  const t = portfolioConcentration(metrics.options, metrics.weights, metrics.plannerCountry, metrics).find((x) => x.tier === tier)!;
  return { hhi: t.hhi, topPct: t.shares[0]?.pct ?? 0 };
}

/** The same metrics read from the ordinary evaluation of a plan's scenario (for checks and the CLI). */
export function metricsOfEvaluation(s: Scenario, ev: EvaluationResult): Metrics & { hhiByTier: Record<string, number>; providerTopPct: number } {
  const t = ev.mix.totals;
  const hhiByTier = Object.fromEntries(ev.dependency.portfolio.map((x) => [x.tier, x.hhi]));
  const provider = ev.dependency.portfolio.find((x) => x.tier === 'provider');
  const served = ev.options.map((o) => o.inMix.totals.servedRefGpuHours);
  return {
    npvCcy: t.npvCcy,
    costCcy: t.costCcy,
    capexCcy: t.byCategory.capex,
    maxMonthlyCcy: Math.max(...ev.mix.costCcy),
    sitePowerKW: sitePowerKW(s),
    co2eKg: t.operationalKgCO2e + t.embodiedKgCO2e,
    waterL: t.onsiteWaterL + t.offsiteWaterL,
    servedRefGpuHours: t.servedRefGpuHours,
    unmetRefGpuHours: t.unmetRefGpuHours,
    countries: s.options.map(countryOf),
    jurisdictions: s.options.map((o) => providerHeadquarters(o, s.settings.plannerCountry)),
    options: s.options,
    weights: served,
    plannerCountry: s.settings.plannerCountry,
    ownAccelerators: s.ownAccelerators,
    hhiByTier,
    providerTopPct: provider?.shares[0]?.pct ?? 0,
  };
}

/** Reference GPU-hours a month one GPU of an option can serve (for bounds on counts). */
export function refGpuHoursPerGpuMonth(throughput: number, maxUtilisationPct = 100): number {
  return throughput * HOURS_PER_MONTH * (maxUtilisationPct / 100);
}

export type { Goals };

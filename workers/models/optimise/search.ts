// The optimiser: the best plan under the person's goals, what each binding constraint costs, and
// the frontier around it. Pure and deterministic (no random draw in the deterministic search).
// Methods: docs/methodology.md, "The optimiser".
//
// The whole-number variables (servers bought and order month per purchase, GPUs committed per
// reservation) are enumerated: every combination when there are at most `exhaustiveLimit` of
// them (the optimum is then exact), else an even grid refined by a coordinate search around the
// best (`exact: false`). For each combination one kernel run measures every split of the
// pay-as-you-go remainder (measure.ts), in steps of 5 % (two options), 20 % (three) or 25 % (four or more).
// The person's own mix and each option alone are candidates too, so the plan is never worse.
import { isPayAsYouGo, isReserved, type Goals, type Scenario } from '../../../src/scenario/schema.ts';
import type { Sentence } from '../types.ts';
import { compilePlan } from '../uncertainty/plan.ts';
import { activeConstraints, excessOf, limitOf, outsideJurisdictions, valueOf, type Constraint, type Violation } from './constraints.ts';
import { providerHeadquarters } from '../dependency.ts';
import { combine, concentrationAt, demandOf, measure, refGpuHoursPerGpuMonth, type Measured, type Metrics } from './measure.ts';
import { aloneChoice, applyChoice, pairSplits, splits, typedChoice, type PlanChoice } from './plan.ts';
import { mixRisk, type RiskFigures } from './risk.ts';

/** Whole-number combinations whose splits are refined for the frontier. */
const REFINED_COMBOS = 12;
/** The cheapest plans (by HHI frontier) whose provider HHI is computed. */
const HHI_POOL = 1500;
/** Lowest P95 cost: how many of the best deterministic plans are re-ranked under uncertainty. */
export const RISK_CANDIDATES = 8;

export interface OptimiseOptions {
  /** Most whole-number combinations enumerated exhaustively. */
  exhaustiveLimit?: number;
  onProgress?: (done: number, total: number) => void;
  /** Told after each combination; true stops the search (the result says it was cancelled). */
  shouldStop?: () => boolean;
}

/** One candidate plan as the search keeps it: its choice and what the goals read. */
export interface Candidate {
  choice: PlanChoice;
  npvCcy: number;
  costCcy: number;
  co2eKg: number;
  servedRefGpuHours: number;
  unmetRefGpuHours: number;
  /** Value of each set constraint, in the order of `constraints`. */
  values: number[];
  /** Which constraints it breaks (bit i: constraints[i]). */
  broken: number;
  metrics: Metrics;
}

export interface PlanSummary {
  choice: PlanChoice;
  npvCcy: number;
  costCcy: number;
  co2eKg: number;
  servedRefGpuHours: number;
  unmetRefGpuHours: number;
  values: Partial<Record<Constraint, number>>;
  violations: Violation[];
  /** HHI of the plan's spend by provider, and the largest provider's share (percent). */
  providerHhi: number;
  providerTopPct: number;
  capexCcy: number;
  waterL: number;
}

export interface Binding {
  constraint: Constraint;
  limit: number;
  /** What the objective gains with the constraint relaxed: money saved (NPV), or GPU-hours more served. */
  priceCcy: number;
  moreServedRefGpuHours: number;
  relaxed: PlanChoice;
  /** Servers (purchases) and committed GPUs (reservations) the relaxed plan has more of, in total. */
  moreServers: number;
  moreCommittedGpus: number;
  /** GPUs bought (purchases) the relaxed plan has more of, in total (exact when a count is not whole servers). */
  moreBoughtGpus: number;
  /** Jurisdictions limit: the relaxed plan's options whose provider is outside the list or unknown, by name. */
  outsideOptions?: { name: string; headquarters: string | null }[];
  sentence: Sentence;
}

export interface FrontierPoint {
  npvCcy: number;
  /** kgCO2e (cost against CO2e) or HHI (cost against dependency). */
  y: number;
  choice: PlanChoice;
}

export interface OptimiseResult {
  status: 'ok' | 'infeasible' | 'cancelled' | 'error';
  objective: Goals['objective'];
  /** True when every whole-number combination was enumerated (the optimum is exact). */
  exact: boolean;
  evaluatedPlans: number;
  constraints: Constraint[];
  plan: PlanSummary | null;
  /** The plan as a scenario in the format (the person's options with the proposed counts). */
  scenario: Scenario | null;
  typed: PlanSummary | null;
  binding: Binding[];
  /** When no plan meets every constraint: the closest plan's violations, and each constraint alone. */
  conflicts: { closest: Violation[]; alone: { constraint: Constraint; limit: number; bestValue: number; feasibleAlone: boolean }[] } | null;
  frontier: { co2e: FrontierPoint[]; providerHhi: FrontierPoint[] };
  /** Most demand served: GPU-hours (and tokens, for inference) a budget buys, and the curve. */
  budget: { budgetCcy: number | null; servedRefGpuHours: number | null; tokens: number | null; curve: { budgetCcy: number; servedRefGpuHours: number }[] } | null;
  /** Lowest P95 cost: the candidates re-ranked on the same samples (common random numbers), best first. */
  risk: { samples: number; seed: number; candidates: ({ choice: PlanChoice; npvCcy: number } & RiskFigures)[] } | null;
  sentences: Sentence[];
}

const DEFAULT_GOALS: Goals = {
  objective: 'lowestNpv', capexBudgetCcy: null, maxMonthlyOutflowCcy: null, spendBudgetCcy: null, sitePowerKW: null, co2eCapKg: null,
  waterCapL: null, maxProviderSharePct: null, maxHhi: null, hhiTier: 'provider', countries: null, noUnmetDemand: false,
};

type Dim = { optionId: string; kind: 'buy' | 'reserved'; gpusPerStep: number; maxSteps: number; months: number[] };

/** The whole-number dimensions and their largest useful size (enough to serve the peak month alone). */
function dimensions(s: Scenario, demand: Float64Array): Dim[] {
  const peak = demand.reduce((a, b) => Math.max(a, b), 0);
  const plan = compilePlan(s, 1);
  const dims: Dim[] = [];
  plan.resolved.forEach((r) => {
    const o = r.option;
    if (o.kind === 'buy') {
      const perServer = refGpuHoursPerGpuMonth(r.throughput, o.maxUtilisationPct) * o.gpusPerServer;
      const months = [...new Set([0, o.orderMonth])].filter((m) => m + o.leadTimeMonths < s.settings.horizonMonths).sort((a, b) => a - b);
      dims.push({ optionId: o.id, kind: 'buy', gpusPerStep: o.gpusPerServer, maxSteps: Math.max(1, Math.ceil(peak / perServer)), months });
    } else if (isReserved(o)) {
      dims.push({ optionId: o.id, kind: 'reserved', gpusPerStep: 1, maxSteps: Math.max(1, Math.ceil(peak / refGpuHoursPerGpuMonth(r.throughput))), months: [0] });
    }
  });
  return dims;
}

/** A dimension's value: 0 (not in the plan) or steps × months index. */
type Level = { steps: number; month: number };

function choiceOf(dims: Dim[], levels: Level[]): PlanChoice {
  const c: PlanChoice = { buy: [], reserved: [], shares: [] };
  dims.forEach((d, i) => {
    const l = levels[i]!;
    if (l.steps === 0) return;
    if (d.kind === 'buy') c.buy.push({ optionId: d.optionId, gpus: l.steps * d.gpusPerStep, orderMonth: l.month });
    else c.reserved.push({ optionId: d.optionId, committedGpus: l.steps });
  });
  return c;
}

/** Grid of step counts 0..max with at most `n` values (0 and max always in). */
function grid(max: number, n: number): number[] {
  if (max + 1 <= n) return Array.from({ length: max + 1 }, (_, i) => i);
  const out = new Set<number>([0]);
  for (let i = 1; i < n; i++) out.add(Math.round((i * max) / (n - 1)));
  return [...out].sort((a, b) => a - b);
}

/** The optimiser, run to the end in one go (the command line, the tests, the bench). */
export function optimise(s: Scenario, options: OptimiseOptions = {}): OptimiseResult {
  const steps = optimiseSteps(s, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The optimiser as steps: it yields after each whole-number combination, each refinement and
 * each risk-ranked candidate, so that a worker can let a cancel message in between steps
 * (cooperative cancel: `shouldStop` is read after every step).
 */
export function* optimiseSteps(s: Scenario, options: OptimiseOptions = {}): Generator<void, OptimiseResult, void> {
  const goals = s.goals ?? DEFAULT_GOALS;
  const constraints = activeConstraints(goals);
  const limits = constraints.map((c) => limitOf(c, goals));
  const objective = goals.objective;
  const sentences: Sentence[] = [];
  const empty = (status: OptimiseResult['status']): OptimiseResult => ({
    status, objective, exact: false, evaluatedPlans: 0, constraints, plan: null, scenario: null, typed: null, binding: [], conflicts: null,
    frontier: { co2e: [], providerHhi: [] }, budget: null, risk: null, sentences,
  });
  if (objective === 'lowestP95' && s.uncertainty.ranges.length === 0) {
    sentences.push({ key: 'opt.needsRanges', params: {} });
    return empty('error');
  }
  if (objective === 'mostServed' && goals.spendBudgetCcy === null) {
    sentences.push({ key: 'opt.needsBudget', params: {} });
    return empty('error');
  }
  if (goals.maxHhi !== null && goals.hhiTier !== 'provider' && goals.hhiTier !== 'computeCountry') {
    // A tier whose suppliers the data may not know: say so when every option's share there is unknown.
    const unknown = concentrationAt({ options: s.options, weights: s.options.map(() => 1 / s.options.length), plannerCountry: s.settings.plannerCountry }, goals.hhiTier);
    if (unknown.hhi === 0) sentences.push({ key: 'opt.tierNoData', params: { tier: goals.hhiTier } });
  }
  if (goals.jurisdictions != null) {
    // Providers whose headquarters the reference data does not know: they cannot be shown to meet the limit.
    const hq = s.options.map((o) => providerHeadquarters(o, s.settings.plannerCountry));
    const unknownNames = s.options.filter((_, i) => hq[i] === null).map((o) => o.name);
    if (unknownNames.length > 0) sentences.push({ key: 'opt.jurisdictionUnknown', params: { options: unknownNames.join(', '), count: unknownNames.length } });
  }

  const demand = demandOf(s);
  const dims = dimensions(s, demand);
  const payg = s.options.filter(isPayAsYouGo);
  const k = payg.length;
  const stepPct = k <= 1 ? 100 : k === 2 ? 5 : k === 3 ? 20 : 25;
  const limit = options.exhaustiveLimit ?? 250;

  const pool: Candidate[] = [];
  const seen = new Set<string>();
  const rank = (c: Candidate): [number, number] =>
    objective === 'mostServed' ? [-round(c.servedRefGpuHours), c.npvCcy] : [round(c.unmetRefGpuHours), c.npvCcy];
  const better = (a: Candidate, b: Candidate | null) => {
    if (!b) return true;
    const [a0, a1] = rank(a);
    const [b0, b1] = rank(b);
    if (a0 !== b0) return a0 < b0;
    return a1 < b1 - 1e-9 * Math.max(1, Math.abs(b1));
  };
  let best: Candidate | null = null;

  const addSplit = (m: Measured, choice: PlanChoice, pct: number[]) => {
    const shares = payg.map((o, j) => ({ optionId: o.id, pct: pct[j]! })).filter((x) => x.pct > 0);
    const full: PlanChoice = { ...choice, shares };
    const key = JSON.stringify(full);
    if (seen.has(key)) return;
    seen.add(key);
    const metrics = combine(m, pct);
    if (metrics.options.length === 0) return;
    const values = constraints.map((c) => valueOf(c, metrics, goals));
    let broken = 0;
    values.forEach((v, i) => {
      if (excessOf(constraints[i]!, v, limits[i]!) > 0) broken |= 1 << i;
    });
    const cand: Candidate = {
      choice: full, npvCcy: metrics.npvCcy, costCcy: metrics.costCcy, co2eKg: metrics.co2eKg, servedRefGpuHours: metrics.servedRefGpuHours,
      unmetRefGpuHours: metrics.unmetRefGpuHours, values, broken, metrics,
    };
    pool.push(cand);
    if (broken === 0 && better(cand, best)) best = cand;
  };
  const allSplits = splits(k, stepPct, dims.length > 0);
  /** Each measured combination of the whole-number variables, by its key (for the frontier's finer splits). */
  const measured = new Map<string, { m: Measured; choice: PlanChoice }>();
  const comboKey = (c: PlanChoice) => JSON.stringify({ buy: c.buy, reserved: c.reserved });
  const runCombo = (choice: PlanChoice, only: number[][] = allSplits): boolean => {
    const m = measure(s, choice, demand);
    if (m) {
      measured.set(comboKey(choice), { m, choice });
      for (const pct of only) addSplit(m, choice, pct);
    }
    return m !== null;
  };

  // The person's own mix and each option alone: the plan is never worse than these.
  const typed = typedChoice(s);
  runCombo({ ...typed, shares: [] }, [payg.map((o) => o.demandSharePct)]);
  const typedCand = pool.find((c) => JSON.stringify(c.choice) === JSON.stringify(typed)) ?? pool[0] ?? null;
  for (const o of s.options) {
    const a = aloneChoice(s, o);
    runCombo({ ...a, shares: [] }, [payg.map((p) => (p.id === o.id ? 100 : 0))]);
  }

  // The whole-number combinations: all of them, or an even grid then a coordinate search.
  const sizes = dims.map((d) => 1 + d.maxSteps * d.months.length);
  const total = sizes.reduce((a, b) => a * b, 1);
  const exact = total <= limit;
  let perDim = dims.map((d) => d.maxSteps);
  if (!exact) {
    let n = Math.max(2, Math.floor(limit ** (1 / Math.max(1, dims.length))));
    const count = () => dims.reduce((a, d) => a * (1 + (grid(d.maxSteps, n).length - 1) * d.months.length), 1);
    while (n > 2 && count() > limit) n--;
    perDim = dims.map((d) => grid(d.maxSteps, n).length - 1);
  }
  const values = dims.map((d, i) => (exact ? grid(d.maxSteps, d.maxSteps + 1) : grid(d.maxSteps, perDim[i]! + 1)));
  const levelLists: Level[][] = dims.map((d, i) => [{ steps: 0, month: d.months[0] ?? 0 }, ...values[i]!.filter((v) => v > 0).flatMap((v) => d.months.map((mo) => ({ steps: v, month: mo })))]);
  const combos = levelLists.reduce((a, b) => a * b.length, 1);
  let done = 0;
  let cancelled = false;
  const idx = new Array<number>(dims.length).fill(0);
  for (let n = 0; n < combos && !cancelled; n++) {
    let r = n;
    for (let i = 0; i < dims.length; i++) {
      idx[i] = r % levelLists[i]!.length;
      r = Math.floor(r / levelLists[i]!.length);
    }
    runCombo(choiceOf(dims, idx.map((j, i) => levelLists[i]![j]!)));
    done++;
    if (options.onProgress && done % 50 === 0) options.onProgress(done, combos);
    yield;
    if (options.shouldStop?.()) cancelled = true;
  }
  if (!exact && !cancelled) {
    // Coordinate search: around the best combination, halve the step until it is one server.
    const start = best ?? pool[0];
    if (start) {
      const cur: Level[] = dims.map((d) => {
        const b = start.choice.buy.find((x) => x.optionId === d.optionId);
        const rv = start.choice.reserved.find((x) => x.optionId === d.optionId);
        return b ? { steps: Math.round(b.gpus / d.gpusPerStep), month: b.orderMonth } : rv ? { steps: rv.committedGpus, month: 0 } : { steps: 0, month: d.months[0] ?? 0 };
      });
      let step = Math.max(1, Math.ceil(Math.max(...dims.map((d, i) => d.maxSteps / Math.max(1, perDim[i]!)))));
      while (step >= 1 && !cancelled) {
        let improved = true;
        while (improved && !cancelled) {
          improved = false;
          for (let i = 0; i < dims.length; i++) {
            for (const delta of [-step, step]) {
              const steps = cur[i]!.steps + delta;
              if (steps < 0 || steps > dims[i]!.maxSteps) continue;
              const before: Candidate | null = best;
              const trial = cur.map((l, j) => (j === i ? { ...l, steps } : l));
              runCombo(choiceOf(dims, trial));
              if (best !== before) {
                cur[i] = trial[i]!;
                improved = true;
              }
            }
            yield;
            if (options.shouldStop?.()) cancelled = true;
          }
        }
        step = Math.floor(step / 2);
      }
    }
  }
  options.onProgress?.(combos, combos);

  // Plans meeting every constraint but `name`, serving what `ref` serves (the frontiers' pools).
  const ignoringFor = (ref: Candidate, name: Constraint) => {
    const j = constraints.indexOf(name);
    const mask = j < 0 ? ~0 : ~(1 << j);
    return pool.filter((c) => (c.broken & mask) === 0 && round(c.unmetRefGpuHours) === round(ref.unmetRefGpuHours));
  };
  /** A candidate's provider HHI, computed once. */
  const hhiCache = new Map<Candidate, number>();
  const providerHhiOf = (c: Candidate) => {
    let h = hhiCache.get(c);
    if (h === undefined) hhiCache.set(c, (h = concentrationAt(c.metrics, 'provider').hhi));
    return h;
  };
  const hhiIgnored: Constraint = goals.hhiTier === 'provider' ? 'maxHhi' : 'maxProviderShare';
  const co2ePoints = (ref: Candidate) => pareto(ignoringFor(ref, 'co2eCap').map((c) => ({ npvCcy: c.npvCcy, y: c.co2eKg, choice: c.choice })));
  const hhiPoints = (ref: Candidate) =>
    pareto(ignoringFor(ref, hhiIgnored).sort((a, b) => a.npvCcy - b.npvCcy).slice(0, HHI_POOL).map((c) => ({ npvCcy: c.npvCcy, y: providerHhiOf(c), choice: c.choice })));

  // The frontier sampled finely: the trade-off between a cheap supplier and a cleaner or another
  // one is the segment of splits between them, so for the whole-number combinations on the coarse
  // frontiers (and the best plan's) every split between two pay-as-you-go options is measured in
  // fine steps (1 % with two of them, 2 % with more). Each is a real plan measured like the others;
  // pareto() keeps only the non-dominated ones. A finer split may also be the better plan.
  if (!cancelled && k >= 2 && best) {
    const ref: Candidate = best;
    const keys = new Set([comboKey(ref.choice), ...[...co2ePoints(ref), ...hhiPoints(ref)].map((p) => comboKey(p.choice))]);
    const fine = pairSplits(k, k === 2 ? 1 : 2);
    for (const key of [...keys].slice(0, REFINED_COMBOS)) {
      const e = measured.get(key);
      if (!e) continue;
      for (const pct of fine) addSplit(e.m, e.choice, pct);
      yield;
      if (options.shouldStop?.()) {
        cancelled = true;
        break;
      }
    }
  }

  // Lowest P95 cost: the best deterministic candidates re-ranked by the 95th percentile of their
  // NPV over the Monte Carlo, every candidate on the same samples (common random numbers, risk.ts).
  let risk: OptimiseResult['risk'] = null;
  if (objective === 'lowestP95' && best && !cancelled) {
    const ref: Candidate = best;
    const seenPlans = new Set<string>();
    const list = pool
      .filter((c) => c.broken === 0 && round(c.unmetRefGpuHours) === round(ref.unmetRefGpuHours))
      .sort((a, b) => a.npvCcy - b.npvCcy)
      .filter((c) => {
        const key = JSON.stringify(c.choice);
        if (seenPlans.has(key)) return false;
        seenPlans.add(key);
        return true;
      })
      .slice(0, RISK_CANDIDATES);
    if (typedCand && typedCand.broken === 0 && !seenPlans.has(JSON.stringify(typedCand.choice)) && round(typedCand.unmetRefGpuHours) === round(ref.unmetRefGpuHours)) list.push(typedCand);
    const { samples, seed } = s.uncertainty;
    const ranked: { candidate: Candidate; figures: RiskFigures }[] = [];
    for (const c of list) {
      const sc = applyChoice(s, c.choice);
      if (sc) ranked.push({ candidate: c, figures: mixRisk(sc, samples, seed) });
      options.onProgress?.(ranked.length, list.length);
      yield;
      if (options.shouldStop?.()) {
        cancelled = true;
        break;
      }
    }
    if (!cancelled && ranked.length > 0) {
      ranked.sort((a, b) => a.figures.p95NpvCcy - b.figures.p95NpvCcy || a.candidate.npvCcy - b.candidate.npvCcy);
      best = ranked[0]!.candidate;
      risk = { samples, seed, candidates: ranked.map((r) => ({ choice: r.candidate.choice, npvCcy: r.candidate.npvCcy, ...r.figures })) };
    }
  }

  const summary = (c: Candidate): PlanSummary => ({
    choice: c.choice, npvCcy: c.npvCcy, costCcy: c.costCcy, co2eKg: c.co2eKg, servedRefGpuHours: c.servedRefGpuHours,
    unmetRefGpuHours: c.unmetRefGpuHours,
    values: Object.fromEntries(constraints.map((x, i) => [x, c.values[i]!])),
    providerHhi: concentrationAt(c.metrics, 'provider').hhi, providerTopPct: concentrationAt(c.metrics, 'provider').topPct,
    capexCcy: c.metrics.capexCcy, waterL: c.metrics.waterL,
    violations: constraints.flatMap((x, i) => (c.broken & (1 << i) ? [{ constraint: x, limit: limits[i]!, value: c.values[i]!, excess: c.values[i]! - limits[i]! }] : [])),
  });
  const result = empty(cancelled ? 'cancelled' : 'ok');
  result.exact = exact && !cancelled;
  result.evaluatedPlans = pool.length;
  result.typed = typedCand ? summary(typedCand) : null;
  const chosen = best as Candidate | null;
  if (!chosen) {
    result.status = cancelled ? 'cancelled' : 'infeasible';
    // The closest plan: least total excess, each relative to its limit.
    let closest: Candidate | null = null;
    let closestScore = Infinity;
    for (const c of pool) {
      const score = c.values.reduce((a, v, i) => a + excessOf(constraints[i]!, v, limits[i]!) / Math.max(1e-9, Math.abs(limits[i]!) || 1), 0);
      if (score < closestScore) {
        closestScore = score;
        closest = c;
      }
    }
    result.conflicts = {
      closest: closest ? summary(closest).violations : [],
      alone: constraints.map((x, i) => {
        const bestValue = Math.min(...pool.map((c) => c.values[i]!));
        return { constraint: x, limit: limits[i]!, bestValue, feasibleAlone: excessOf(x, bestValue, limits[i]!) === 0 };
      }),
    };
    const list = result.conflicts.closest;
    sentences.push({ key: 'opt.infeasible', params: { constraints: list.map((v) => v.constraint).join(', '), count: list.length } });
    return result;
  }
  result.plan = summary(chosen);
  result.scenario = applyChoice(s, chosen.choice, { id: `${s.id}-plan`.slice(0, 64), name: `${s.name} — plan`.slice(0, 120) });
  result.risk = risk;
  if (risk) sentences.push({ key: 'opt.riskRanked', params: { count: risk.candidates.length, samples: risk.samples, seed: risk.seed } });

  // Binding constraints: the best plan with that one constraint lifted, the others kept.
  constraints.forEach((x, i) => {
    let relaxed: Candidate | null = null;
    const mask = ~(1 << i);
    for (const c of pool) if ((c.broken & mask) === 0 && better(c, relaxed)) relaxed = c;
    const r = relaxed as Candidate | null;
    if (!r || !better(r, chosen)) return;
    const servers = (c: PlanChoice) => c.buy.reduce((a, b) => a + Math.round(b.gpus / (s.options.find((o) => o.id === b.optionId)?.gpusPerServer ?? 1)), 0);
    const committed = (c: PlanChoice) => c.reserved.reduce((a, b) => a + b.committedGpus, 0);
    const bought = (c: PlanChoice) => c.buy.reduce((a, b) => a + b.gpus, 0);
    const price = chosen.npvCcy - r.npvCcy;
    const b: Binding = {
      constraint: x, limit: limits[i]!, priceCcy: price, moreServedRefGpuHours: r.servedRefGpuHours - chosen.servedRefGpuHours, relaxed: r.choice,
      moreServers: servers(r.choice) - servers(chosen.choice), moreCommittedGpus: committed(r.choice) - committed(chosen.choice),
      moreBoughtGpus: bought(r.choice) - bought(chosen.choice),
      sentence: { key: 'opt.binding', params: {} },
    };
    if (x === 'jurisdictions') {
      const m = r.metrics;
      b.outsideOptions = outsideJurisdictions(m.jurisdictions, goals).map((j) => ({ name: m.options[j]!.name, headquarters: m.jurisdictions[j]! }));
    }
    b.sentence = {
      key: objective === 'mostServed' ? 'opt.bindingServed' : 'opt.binding',
      params: { constraint: x, limit: limits[i]!, priceCcy: Math.round(price), currency: s.settings.currency, moreServers: b.moreServers, moreBoughtGpus: b.moreBoughtGpus, moreCommittedGpus: b.moreCommittedGpus, moreGpuHours: Math.round(b.moreServedRefGpuHours) },
    };
    result.binding.push(b);
  });

  // Frontiers: plans meeting every other constraint, non-dominated in (NPV, CO2e) and (NPV, provider HHI).
  const ignoring = (name: Constraint) => ignoringFor(chosen, name);
  result.frontier.co2e = co2ePoints(chosen);
  result.frontier.providerHhi = hhiPoints(chosen);

  if (objective === 'mostServed') {
    const others = ignoring('spendBudget');
    const costs = others.map((c) => c.costCcy).sort((a, b) => a - b);
    const lo = costs[0] ?? 0;
    const hi = costs[costs.length - 1] ?? 0;
    const curve: { budgetCcy: number; servedRefGpuHours: number }[] = [];
    for (let p = 0; p < 24 && hi > lo; p++) {
      const budgetCcy = lo + ((hi - lo) * p) / 23;
      const served = others.filter((c) => c.costCcy <= budgetCcy * (1 + 1e-12)).reduce((a, c) => Math.max(a, c.servedRefGpuHours), 0);
      curve.push({ budgetCcy, servedRefGpuHours: served });
    }
    const w = s.workload;
    const tokens = w.kind === 'inference' ? chosen.servedRefGpuHours * 3600 * w.tokensPerSecondPerGpu : null;
    result.budget = { budgetCcy: goals.spendBudgetCcy, servedRefGpuHours: chosen.servedRefGpuHours, tokens, curve };
    sentences.push({ key: tokens === null ? 'opt.budgetBuys' : 'opt.budgetBuysTokens', params: { budgetCcy: goals.spendBudgetCcy ?? 0, currency: s.settings.currency, gpuHours: Math.round(chosen.servedRefGpuHours), tokens: tokens ?? 0 } });
  }
  return result;
}

/** Rounds GPU-hours to a thousandth, so that rounding noise does not rank plans. */
function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The non-dominated points (lower cost, lower y), cheapest first. */
export function pareto(points: FrontierPoint[]): FrontierPoint[] {
  const sorted = [...points].sort((a, b) => a.npvCcy - b.npvCcy || a.y - b.y);
  const out: FrontierPoint[] = [];
  let bestY = Infinity;
  for (const p of sorted) {
    if (p.y < bestY - 1e-9 * Math.max(1, Math.abs(bestY === Infinity ? p.y : bestY))) {
      out.push(p);
      bestY = p.y;
    }
  }
  return out;
}

// The optimiser (issue 14): brute force agrees with it on small generated scenarios; the plan is
// never worse than any option alone or the typed mix; every constraint holds in the returned plan,
// checked through the ordinary evaluation; same seed, same plan; conflicts are named.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Goals, Scenario } from '../../../src/scenario/schema.ts';
import { validateScenario } from '../../../src/scenario/load.ts';
import { evaluateScenario } from '../../../workers/models/evaluate.ts';
import { activeConstraints, excessOf, limitOf, valueOf, type Constraint } from '../../../workers/models/optimise/constraints.ts';
import { metricsOfEvaluation } from '../../../workers/models/optimise/measure.ts';
import { applyChoice, splits, type PlanChoice } from '../../../workers/models/optimise/plan.ts';
import { optimise } from '../../../workers/models/optimise/search.ts';
import { buy, cloud, market, scenario, valid } from '../helpers.ts';

const NO_GOALS: Goals = {
  objective: 'lowestNpv', capexBudgetCcy: null, maxMonthlyOutflowCcy: null, spendBudgetCcy: null, sitePowerKW: null, co2eCapKg: null,
  waterCapL: null, maxProviderSharePct: null, maxHhi: null, hhiTier: 'provider', countries: null, noUnmetDemand: false,
};

/** A constraint's value read from the ordinary evaluation of a plan's scenario (its own dependency result for concentration). */
function evaluatedValue(c: Constraint, plan: Scenario, g: Goals): number {
  const ev = evaluateScenario(plan);
  const m = metricsOfEvaluation(plan, ev);
  if (c === 'maxProviderShare') return m.providerTopPct;
  if (c === 'maxHhi') return m.hhiByTier[g.hhiTier]!;
  return valueOf(c, m, g);
}

/** Every constraint holds in `plan`, through evaluateScenario. */
function assertMeets(plan: Scenario, g: Goals): void {
  for (const c of activeConstraints(g)) {
    const v = evaluatedValue(c, plan, g);
    expect(excessOf(c, v, limitOf(c, g)), `${c}: ${v} over ${limitOf(c, g)}`).toBe(0);
  }
}

/** Brute force: every whole-number choice and split the small case allows, each through validation and evaluateScenario. */
function bruteForce(s: Scenario, maxServers: number, maxCommitted: number, stepPct: number): { npv: number; unmet: number } | null {
  const g = s.goals!;
  const b = s.options.find((o) => o.kind === 'buy');
  const r = s.options.find((o) => o.kind === 'cloud' && o.pricingModel === 'reserved1y');
  const payg = s.options.filter((o) => o.kind === 'decentralised' || (o.kind === 'cloud' && o.pricingModel === 'onDemand'));
  let best: { npv: number; unmet: number } | null = null;
  for (let sv = 0; sv <= (b ? maxServers : 0); sv++) {
    for (let cg = 0; cg <= (r ? maxCommitted : 0); cg++) {
      for (const pct of splits(payg.length, stepPct, true)) {
        const choice: PlanChoice = {
          buy: b && sv > 0 ? [{ optionId: b.id, gpus: sv * b.gpusPerServer, orderMonth: 0 }] : [],
          reserved: r && cg > 0 ? [{ optionId: r.id, committedGpus: cg }] : [],
          shares: payg.map((o, j) => ({ optionId: o.id, pct: pct[j]! })).filter((x) => x.pct > 0),
        };
        const plan = applyChoice(s, choice);
        if (!plan) continue;
        const v = validateScenario(plan);
        if (!v.ok) throw new Error(JSON.stringify(v.issues));
        const ev = evaluateScenario(v.scenario);
        if (activeConstraints(g).some((c) => excessOf(c, evaluatedValue(c, v.scenario, g), limitOf(c, g)) > 0)) continue;
        const cand = { npv: ev.mix.totals.npvCcy, unmet: Math.round(ev.mix.totals.unmetRefGpuHours * 1000) / 1000 };
        if (!best || cand.unmet < best.unmet || (cand.unmet === best.unmet && cand.npv < best.npv)) best = cand;
      }
    }
  }
  return best;
}

/** A small case: one purchase (up to 2 servers), one 1-year reservation (up to 4 GPUs), one market; 12 months. */
const arbSmall = fc
  .record({
    demand: fc.integer({ min: 200, max: 2900 }),
    gpusPerServer: fc.constantFrom(4, 8),
    unitPrice: fc.integer({ min: 2000, max: 40000 }),
    reservedPrice: fc.double({ min: 0.5, max: 4, noNaN: true }),
    marketPrice: fc.double({ min: 0.5, max: 6, noNaN: true }),
    sitePowerKW: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
    capexBudget: fc.option(fc.integer({ min: 10000, max: 200000 }), { nil: null }),
    co2eCap: fc.option(fc.integer({ min: 1000, max: 60000 }), { nil: null }),
    noUnmet: fc.boolean(),
    withMarket: fc.boolean(),
  })
  .map((p) => {
    const options = [
      buy({ id: 'own', gpusPerServer: p.gpusPerServer, gpuCount: p.gpusPerServer, unitPriceCcyPerGpu: p.unitPrice, serverAndNetworkCcy: 1000 * p.gpusPerServer }),
      cloud({ id: 'res', pricingModel: 'reserved1y', committedGpus: 1, demandSharePct: 0, priceCcyPerGpuHour: p.reservedPrice, provider: 'Azure' }),
      ...(p.withMarket ? [market({ id: 'mkt', priceCcyPerGpuHour: p.marketPrice })] : []),
    ];
    const s = valid(scenario(options, { months: 12, workload: { kind: 'gpuHours', referenceAcceleratorId: 'nvidia-h100-sxm', gpuHoursPerMonth: p.demand, growthPctPerMonth: 0 } }));
    const goals: Goals = { ...NO_GOALS, sitePowerKW: p.sitePowerKW, capexBudgetCcy: p.capexBudget, co2eCapKg: p.co2eCap, noUnmetDemand: p.noUnmet };
    return { ...s, goals };
  });

describe('the optimiser', () => {
  it('agrees with brute force through evaluateScenario on 200 generated small cases, and its plan meets every constraint', () => {
    fc.assert(
      fc.property(arbSmall, (s) => {
        const r = optimise(s);
        const maxServers = Math.ceil(s.workload.kind === 'gpuHours' ? s.workload.gpuHoursPerMonth / (730 * s.options[0]!.gpusPerServer) : 0);
        const maxCommitted = Math.ceil(s.workload.kind === 'gpuHours' ? s.workload.gpuHoursPerMonth / 730 : 0);
        const brute = bruteForce(s, maxServers, maxCommitted, 100);
        expect(r.exact).toBe(true);
        if (brute === null) {
          expect(r.status).toBe('infeasible');
          expect(r.plan).toBeNull();
          expect(r.conflicts?.closest.length).toBeGreaterThan(0);
          return;
        }
        expect(r.status).toBe('ok');
        const plan = validateScenario(r.scenario);
        if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
        const ev = evaluateScenario(plan.scenario);
        // The optimiser's own figure is the ordinary evaluation's.
        expect(r.plan!.npvCcy).toBeCloseTo(ev.mix.totals.npvCcy, 4);
        expect(Math.round(ev.mix.totals.unmetRefGpuHours * 1000) / 1000).toBeLessThanOrEqual(brute.unmet);
        if (Math.round(ev.mix.totals.unmetRefGpuHours * 1000) / 1000 === brute.unmet) {
          expect(ev.mix.totals.npvCcy).toBeLessThanOrEqual(brute.npv + 1e-6 * Math.max(1, Math.abs(brute.npv)));
          expect(ev.mix.totals.npvCcy).toBeGreaterThanOrEqual(brute.npv - 1e-6 * Math.max(1, Math.abs(brute.npv)));
        }
        assertMeets(plan.scenario, s.goals!);
      }),
      { numRuns: 200, seed: 14 },
    );
  }, 300_000);

  it('splits the remainder among two pay-as-you-go options as brute force does (1 % steps: the frontier\'s finer splits), under a provider-share cap', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 5, noNaN: true }), fc.double({ min: 0.5, max: 5, noNaN: true }), fc.integer({ min: 40, max: 100 }), (a, b, cap) => {
        const s0 = valid(scenario([cloud({ id: 'aws', priceCcyPerGpuHour: a, demandSharePct: 50 }), market({ id: 'vast', priceCcyPerGpuHour: b, demandSharePct: 50 })], { months: 6 }));
        const s: Scenario = { ...s0, goals: { ...NO_GOALS, maxProviderSharePct: cap } };
        const r = optimise(s);
        const brute = bruteForce(s, 0, 0, 1);
        expect(r.status).toBe(brute ? 'ok' : 'infeasible');
        if (!brute) return;
        expect(r.plan!.npvCcy).toBeCloseTo(brute.npv, 4);
        assertMeets(validateScenario(r.scenario).ok ? r.scenario! : (null as never), s.goals!);
      }),
      { numRuns: 20, seed: 7 },
    );
  }, 120_000);

  it('is never worse than the typed mix or any option alone when they meet the goals, and gives the same plan twice', () => {
    fc.assert(
      fc.property(arbSmall, (s) => {
        const r = optimise(s);
        expect(optimise(s)).toEqual(r);
        if (r.status !== 'ok') return;
        const g = s.goals!;
        const others = [s, ...s.options.map((o) => applyChoice(s, { buy: o.kind === 'buy' ? [{ optionId: o.id, gpus: o.gpuCount, orderMonth: o.orderMonth }] : [], reserved: o.kind === 'cloud' && o.pricingModel === 'reserved1y' ? [{ optionId: o.id, committedGpus: o.committedGpus }] : [], shares: o.kind === 'decentralised' ? [{ optionId: o.id, pct: 100 }] : [] })!)];
        for (const other of others) {
          const v = validateScenario(other);
          if (!v.ok) continue;
          if (activeConstraints(g).some((c) => excessOf(c, evaluatedValue(c, v.scenario, g), limitOf(c, g)) > 0)) continue;
          const ev = evaluateScenario(v.scenario);
          const unmet = Math.round(ev.mix.totals.unmetRefGpuHours * 1000) / 1000;
          if (unmet > r.plan!.unmetRefGpuHours) continue;
          expect(r.plan!.npvCcy).toBeLessThanOrEqual(ev.mix.totals.npvCcy + 1e-6 * Math.abs(ev.mix.totals.npvCcy));
        }
      }),
      { numRuns: 40, seed: 3 },
    );
  }, 120_000);

  it('names the constraints that conflict, and by how much, instead of an empty or invented plan', () => {
    const s0 = valid(scenario([buy({ id: 'own' }), market({ id: 'mkt' })], { months: 12 }));
    const s: Scenario = { ...s0, goals: { ...NO_GOALS, noUnmetDemand: true, spendBudgetCcy: 10, co2eCapKg: 1 } };
    const r = optimise(s);
    expect(r.status).toBe('infeasible');
    expect(r.plan).toBeNull();
    expect(r.scenario).toBeNull();
    const names = r.conflicts!.closest.map((v) => v.constraint);
    expect(names.length).toBeGreaterThan(0);
    for (const v of r.conflicts!.closest) expect(v.excess).toBeGreaterThan(0);
    expect(r.sentences.map((x) => x.key)).toContain('opt.infeasible');
  });

  it('prices a binding power cap: relaxing it saves money and buys more servers', () => {
    // Owning is far cheaper than the market here, so the cap on site power binds.
    const s0 = valid(scenario([buy({ id: 'own', unitPriceCcyPerGpu: 1000, serverAndNetworkCcy: 0, gpuCount: 8 }), market({ id: 'mkt', priceCcyPerGpuHour: 5 })], { months: 24 }));
    const s: Scenario = { ...s0, goals: { ...NO_GOALS, sitePowerKW: 1, noUnmetDemand: true } };
    const r = optimise(s);
    expect(r.status).toBe('ok');
    const power = r.binding.find((b) => b.constraint === 'sitePower');
    expect(power).toBeDefined();
    expect(power!.priceCcy).toBeGreaterThan(0);
    expect(power!.moreServers).toBeGreaterThan(0);
    assertMeets(r.scenario!, s.goals!);
    expect(r.frontier.co2e.length).toBeGreaterThan(0);
  });

  it('says when a risk-based objective has no ranges to work with', () => {
    const s0 = valid(scenario([market({ id: 'mkt' })], { months: 6 }));
    const r = optimise({ ...s0, goals: { ...NO_GOALS, objective: 'lowestP95' } });
    expect(r.status).toBe('error');
    expect(r.sentences[0]!.key).toBe('opt.needsRanges');
    expect(r.plan).toBeNull();
  });

  it('most demand served: states what the budget buys and draws the curve', () => {
    const s0 = valid(scenario([buy({ id: 'own', gpuCount: 8 })], { months: 12 }));
    const r = optimise({ ...s0, goals: { ...NO_GOALS, objective: 'mostServed', spendBudgetCcy: 120_000 } });
    expect(r.status).toBe('ok');
    expect(r.plan!.costCcy).toBeLessThanOrEqual(120_000);
    expect(r.budget!.servedRefGpuHours).toBeGreaterThan(0);
    const curve = r.budget!.curve;
    for (let i = 1; i < curve.length; i++) expect(curve[i]!.servedRefGpuHours).toBeGreaterThanOrEqual(curve[i - 1]!.servedRefGpuHours);
  });
});

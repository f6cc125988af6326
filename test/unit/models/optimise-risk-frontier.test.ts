// The optimiser's frontier (≥ 20 honest Pareto points on the mix example with goals) and its
// risk-based re-ranking (lowest P95 cost): per-sample mix NPVs through the one kernel, with
// common random numbers; same seed, same plan.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../../src/scenario/load.ts';
import type { Goals, Range, Scenario } from '../../../src/scenario/schema.ts';
import { evaluateScenario } from '../../../workers/models/evaluate.ts';
import { metricsOfEvaluation } from '../../../workers/models/optimise/measure.ts';
import { applyChoice } from '../../../workers/models/optimise/plan.ts';
import { mixNpvSamples, mixRisk } from '../../../workers/models/optimise/risk.ts';
import { optimise, optimiseSteps, type FrontierPoint } from '../../../workers/models/optimise/search.ts';
import { buy, cloud, market, scenario, valid } from '../helpers.ts';

const NO_GOALS: Goals = {
  objective: 'lowestNpv', capexBudgetCcy: null, maxMonthlyOutflowCcy: null, spendBudgetCcy: null, sitePowerKW: null, co2eCapKg: null,
  waterCapL: null, maxProviderSharePct: null, maxHhi: null, hhiTier: 'provider', countries: null, noUnmetDemand: false,
};

function mixWithGoals(): Scenario {
  const l = loadScenarioText(readFileSync('test/fixtures/scenarios/optimise-mix-goals.json', 'utf8'));
  if (!l.ok) throw new Error('fixture does not load');
  return l.scenario;
}

function assertPareto(points: FrontierPoint[]): void {
  for (const p of points) {
    for (const q of points) {
      if (p === q) continue;
      const dominates = q.npvCcy <= p.npvCcy && q.y <= p.y && (q.npvCcy < p.npvCcy || q.y < p.y);
      expect(dominates, `${JSON.stringify(q.choice)} dominates ${JSON.stringify(p.choice)}`).toBe(false);
    }
  }
}

const range = (over: Partial<Range> & Pick<Range, 'target' | 'field' | 'low' | 'high'>): Range => ({ optionId: null, shape: 'uniform', ...over });

describe('the frontier', () => {
  it('has at least 20 non-dominated points on each chart for the mix example with goals, each a real plan measured as the evaluation measures it', () => {
    const s = mixWithGoals();
    const r = optimise(s);
    expect(r.status).toBe('ok');
    expect(r.frontier.co2e.length).toBeGreaterThanOrEqual(20);
    expect(r.frontier.providerHhi.length).toBeGreaterThanOrEqual(20);
    assertPareto(r.frontier.co2e);
    assertPareto(r.frontier.providerHhi);
    // Every fifth point, through the ordinary evaluation of its scenario.
    r.frontier.co2e.filter((_, i) => i % 5 === 0).forEach((p) => {
      const plan = valid(applyChoice(s, p.choice)!);
      const ev = evaluateScenario(plan);
      expect(ev.mix.totals.npvCcy).toBeCloseTo(p.npvCcy, 2);
      expect(ev.mix.totals.operationalKgCO2e + ev.mix.totals.embodiedKgCO2e).toBeCloseTo(p.y, 2);
    });
    r.frontier.providerHhi.filter((_, i) => i % 5 === 0).forEach((p) => {
      const plan = valid(applyChoice(s, p.choice)!);
      expect(metricsOfEvaluation(plan, evaluateScenario(plan)).hhiByTier['provider']).toBeCloseTo(p.y, 4);
    });
  });
});

describe('risk-based re-ranking (lowest P95 cost)', () => {
  it('sums the options of the mix per sample, with the same draws of an input whatever the other options (common random numbers)', () => {
    // Two pay-as-you-go options with no fixed monthly part: the mix's NPV in sample k is 30 % of A's
    // plus 70 % of B's, each alone — only if A's price is drawn alike in both runs.
    const a = cloud({ id: 'a', priceCcyPerGpuHour: 2, demandSharePct: 30 });
    const b = market({ id: 'b', priceCcyPerGpuHour: 1.5, demandSharePct: 70 });
    const ranges = [
      range({ target: 'option', optionId: 'a', field: 'priceCcyPerGpuHour', low: 1.5, high: 3 }),
      range({ target: 'option', optionId: 'b', field: 'priceCcyPerGpuHour', low: 1, high: 2.5 }),
      range({ target: 'workload', field: 'gpuHoursPerMonth', low: 800, high: 1500 }),
    ];
    const base = scenario([a, b], { months: 12, discountPct: 8 });
    const mix = valid({ ...base, uncertainty: { ...base.uncertainty, ranges } });
    const aAlone = valid({ ...mix, options: [{ ...a, demandSharePct: 100 }], uncertainty: { ...mix.uncertainty, ranges: ranges.filter((r) => r.optionId !== 'b') } });
    const bAlone = valid({ ...mix, options: [{ ...b, demandSharePct: 100 }], uncertainty: { ...mix.uncertainty, ranges: ranges.filter((r) => r.optionId !== 'a') } });
    const n = 600;
    const vm = mixNpvSamples(mix, n, 42);
    const va = mixNpvSamples(aAlone, n, 42);
    const vb = mixNpvSamples(bAlone, n, 42);
    for (let k = 0; k < n; k++) expect(vm[k]).toBeCloseTo(0.3 * va[k]! + 0.7 * vb[k]!, 6);
    // Not one constant: the samples do vary.
    expect(Math.max(...vm) - Math.min(...vm)).toBeGreaterThan(1000);
    // Same seed, same numbers; another seed, others.
    expect(mixNpvSamples(mix, n, 42)).toEqual(vm);
    expect(mixNpvSamples(mix, n, 43)).not.toEqual(vm);
  });

  it('agrees with the evaluation when the ranges are almost points', () => {
    const own = buy({ id: 'own', gpuCount: 8 });
    const mkt = market({ id: 'mkt', priceCcyPerGpuHour: 2, demandSharePct: 100 });
    const base = scenario([own, mkt], { months: 24, discountPct: 5, workload: { kind: 'gpuHours', referenceAcceleratorId: 'nvidia-h100-sxm', gpuHoursPerMonth: 9000, growthPctPerMonth: 1 } });
    const s = valid({ ...base, uncertainty: { ...base.uncertainty, ranges: [range({ target: 'option', optionId: 'mkt', field: 'priceCcyPerGpuHour', low: 1.999999, high: 2.000001 })] } });
    const f = mixRisk(s, 1000, 1);
    expect(f.p50NpvCcy).toBeCloseTo(evaluateScenario(s).mix.totals.npvCcy, 0);
  });

  it('re-ranks the best deterministic plans on their P95 and gives the same plan for the same seed', () => {
    const own = buy({ id: 'own', gpuCount: 8 });
    const aws = cloud({ id: 'aws', priceCcyPerGpuHour: 2.2, demandSharePct: 50 });
    const mkt = market({ id: 'mkt', priceCcyPerGpuHour: 1.8, demandSharePct: 50 });
    const base = scenario([own, aws, mkt], { months: 24, discountPct: 5, workload: { kind: 'gpuHours', referenceAcceleratorId: 'nvidia-h100-sxm', gpuHoursPerMonth: 6000, growthPctPerMonth: 0 } });
    // The market is cheaper on average but far more uncertain: its P95 is high.
    const ranges = [range({ target: 'option', optionId: 'mkt', field: 'priceCcyPerGpuHour', low: 0.8, high: 4.5, shape: 'lognormal' })];
    const s: Scenario = { ...valid({ ...base, uncertainty: { samples: 2000, seed: 9, ranges } }), goals: { ...NO_GOALS, objective: 'lowestP95', noUnmetDemand: true } };
    const r = optimise(s);
    expect(r.status).toBe('ok');
    expect(r.risk).not.toBeNull();
    const c = r.risk!.candidates;
    expect(c.length).toBeGreaterThan(1);
    for (let i = 1; i < c.length; i++) expect(c[i]!.p95NpvCcy).toBeGreaterThanOrEqual(c[i - 1]!.p95NpvCcy);
    expect(r.plan!.choice).toEqual(c[0]!.choice);
    // Its P95 is the P95 of its own scenario's per-sample NPVs, on the scenario's samples and seed.
    expect(mixRisk(r.scenario!, 2000, 9).p95NpvCcy).toBeCloseTo(c[0]!.p95NpvCcy, 6);
    expect(optimise(s)).toEqual(r);
    expect(r.sentences.map((x) => x.key)).toContain('opt.riskRanked');
  });

  it('stops between steps when asked (cooperative cancel)', () => {
    const s = mixWithGoals();
    let steps = 0;
    const g = optimiseSteps(s, { shouldStop: () => steps >= 3 });
    let r = g.next();
    while (!r.done) {
      steps++;
      r = g.next();
    }
    expect(r.value.status).toBe('cancelled');
    expect(steps).toBeLessThan(10);
  });
});

describe('the worker’s optimiser call', () => {
  it('lets a cancel in between steps and answers “cancelled”; without a cancel it answers the same plan as the direct call', async () => {
    const { cancelOptimise, optimiseOf } = await import('../../../workers/api.ts');
    const s = mixWithGoals();
    let now = 0;
    const clock = () => (now += 50);
    // The pause is where the worker handles its other messages: a cancel arrives there.
    const cancelled = await optimiseOf(s, undefined, clock, async () => cancelOptimise());
    expect(cancelled.ok && cancelled.result.status).toBe('cancelled');
    const done = await optimiseOf(s, undefined, clock, async () => undefined);
    expect(done.ok && done.result).toEqual(optimise(s));
  });
});
